import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "~/platform/db.server";
import { askableParties, PARTIES_PAGE_SIZE } from "~/features/meetings/meeting-requests.server";
import { getCurrentConference } from "~/features/people/conference.server";
import { loader } from "~/routes/meetings/route";
import { organisationId } from "../../helpers/factories";
import { openDemoBlock } from "../../helpers/meetings";
import { call, jsonOf, signInAs } from "../../helpers/remix";

type Party = { id: number; name_vi: string; country_vi: string | null };
type Page = {
  parties: Party[];
  partiesTotal: number;
  partiesPage: number;
  partiesPageSize: number;
  chosen: Party | null;
};

beforeEach(async () => {
  const db = getDb();
  await db.deleteFrom("meetings").execute();
  await db.deleteFrom("meeting_requests").execute();
  await db.deleteFrom("meeting_parties").execute();
  await db.deleteFrom("meeting_blocks").execute();
  await openDemoBlock();
});

const page = async (cookie: string, path: string) => jsonOf<Page>(await call(loader, { path, cookie }));

/** Every askable party, page after page, as the delegate's links walk them. */
async function walk(cookie: string, q = "") {
  const first = await page(cookie, `/meetings?q=${encodeURIComponent(q)}`);
  const pages = Math.ceil(first.partiesTotal / first.partiesPageSize);
  const all = [...first.parties];
  for (let p = 2; p <= pages; p++)
    all.push(...(await page(cookie, `/meetings?q=${encodeURIComponent(q)}&page=${p}`)).parties);
  return { first, all };
}

describe("/meetings sends only one page of the askable parties", () => {
  it("pages the parties in SQL with the right total, every party on exactly one page", async () => {
    const province = await signInAs("delegate");
    const conference = (await getCurrentConference())!;
    const { first, all } = await walk(province);
    expect(first.partiesPageSize).toBe(PARTIES_PAGE_SIZE);
    // The conference has more askable parties than a page holds: the page sends only its own.
    expect(first.partiesTotal).toBeGreaterThan(PARTIES_PAGE_SIZE);
    expect(first.parties).toHaveLength(PARTIES_PAGE_SIZE);
    expect(first.partiesPage).toBe(1);
    const ids = all.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(first.partiesTotal);
    // The total is the number of organisations the province may ask (missions and foreign partners by default).
    const [{ n }] = await getDb()
      .selectFrom("organisations")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("kind", "in", ["mission", "foreign"])
      .execute();
    expect(first.partiesTotal).toBe(Number(n));
    // The model itself reads one page (it is what the loader calls).
    const second = await askableParties(conference.id, "province", "", null, { page: 2, pageSize: 7 });
    expect(second).toMatchObject({ page: 2, pageSize: 7, total: Number(n) });
    expect(second.rows.map((p) => p.id)).toEqual(ids.slice(7, 14));
  });

  it("a page past the end shows the last page, and a bad page number the first", async () => {
    const province = await signInAs("delegate");
    const first = await page(province, "/meetings");
    const last = Math.ceil(first.partiesTotal / first.partiesPageSize);
    const beyond = await page(province, "/meetings?page=999");
    expect(beyond.partiesPage).toBe(last);
    expect(beyond.parties.length).toBe(first.partiesTotal - (last - 1) * first.partiesPageSize);
    expect((await page(province, "/meetings?page=abc")).partiesPage).toBe(1);
  });

  it("searches without diacritics, counts only the matches, and keeps the party chosen with ?to= in the form", async () => {
    const province = await signInAs("delegate");
    const japan = await organisationId("mis-emb-jp");
    const found = await page(province, "/meetings?q=nhat%20ban");
    expect(found.parties.map((p) => p.id)).toContain(japan);
    expect(found.partiesTotal).toBe(found.parties.length);
    expect(found.parties.every((p) => /Nhật|Osaka|Fukuoka|JCCI/.test(`${p.name_vi} ${p.country_vi}`))).toBe(true);
    // Chosen on a search, it stays offered when the page shown no longer lists it.
    const chosen = await page(province, `/meetings?q=han%20quoc&to=${japan}`);
    expect(chosen.parties.map((p) => p.id)).not.toContain(japan);
    expect(chosen.chosen).toMatchObject({ id: japan });
    // A party the province may not ask (another province) is not offered through ?to=.
    const other = await organisationId("prov-bac-giang");
    expect((await page(province, `/meetings?to=${other}`)).chosen).toBeNull();
  });
});
