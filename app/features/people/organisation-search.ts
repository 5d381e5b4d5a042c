/**
 * What people type to find an organisation, read as they mean it (pure: the server's searches
 * and the browser's organisation picker share it). "tp hcm", "hcm", "tphcm" and "sài gòn" find
 * Thành phố Hồ Chí Minh; "hanoi" finds Hà Nội; "Sở Ngoại vụ Quảng Ninh" and "UBND Quảng Ninh"
 * find Quảng Ninh: the text is folded (foldForSearch), the usual prefixes of a province's
 * offices are dropped, known short forms are expanded, and words typed together ("hanoi",
 * "quangninh") match the name written apart.
 */
import { foldForSearch } from "~/lib/text";

/**
 * What the organisation picker sends for a name typed but not picked from its list ("typed:…"),
 * so that the form says "choose the organisation from the list" rather than "required".
 */
export const TYPED_ORGANISATION = "typed:";

/** Known short forms and other names, folded, and the folded name they stand for. */
export const ORGANISATION_ALIASES: Readonly<Record<string, string>> = {
  hcm: "ho chi minh",
  tphcm: "ho chi minh",
  hcmc: "ho chi minh",
  "sai gon": "ho chi minh",
  saigon: "ho chi minh",
  "ho chi minh city": "ho chi minh",
  hn: "ha noi",
  hanoi: "ha noi",
  "ha noi city": "ha noi",
  hp: "hai phong",
  danang: "da nang",
  dn: "da nang",
  hue: "thua thien hue",
  "tp hue": "thua thien hue",
  brvt: "ba ria vung tau",
  "vung tau": "ba ria vung tau",
  ct: "can tho",
  cantho: "can tho",
  bng: "bo ngoai giao",
  mofa: "ministry of foreign affairs",
};

/**
 * Prefixes of an office's name that are not the province's name, folded and longest first:
 * "Sở Ngoại vụ", "Ủy ban nhân dân" (UBND), "tỉnh", "thành phố" (TP).
 */
export const ORGANISATION_PREFIXES: readonly string[] = [
  "so ngoai vu",
  "uy ban nhan dan",
  "ubnd",
  "hdnd",
  "van phong",
  "tinh",
  "thanh pho",
  "tp",
];

function stripPrefixes(folded: string): string {
  let rest = folded;
  for (let changed = true; changed;) {
    changed = false;
    for (const prefix of ORGANISATION_PREFIXES) {
      if (rest.startsWith(`${prefix} `)) {
        rest = rest.slice(prefix.length + 1);
        changed = true;
      }
    }
  }
  return rest;
}

/** The folded texts a query stands for (any of them may match): as typed, without prefixes, and expanded. */
export function organisationNeedles(query: string): string[] {
  const folded = foldForSearch(query);
  if (!folded) return [];
  const stripped = stripPrefixes(folded);
  const needles = new Set([folded, stripped]);
  for (const form of [folded, stripped, folded.replace(/ /g, ""), stripped.replace(/ /g, "")]) {
    const alias = ORGANISATION_ALIASES[form];
    if (alias) needles.add(alias);
  }
  needles.delete("");
  return [...needles];
}

/** Words typed together match names written apart, for needles long enough not to match by chance. */
const COMPACT_FROM = 5;
export const compactNeedle = (needle: string) => (needle.length >= COMPACT_FROM ? needle.replace(/ /g, "") : null);

/**
 * How well an organisation matches the needles: 0 one of its names is the needle (its prefixes
 * aside), 1 a name starts with it, 2 its search key contains it, 3 it does with the spaces left
 * out; -1 no match. `names` is searchKey(name_vi, name_en); `key` the whole search key (with
 * country, city, abbreviation), the names when not given. Lists show the best first.
 */
export function organisationRank(names: string, needles: string[], key = names): number {
  let best = -1;
  const better = (rank: number) => {
    if (best === -1 || rank < best) best = rank;
  };
  const nameList = names.split("|").map((n) => n.trim());
  const compactKey = key.replace(/[ |]/g, "");
  for (const needle of needles) {
    for (const name of nameList) {
      if (name === needle || stripPrefixes(name) === needle) better(0);
      else if (name.startsWith(needle) || stripPrefixes(name).startsWith(needle)) better(1);
    }
    if (key.includes(needle)) better(2);
    const compact = compactNeedle(needle);
    if (compact && compactKey.includes(compact)) better(3);
  }
  return best;
}
