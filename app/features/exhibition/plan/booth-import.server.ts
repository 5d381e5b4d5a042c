/**
 * Booths from a CSV file (the venue's own list, as Excel saves it): a preview that checks every
 * row like the booth form (unknown hall, zone or type, a code taken or repeated, a booth outside
 * its hall, on an obstacle, or overlapping a booth already on the plan or an earlier row of the
 * file) and writes nothing; then the commit, in one transaction, of the rows without errors.
 */
import { createHash } from "node:crypto";
import { decodeCsvBytes, parseCsv, unguardCell } from "~/lib/csv";
import { foldForSearch } from "~/lib/text";
import type { Locale } from "~/lib/locale";
import { recordAudit } from "~/platform/audit.server";
import { inTransaction, nowIso } from "~/platform/db.server";
import { conflict, type Actor, type Db, type Result } from "~/platform/types";
import { BOOTH_TYPES, ZONES, type BoothType, type Zone } from "../rules";
import { translate } from "../i18n";
import { parseOutline, type PlanHall } from "./plan-data";
import { rectArea, snapRect, type Rect } from "./geometry";
import { placementRefusal } from "./booths.server";
import { boothSchema } from "./schema";

export const BOOTH_CSV_COLUMNS = [
  "code",
  "hall",
  "zone",
  "type",
  "x",
  "y",
  "width",
  "depth",
  "area",
  "power",
  "water",
] as const;
export type BoothCsvColumn = (typeof BOOTH_CSV_COLUMNS)[number];
const REQUIRED: readonly BoothCsvColumn[] = ["code", "hall", "zone", "type", "x", "y", "width", "depth"];
export const MAX_BOOTH_ROWS = 3000;

export interface ImportMessage {
  key: string;
  params?: Record<string, string | number>;
  column?: BoothCsvColumn | null;
}

export interface BoothImportRow {
  line: number;
  values: Record<BoothCsvColumn, string>;
  errors: ImportMessage[];
  /** What the row writes, when it has no error. */
  booth: {
    code: string;
    hallCode: string;
    zone: Zone;
    type: BoothType;
    x: number;
    y: number;
    w: number;
    h: number;
    area: number;
    power: boolean;
    water: boolean;
  } | null;
}

export type BoothImportPreview =
  | { ok: true; rows: BoothImportRow[]; counts: { total: number; valid: number; error: number }; digest: string }
  | { ok: false; problem: ImportMessage };

const headerKey = (column: BoothCsvColumn) => `exhibition.plan.csv.column.${column}` as const;
/** "Rộng (m)" → "rong": the unit in brackets is optional. */
const foldHeader = (text: string) => foldForSearch(text.replace(/\(.*?\)/g, ""));

/** The header names the import knows: the column's code and its name in both languages. */
function headerIndex(): Map<string, BoothCsvColumn> {
  const map = new Map<string, BoothCsvColumn>();
  for (const column of BOOTH_CSV_COLUMNS) {
    map.set(foldHeader(column), column);
    for (const locale of ["vi", "en"] as const) map.set(foldHeader(translate(locale, headerKey(column))), column);
  }
  return map;
}

/** Codes or their translated names, folded ("gian goc", "corner"), to the code. */
function valueIndex<T extends string>(codes: readonly T[], prefix: string): Map<string, T> {
  const map = new Map<string, T>();
  for (const code of codes) {
    map.set(foldForSearch(code), code);
    for (const locale of ["vi", "en"] as const)
      map.set(foldForSearch(translate(locale, `${prefix}.${code}` as never)), code);
  }
  return map;
}

const YES = new Set(["1", "x", "co", "yes", "y", "true", "v"]);
const NO = new Set(["", "0", "khong", "no", "n", "false"]);

/** The template: the header row in the locale and two example rows. */
export function boothTemplateRows(locale: Locale): string[][] {
  const yes = locale === "vi" ? "có" : "yes";
  return [
    BOOTH_CSV_COLUMNS.map((c) => translate(locale, headerKey(c))),
    ["A-01", "A", "ocop", "standard", "2", "2", "3", "3", "", yes, ""],
    [
      "A-02",
      "A",
      translate(locale, "exhibition.zone.food"),
      translate(locale, "exhibition.boothType.corner"),
      "5",
      "2",
      "3",
      "3",
      "9",
      "",
      yes,
    ],
  ];
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function loadHalls(db: Db, conferenceId: number): Promise<PlanHall[]> {
  const rows = await db
    .selectFrom("exhibition_halls")
    .select(["id", "code", "name_vi", "name_en", "width_m", "depth_m", "outline", "grid_m", "min_aisle_m"])
    .where("conference_id", "=", conferenceId)
    .execute();
  return rows.map((h) => ({ ...h, outline: parseOutline(h.outline) }));
}

export async function previewBoothImport(db: Db, conferenceId: number, bytes: Uint8Array): Promise<BoothImportPreview> {
  const decoded = decodeCsvBytes(bytes);
  if (!decoded.ok) return { ok: false, problem: decoded.problem };
  const parsed = parseCsv(decoded.text, { limit: MAX_BOOTH_ROWS + 1 });
  if (!parsed.ok) return { ok: false, problem: parsed.problem };
  if (parsed.truncated)
    return { ok: false, problem: { key: "exhibition.plan.import.tooManyRows", params: { max: MAX_BOOTH_ROWS } } };
  const [header, ...records] = parsed.records;
  if (!header) return { ok: false, problem: { key: "exhibition.plan.import.empty" } };
  const known = headerIndex();
  const positions = new Map<BoothCsvColumn, number>();
  header.cells.forEach((cell, i) => {
    const column = known.get(foldHeader(unguardCell(cell)));
    if (column && !positions.has(column)) positions.set(column, i);
  });
  const missing = REQUIRED.filter((c) => !positions.has(c));
  if (missing.length)
    return {
      ok: false,
      problem: {
        key: "exhibition.plan.import.missingColumns",
        params: { list: missing.map((c) => translate("vi", headerKey(c))).join(", ") },
      },
    };
  if (records.length === 0) return { ok: false, problem: { key: "exhibition.plan.import.noRows" } };

  const halls = await loadHalls(db, conferenceId);
  const hallByName = new Map<string, PlanHall>();
  for (const h of halls) for (const name of [h.code, h.name_vi, h.name_en]) hallByName.set(foldForSearch(name), h);
  const zones = valueIndex(ZONES, "exhibition.zone");
  const types = valueIndex(BOOTH_TYPES, "exhibition.boothType");
  const taken = new Set(
    (await db.selectFrom("booths").select("code").where("conference_id", "=", conferenceId).execute()).map((b) =>
      b.code.toLowerCase(),
    ),
  );
  const layouts = new Map<number, Awaited<ReturnType<typeof layoutOf>>>();
  const codesInFile = new Map<string, number>();

  const rows: BoothImportRow[] = [];
  for (const record of records) {
    const values = Object.fromEntries(
      BOOTH_CSV_COLUMNS.map((c) => [
        c,
        positions.has(c) ? unguardCell(record.cells[positions.get(c)!] ?? "").trim() : "",
      ]),
    ) as Record<BoothCsvColumn, string>;
    const errors: ImportMessage[] = [];
    const hall = hallByName.get(foldForSearch(values.hall));
    if (!hall)
      errors.push({ key: "exhibition.plan.import.unknownHall", params: { value: values.hall }, column: "hall" });
    const zone = zones.get(foldForSearch(values.zone));
    if (!zone) errors.push({ key: "exhibition.plan.import.badValue", params: { value: values.zone }, column: "zone" });
    const type = types.get(foldForSearch(values.type));
    if (!type) errors.push({ key: "exhibition.plan.import.badValue", params: { value: values.type }, column: "type" });
    const flag = (column: "power" | "water") => {
      const v = foldForSearch(values[column]);
      if (YES.has(v)) return "on";
      if (!NO.has(v))
        errors.push({ key: "exhibition.plan.import.badValue", params: { value: values[column] }, column });
      return "";
    };
    const form = {
      hallId: String(hall?.id ?? 0),
      code: values.code,
      zone: zone ?? ZONES[0],
      type: type ?? BOOTH_TYPES[0],
      x: values.x,
      y: values.y,
      w: values.width,
      h: values.depth,
      area: values.area,
      power: flag("power"),
      water: flag("water"),
    };
    const checked = boothSchema.safeParse(form);
    if (!checked.success) {
      const column: Record<string, BoothCsvColumn> = { w: "width", h: "depth", hallId: "hall" };
      for (const issue of checked.error.issues) {
        const field = String(issue.path[0] ?? "");
        if (field === "hallId" || field === "zone" || field === "type") continue;
        errors.push({ key: issue.message, column: column[field] ?? (field as BoothCsvColumn) });
      }
    }
    let booth: BoothImportRow["booth"] = null;
    if (checked.success) {
      const code = checked.data.code;
      const earlier = codesInFile.get(code.toLowerCase());
      if (taken.has(code.toLowerCase()))
        errors.push({ key: "exhibition.plan.error.codeTaken", params: { code }, column: "code" });
      else if (earlier)
        errors.push({ key: "exhibition.plan.import.codeRepeated", params: { code, line: earlier }, column: "code" });
      else codesInFile.set(code.toLowerCase(), record.line);
      if (hall) {
        const rect = snapRect(checked.data, hall.grid_m);
        if (!layouts.has(hall.id)) layouts.set(hall.id, await layoutOf(db, hall.id));
        const layout = layouts.get(hall.id)!;
        const refusal = placementRefusal(hall, rect, layout);
        if (refusal) {
          const { key, params } = refusal.refusal;
          // Overlapping an earlier row of the file says which line.
          const line = layout.lines.get(String(params?.code ?? ""));
          errors.push(
            line
              ? { key: "exhibition.plan.import.overlapRow", params: { code: String(params?.code), line }, column: "x" }
              : { key, params, column: "x" },
          );
        }
        if (errors.length === 0) {
          booth = {
            code,
            hallCode: hall.code,
            zone: checked.data.zone,
            type: checked.data.type,
            ...rect,
            area: checked.data.area ?? rectArea(rect),
            power: checked.data.power,
            water: checked.data.water,
          };
          // Later rows are checked against this one too.
          layout.booths.push({ id: -record.line, code, ...rect });
          layout.lines.set(code, record.line);
        }
      }
    }
    rows.push({ line: record.line, values, errors, booth: errors.length ? null : booth });
  }
  const valid = rows.filter((r) => r.booth).length;
  return { ok: true, rows, counts: { total: rows.length, valid, error: rows.length - valid }, digest: sha256(bytes) };
}

async function layoutOf(db: Db, hallId: number) {
  const booths: (Rect & { id: number; code: string })[] = await db
    .selectFrom("booths")
    .select(["id", "code", "x", "y", "w", "h"])
    .where("hall_id", "=", hallId)
    .execute();
  const obstacles = await db
    .selectFrom("exhibition_obstacles")
    .select(["id", "kind", "label", "x", "y", "w", "h"])
    .where("hall_id", "=", hallId)
    .execute();
  return { booths, obstacles, lines: new Map<string, number>() };
}

/**
 * Writes the rows without errors, checked again inside the transaction (the plan may have
 * changed since the preview); refused when the file is not the one previewed.
 */
export async function commitBoothImport(
  db: Db,
  conferenceId: number,
  bytes: Uint8Array,
  digest: string,
  actor: Actor,
): Promise<Result<{ created: number; skipped: number }>> {
  if (sha256(bytes) !== digest) return conflict("exhibition.plan.import.changed");
  return inTransaction(db, async (trx): Promise<Result<{ created: number; skipped: number }>> => {
    const preview = await previewBoothImport(trx, conferenceId, bytes);
    if (!preview.ok) return conflict(preview.problem.key, preview.problem.params);
    const halls = new Map((await loadHalls(trx, conferenceId)).map((h) => [h.code, h.id]));
    const now = nowIso();
    const codes: string[] = [];
    for (const row of preview.rows) {
      if (!row.booth) continue;
      const b = row.booth;
      await trx
        .insertInto("booths")
        .values({
          conference_id: conferenceId,
          hall_id: halls.get(b.hallCode)!,
          code: b.code,
          zone: b.zone,
          type: b.type,
          x: b.x,
          y: b.y,
          w: b.w,
          h: b.h,
          area: b.area,
          power: b.power ? 1 : 0,
          water: b.water ? 1 : 0,
          created_at: now,
          updated_at: now,
        })
        .execute();
      codes.push(b.code);
    }
    // As the delegates' import: a file with nothing to write is refused, not audited as an import of nothing.
    if (codes.length === 0) return conflict("exhibition.plan.import.noValidRows");
    await recordAudit(trx, {
      actorId: actor.id,
      ip: actor.ip,
      action: "exhibition_booth.import",
      entity: "booth",
      entityId: null,
      detail: { created: codes.length, skipped: preview.counts.error, codes },
    });
    return { ok: true, created: codes.length, skipped: preview.counts.error };
  });
}
