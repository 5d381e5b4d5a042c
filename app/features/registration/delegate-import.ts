/**
 * Delegates in and out of CSV: which column is which (Vietnamese or English
 * headers, any case, with or without diacritics), each row checked with the
 * registration form's own zod schema and marked new / update / error, and the
 * export's columns (the import's, in the same order, so an export re-imports).
 * Pure: the caller passes the organisations and the existing registrations.
 */
import { decodeCsvBytes, detectDelimiter, parseCsv, unguardCell, type Delimiter } from "../../lib/csv";
import type { Locale } from "../../platform/i18n";
import { registrationDictionary, type RegistrationKey } from "./i18n";
import { MAX_IMPORT_ROWS, type Message } from "./import-message";
import {
  organiserMayMove,
  type AttendanceMode,
  type Honorific,
  type Interpretation,
  type RegistrationStatus,
} from "./rules";
import { fieldErrors } from "../../platform/forms/fields";
import { organiserEditSchema, registrationSchema, type RegistrationInput } from "./schema";
import { cleanText, foldForSearch } from "../../lib/text";

export { MAX_IMPORT_ROWS, messageText, type Message } from "./import-message";

/** The import's columns, in the export's order. */
export const IMPORT_COLUMNS = [
  "honorific",
  "fullName",
  "email",
  "organisation",
  "organisationCode",
  "position",
  "phone",
  "mode",
  "interpretation",
  "dietary",
  "consent",
  "status",
  "note",
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
/** The organisation may be given by name or code, so either column satisfies "organisation". */
export const REQUIRED_COLUMNS = ["fullName", "email", "organisation", "position", "phone", "mode"] as const;
/** Read-only columns the export adds after the import's; the import ignores them. */
export const EXPORT_EXTRA_COLUMNS = ["badgeCode", "checkedInAt", "registeredAt"] as const;

export interface Reason extends Message {
  column: ImportColumn | null;
}

const fold = (s: string) => foldForSearch(s);
const label = (key: RegistrationKey) => [registrationDictionary.vi[key], registrationDictionary.en[key]];

const HEADER_SYNONYMS: Record<ImportColumn, string[]> = {
  honorific: ["danh xung", "xung ho", "honorific", "title", "salutation"],
  // Not "tên" alone: in a Vietnamese sheet split into "Họ" and "Tên" it is only the given name.
  fullName: ["ho va ten", "ho ten", "ho ten day du", "full name", "name"],
  email: ["email", "e mail", "thu dien tu", "dia chi email", "dia chi e mail", "email address"],
  organisation: [
    "don vi",
    "ten don vi",
    "co quan",
    "co quan don vi",
    "organisation",
    "organization",
    "organisation name",
  ],
  organisationCode: ["ma don vi", "organisation code", "organization code", "code"],
  position: ["chuc vu", "chuc danh", "position", "job title"],
  phone: ["dien thoai", "so dien thoai", "sdt", "phone", "telephone", "phone number", "mobile"],
  mode: ["hinh thuc", "hinh thuc tham du", "mode", "attendance", "attendance mode"],
  interpretation: ["phien dich", "interpretation"],
  dietary: ["an uong", "che do an", "yeu cau an uong", "dietary", "dietary needs", "diet"],
  consent: ["dong y cong khai", "cong khai", "consent", "consent to list"],
  status: ["trang thai", "status"],
  note: ["ghi chu", "note", "notes", "organiser note"],
};

const HEADERS = new Map<string, ImportColumn>();
for (const column of IMPORT_COLUMNS) {
  for (const name of [...HEADER_SYNONYMS[column], ...label(`csv.column.${column}`)]) HEADERS.set(fold(name), column);
}

function lookup<T extends string>(
  entries: Record<T, string[]>,
  labelKey: (value: T) => RegistrationKey | null,
): Map<string, T> {
  const map = new Map<string, T>();
  for (const value of Object.keys(entries) as T[]) {
    const key = labelKey(value);
    for (const name of [value, ...entries[value], ...(key ? label(key) : [])]) map.set(fold(name), value);
  }
  return map;
}

const HONORIFIC_VALUES = lookup<Honorific>(
  {
    mr: ["ong", "mister"],
    ms: ["ba", "mrs", "miss", "madam"],
    he: ["ngai", "h e", "his excellency", "her excellency", "excellency"],
    dr: ["ts", "tien si", "doctor"],
    prof: ["gs", "giao su", "pgs", "pho giao su", "pgs ts", "gs ts", "professor"],
  },
  (v) => `registration.honorific.${v}`,
);
const MODE_VALUES = lookup<AttendanceMode>(
  {
    in_person: ["truc tiep", "in person", "offline", "onsite", "on site"],
    online: ["truc tuyen", "online", "virtual"],
  },
  (v) => `registration.mode.${v}`,
);
const INTERPRETATION_VALUES = lookup<Interpretation>(
  {
    none: ["", "khong", "no", "khong can", "khong can phien dich"],
    vi_to_en: ["vi en", "viet anh", "vietnamese english", "phien dich viet anh"],
    en_to_vi: ["en vi", "anh viet", "english vietnamese", "phien dich anh viet"],
  },
  (v) => `registration.interpretation.${v}`,
);
const CONSENT_VALUES = lookup<"yes" | "no">(
  { yes: ["co", "x", "1", "true", "y", "dong y"], no: ["", "khong", "0", "false", "n"] },
  (v) => `common.${v}`,
);
const STATUS_VALUES = lookup<RegistrationStatus>(
  {
    pending: ["cho duyet"],
    approved: ["da duyet", "duyet"],
    waitlisted: ["waiting list", "cho xep cho"],
    rejected: [],
    cancelled: ["canceled", "da huy"],
  },
  (v) => `registration.status.${v}`,
);

export interface OrganisationRef {
  id: number;
  code: string;
  name_vi: string;
  name_en: string;
  abbreviation: string | null;
}

export interface ExistingRegistration {
  id: number;
  email: string;
  honorific: Honorific;
  full_name: string;
  position: string;
  organisation_id: number;
  phone: string;
  mode: AttendanceMode;
  status: RegistrationStatus;
  interpretation: Interpretation;
  dietary: string;
  consent_to_list: number;
  organiser_note: string;
}

/** "Thành phố Hà Nội", "UBND tỉnh Bắc Giang", "TP. Hồ Chí Minh" → the province's own name. */
const PROVINCE_PREFIX = /^(ubnd |uy ban nhan dan )?(tinh|thanh pho|tp) /;

export function organisationMatcher(organisations: OrganisationRef[]) {
  const byCode = new Map(organisations.map((o) => [o.code.toLowerCase(), o]));
  const byName = new Map<string, Set<OrganisationRef>>();
  const add = (name: string | null, o: OrganisationRef) => {
    const key = name ? fold(name) : "";
    if (!key) return;
    if (!byName.has(key)) byName.set(key, new Set());
    byName.get(key)!.add(o);
  };
  for (const o of organisations) [o.name_vi, o.name_en, o.abbreviation].forEach((n) => add(n, o));
  /** The organisation, "ambiguous" when a name fits several, or null. */
  return (value: string): OrganisationRef | "ambiguous" | null => {
    const code = byCode.get(value.trim().toLowerCase());
    if (code) return code;
    const key = fold(value);
    const found = byName.get(key) ?? byName.get(key.replace(PROVINCE_PREFIX, ""));
    if (!found) return null;
    return found.size === 1 ? [...found][0] : "ambiguous";
  };
}

export type PreviewAction = "new" | "update" | "error";

export interface PreviewRow {
  line: number;
  action: PreviewAction;
  reasons: Reason[];
  /** The cells as written (trimmed), for display. */
  values: Partial<Record<ImportColumn, string>>;
  organisation: { code: string; name_vi: string; name_en: string } | null;
  existingId: number | null;
  /** For updates: which fields change ([] = nothing to do). */
  changes: string[];
  /** The checked registration (new and update rows). */
  input: RegistrationInput | null;
  /** The file asks for "approved". */
  approve: boolean;
  /** The organiser's note, or null to keep the current one. */
  note: string | null;
}

export interface ImportCounts {
  total: number;
  new: number;
  update: number;
  unchanged: number;
  error: number;
}

export type ImportPreview =
  | { ok: false; problem: Message }
  | {
      ok: true;
      delimiter: Delimiter;
      hadBom: boolean;
      columns: ImportColumn[];
      ignoredHeaders: string[];
      rows: PreviewRow[];
      counts: ImportCounts;
    };

const SCHEMA_COLUMN: Record<string, ImportColumn> = {
  honorific: "honorific",
  fullName: "fullName",
  email: "email",
  organisationId: "organisation",
  position: "position",
  phone: "phone",
  mode: "mode",
  interpretation: "interpretation",
  dietary: "dietary",
  consentToList: "consent",
};

/** Which column index holds which field; a problem for missing or repeated columns. */
export function mapHeader(
  header: string[],
): { ok: true; index: Map<ImportColumn, number>; ignored: string[] } | { ok: false; problem: Message } {
  const index = new Map<ImportColumn, number>();
  const ignored: string[] = [];
  header.forEach((raw, i) => {
    const text = cleanText(unguardCell(raw));
    if (!text) return;
    const column = HEADERS.get(fold(text));
    if (!column) ignored.push(text);
    else if (index.has(column)) index.set(column, -1);
    else index.set(column, i);
  });
  const repeated = IMPORT_COLUMNS.filter((c) => index.get(c) === -1);
  if (repeated.length)
    return { ok: false, problem: { key: "csv.error.duplicateColumn", list: repeated.map((c) => `csv.column.${c}`) } };
  const missing = REQUIRED_COLUMNS.filter(
    (c) => !index.has(c) && !(c === "organisation" && index.has("organisationCode")),
  );
  if (missing.length)
    return { ok: false, problem: { key: "csv.error.missingColumns", list: missing.map((c) => `csv.column.${c}`) } };
  return { ok: true, index, ignored };
}

/** Bytes of a CSV file → the preview. Nothing here writes; the model commits what it says. */
export function previewDelegateCsv(
  bytes: Uint8Array,
  organisations: OrganisationRef[],
  existing: ExistingRegistration[],
): ImportPreview {
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) return { ok: false, problem: decoded.problem };
  const delimiter = detectDelimiter(decoded.text);
  const parsed = parseCsv(decoded.text, { delimiter, limit: MAX_IMPORT_ROWS + 1 });
  if (!parsed.ok) return { ok: false, problem: parsed.problem };
  if (parsed.truncated)
    return { ok: false, problem: { key: "csv.error.tooManyRows", params: { max: MAX_IMPORT_ROWS } } };
  const [header, ...records] = parsed.records;
  if (!header) return { ok: false, problem: { key: "csv.error.empty" } };
  if (!records.length) return { ok: false, problem: { key: "csv.error.noRows" } };
  const mapped = mapHeader(header.cells);
  if (!mapped.ok) return { ok: false, problem: mapped.problem };

  const matchOrganisation = organisationMatcher(organisations);
  const existingByEmail = new Map(existing.map((r) => [r.email, r]));
  const rows = records.map((record) =>
    previewRow(record.line, record.cells, mapped.index, matchOrganisation, existingByEmail),
  );

  // The same e-mail twice in one file: neither row can be trusted to be the right one.
  const linesByEmail = new Map<string, number[]>();
  for (const row of rows) {
    const email = row.input?.email ?? cleanText(row.values.email ?? "").toLowerCase();
    if (email) linesByEmail.set(email, [...(linesByEmail.get(email) ?? []), row.line]);
  }
  for (const row of rows) {
    const email = row.input?.email ?? cleanText(row.values.email ?? "").toLowerCase();
    const lines = email ? linesByEmail.get(email)! : [];
    if (lines.length > 1) {
      row.reasons.push({ column: "email", key: "csv.error.duplicateInFile", params: { lines: lines.join(", ") } });
      row.action = "error";
    }
  }

  const counts: ImportCounts = { total: rows.length, new: 0, update: 0, unchanged: 0, error: 0 };
  for (const row of rows) {
    if (row.action === "update" && row.changes.length === 0) counts.unchanged++;
    else counts[row.action]++;
  }
  return {
    ok: true,
    delimiter,
    hadBom: decoded.hadBom,
    columns: [...mapped.index.keys()],
    ignoredHeaders: mapped.ignored,
    rows,
    counts,
  };
}

function previewRow(
  line: number,
  cells: string[],
  index: Map<ImportColumn, number>,
  matchOrganisation: ReturnType<typeof organisationMatcher>,
  existingByEmail: Map<string, ExistingRegistration>,
): PreviewRow {
  const values: Partial<Record<ImportColumn, string>> = {};
  for (const [column, i] of index) values[column] = cleanText(unguardCell(cells[i] ?? ""));
  const has = (c: ImportColumn) => index.has(c);
  const reasons: Reason[] = [];
  const bad = (column: ImportColumn, key: string, params?: Message["params"]) => reasons.push({ column, key, params });
  const email = (values.email ?? "").toLowerCase();
  const current = existingByEmail.get(email) ?? null;

  const choose = <T extends string>(
    column: ImportColumn,
    map: Map<string, T>,
    fallback: T | undefined,
  ): T | undefined => {
    const raw = values[column];
    if (raw === undefined || raw === "") return fallback;
    const found = map.get(fold(raw));
    if (found === undefined) bad(column, "csv.error.badValue", { value: raw });
    return found;
  };

  let organisation: OrganisationRef | null = null;
  const orgText = values.organisationCode || values.organisation || "";
  if (orgText) {
    const found = matchOrganisation(orgText);
    if (found === "ambiguous")
      bad(values.organisationCode ? "organisationCode" : "organisation", "csv.error.ambiguousOrganisation", {
        value: orgText,
      });
    else if (!found)
      bad(values.organisationCode ? "organisationCode" : "organisation", "csv.error.unknownOrganisation", {
        value: orgText,
      });
    else organisation = found;
  }
  const honorific = choose("honorific", HONORIFIC_VALUES, current?.honorific);
  if (!honorific && !values.honorific) bad("honorific", "csv.error.honorificNeeded");
  const mode = choose("mode", MODE_VALUES, undefined);
  if (!values.mode) bad("mode", "errors.required");
  const interpretation = choose(
    "interpretation",
    INTERPRETATION_VALUES,
    has("interpretation") ? "none" : (current?.interpretation ?? "none"),
  );
  const consent = choose(
    "consent",
    CONSENT_VALUES,
    has("consent") ? "no" : current ? (current.consent_to_list ? "yes" : "no") : "no",
  );
  const status = choose("status", STATUS_VALUES, undefined);
  const approve = status === "approved";

  const input = {
    honorific,
    fullName: values.fullName ?? "",
    position: values.position ?? "",
    organisationId: organisation ? String(organisation.id) : orgText ? "0" : "",
    phone: values.phone ?? "",
    mode,
    interpretation,
    dietary: has("dietary") ? (values.dietary ?? "") : (current?.dietary ?? ""),
    consentToList: consent === "yes",
    email: values.email ?? "",
  };
  const parsed = registrationSchema.safeParse(input);
  if (!parsed.success) {
    for (const [path, key] of Object.entries(fieldErrors(parsed.error))) {
      const column = SCHEMA_COLUMN[path] ?? null;
      if (!reasons.some((r) => r.column === column || (column === "organisation" && r.column === "organisationCode")))
        reasons.push({ column, key });
    }
  }
  let note: string | null = null;
  if (has("note")) {
    const n = organiserEditSchema.shape.organiserNote.safeParse(values.note);
    if (n.success) note = n.data;
    else bad("note", "errors.tooLong");
  }

  const data = parsed.success ? parsed.data : null;
  let changes: string[] = [];
  if (current && data) {
    if (approve && current.status !== "approved" && !organiserMayMove(current.status, "approved")) {
      bad("status", "csv.error.cannotApprove", { status: `registration.status.${current.status}` });
    }
    changes = changedFields(current, data, note, approve);
  }
  const action: PreviewAction = reasons.length || !data ? "error" : current ? "update" : "new";
  return {
    line,
    action,
    reasons,
    values,
    organisation: organisation
      ? { code: organisation.code, name_vi: organisation.name_vi, name_en: organisation.name_en }
      : null,
    existingId: current?.id ?? null,
    changes: action === "update" ? changes : [],
    input: action === "error" ? null : data,
    approve,
    note,
  };
}

function changedFields(
  current: ExistingRegistration,
  data: RegistrationInput,
  note: string | null,
  approve: boolean,
): string[] {
  const pairs: Array<[string, unknown, unknown]> = [
    ["honorific", current.honorific, data.honorific],
    ["fullName", current.full_name, data.fullName],
    ["position", current.position, data.position],
    ["organisation", current.organisation_id, data.organisationId],
    ["phone", current.phone, data.phone],
    ["mode", current.mode, data.mode],
    ["interpretation", current.interpretation, data.interpretation],
    ["dietary", current.dietary, data.dietary],
    ["consent", Boolean(current.consent_to_list), data.consentToList],
    ["note", current.organiser_note, note ?? current.organiser_note],
    ["status", current.status === "approved", current.status === "approved" || approve],
  ];
  return pairs.filter(([, a, b]) => a !== b).map(([name]) => name);
}

/** What the confirm form must still see at commit: each row's line and action. */
export function importPlan(preview: Extract<ImportPreview, { ok: true }>): string {
  return preview.rows.map((r) => `${r.line}:${r.action}:${r.changes.length}`).join(",");
}

// ---- export ----

export interface ExportDelegate {
  honorific: Honorific;
  full_name: string;
  email: string;
  organisation_vi: string;
  organisation_en: string;
  organisation_code: string;
  position: string;
  phone: string;
  mode: AttendanceMode;
  interpretation: Interpretation;
  dietary: string;
  consent_to_list: number;
  status: RegistrationStatus;
  organiser_note: string;
  badge_code: string;
  /** Already in the conference's wall-clock time, "YYYY-MM-DD HH:mm", or "". */
  checked_in_at: string;
  registered_at: string;
}

export function exportHeader(locale: Locale): string[] {
  const t = registrationDictionary[locale];
  return [...IMPORT_COLUMNS, ...EXPORT_EXTRA_COLUMNS].map((c) => t[`csv.column.${c}`]);
}

export function exportRow(d: ExportDelegate, locale: Locale): string[] {
  const t = registrationDictionary[locale];
  return [
    t[`registration.honorific.${d.honorific}`],
    d.full_name,
    d.email,
    locale === "en" ? d.organisation_en : d.organisation_vi,
    d.organisation_code,
    d.position,
    d.phone,
    t[`registration.mode.${d.mode}`],
    t[`registration.interpretation.${d.interpretation}`],
    d.dietary,
    d.consent_to_list ? t["common.yes"] : t["common.no"],
    t[`registration.status.${d.status}`],
    d.organiser_note,
    d.badge_code,
    d.checked_in_at,
    d.registered_at,
  ];
}

/** The template's header and one example row, in the person's language. */
export function templateRows(locale: Locale): string[][] {
  const t = registrationDictionary[locale];
  return [
    IMPORT_COLUMNS.map((c) => t[`csv.column.${c}`]),
    [
      t["registration.honorific.ms"],
      "Nguyễn Thị Hồng Nhung",
      "nguyen.thi.hong.nhung@hanoi.gov.vn",
      locale === "en" ? "Ha Noi" : "Hà Nội",
      "prov-ha-noi",
      locale === "en" ? "Director, Department of External Affairs" : "Giám đốc Sở Ngoại vụ",
      "+84 24 3825 3536",
      t["registration.mode.in_person"],
      t["registration.interpretation.none"],
      locale === "en" ? "Vegetarian" : "Ăn chay",
      t["common.yes"],
      "",
      "",
    ],
  ];
}
