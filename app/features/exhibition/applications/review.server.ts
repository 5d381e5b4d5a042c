import { foldForSearch } from "~/lib/text";
import { recordAudit } from "~/platform/audit.server";
import { inTransaction, nowIso } from "~/platform/db.server";
import { conflict, invalid, notFound, type Actor, type Db, type Result } from "~/platform/types";
import { APPLICATION_STATUSES, type ApplicationStatus } from "../rules";
import { allocatedBooths, isAllocated } from "./application.server";
import { mailAnswer, mailDecision } from "./application-mail.server";
import { parseTypes, parseZones } from "./wishes";

/**
 * The organisers' side of the applications: the list with its filters and counts, one application
 * in full, the decision (mailed, audited) and the answer to a change request. Secretariat reads.
 */
const E = "exhibition.applications.errors";

export interface ApplicationFilters {
  status?: string;
  zone?: string;
  province?: number | null;
  kind?: string;
  q?: string;
}

/** Every application of the conference, with what the list shows and searches (a few hundred rows at most). */
async function allApplications(db: Db, conferenceId: number) {
  const rows = await db
    .selectFrom("exhibitors as e")
    .leftJoin("organisations as p", "p.id", "e.province_id")
    .select([
      "e.id",
      "e.name_vi",
      "e.name_en",
      "e.kind",
      "e.status",
      "e.province_id",
      "p.name_vi as province_vi",
      "p.name_en as province_en",
      "e.contact_name",
      "e.contact_email",
      "e.zone_wishes",
      "e.booths_needed",
      "e.submitted_at",
      "e.change_request",
    ])
    .where("e.conference_id", "=", conferenceId)
    .orderBy("e.name_vi")
    .execute();
  const products = await db
    .selectFrom("exhibitor_products as pr")
    .innerJoin("exhibitors as e", "e.id", "pr.exhibitor_id")
    .select(["pr.exhibitor_id", "pr.name_vi", "pr.name_en"])
    .where("e.conference_id", "=", conferenceId)
    .execute();
  const allocated = await db
    .selectFrom("booth_allocations as a")
    .innerJoin("booths as b", "b.id", "a.booth_id")
    .select(["a.exhibitor_id", "b.code"])
    .where("a.conference_id", "=", conferenceId)
    .orderBy("b.code")
    .execute();
  const productText = new Map<number, string[]>();
  for (const p of products)
    productText.set(p.exhibitor_id, [...(productText.get(p.exhibitor_id) ?? []), p.name_vi, p.name_en]);
  const booths = new Map<number, string[]>();
  for (const a of allocated) booths.set(a.exhibitor_id, [...(booths.get(a.exhibitor_id) ?? []), a.code]);
  return rows.map((r) => ({
    ...r,
    zones: parseZones(r.zone_wishes),
    booths: booths.get(r.id) ?? [],
    changeRequested: r.change_request !== "",
    search: foldForSearch(
      [
        r.name_vi,
        r.name_en,
        r.contact_name,
        r.contact_email,
        r.province_vi ?? "",
        ...(productText.get(r.id) ?? []),
      ].join(" "),
    ),
  }));
}

/** The list as filtered, the counts per status under the other filters, and the totals ("12 of 40"). */
export async function listApplications(db: Db, conferenceId: number, filters: ApplicationFilters) {
  const all = await allApplications(db, conferenceId);
  const needle = foldForSearch(filters.q ?? "");
  const words = needle ? needle.split(" ") : [];
  const others = all.filter(
    (r) =>
      (!filters.zone || r.zones.includes(filters.zone as never)) &&
      (!filters.province || r.province_id === filters.province) &&
      (!filters.kind || r.kind === filters.kind) &&
      words.every((w) => r.search.includes(w)),
  );
  const counts = Object.fromEntries(APPLICATION_STATUSES.map((s) => [s, 0])) as Record<ApplicationStatus, number>;
  for (const r of others) counts[r.status] += 1;
  const rows = others
    .filter((r) => !filters.status || r.status === filters.status)
    .map(({ search: _search, zone_wishes: _zones, change_request: _request, ...r }) => r);
  const provinces = new Map<number, { id: number; name_vi: string; name_en: string }>();
  for (const r of all)
    if (r.province_id !== null)
      provinces.set(r.province_id, { id: r.province_id, name_vi: r.province_vi ?? "", name_en: r.province_en ?? "" });
  return {
    rows,
    counts,
    shown: rows.length,
    total: all.length,
    provinces: [...provinces.values()].sort((a, b) => a.name_vi.localeCompare(b.name_vi, "vi")),
  };
}

/** One application in full, for staff: products, photos, wishes, neighbours named, booths, change request. */
export async function getApplication(db: Db, conferenceId: number, id: number) {
  const row = await db
    .selectFrom("exhibitors as e")
    .leftJoin("organisations as p", "p.id", "e.province_id")
    .leftJoin("users as u", "u.id", "e.user_id")
    .selectAll("e")
    .select(["p.name_vi as province_vi", "p.name_en as province_en", "u.email as account_email"])
    .where("e.id", "=", id)
    .where("e.conference_id", "=", conferenceId)
    .executeTakeFirst();
  if (!row) return null;
  const [products, photos, neighbours, booths] = await Promise.all([
    db
      .selectFrom("exhibitor_products")
      .selectAll()
      .where("exhibitor_id", "=", id)
      .orderBy("position")
      .orderBy("id")
      .execute(),
    db
      .selectFrom("exhibitor_photos")
      .select(["id", "product_id", "caption", "width", "height"])
      .where("exhibitor_id", "=", id)
      .orderBy("id")
      .execute(),
    db
      .selectFrom("exhibitor_neighbours as n")
      .innerJoin("exhibitors as o", "o.id", "n.neighbour_id")
      .select(["o.id", "o.name_vi", "o.name_en", "o.status"])
      .where("n.exhibitor_id", "=", id)
      .execute(),
    allocatedBooths(db, id),
  ]);
  return {
    ...row,
    zones: parseZones(row.zone_wishes),
    types: parseTypes(row.type_wishes),
    products,
    photos,
    neighbours,
    booths,
  };
}
export type StaffApplication = NonNullable<Awaited<ReturnType<typeof getApplication>>>;

/**
 * Approves or rejects (with its reason) a submitted application; an approved one may be rejected
 * until it has a booth, a rejected one approved after all. Mailed to the applicant, audited.
 */
export async function decideApplication(
  db: Db,
  target: { conferenceId: number; id: number; actor: Actor },
  decision: "approve" | "reject",
  reason: string,
): Promise<Result<{ status: ApplicationStatus }>> {
  return inTransaction(db, async (trx) => {
    const row = await trx
      .selectFrom("exhibitors")
      .select(["id", "status", "name_vi", "name_en", "contact_email", "contact_name"])
      .where("id", "=", target.id)
      .where("conference_id", "=", target.conferenceId)
      .executeTakeFirst();
    if (!row) return notFound("exhibition.errors.notFound");
    const status: ApplicationStatus = decision === "approve" ? "approved" : "rejected";
    if (decision === "reject" && reason === "") return invalid(`${E}.reasonRequired`, "reason");
    if (row.status === status) return conflict(`${E}.already.${status}`);
    if (row.status === "draft" || row.status === "withdrawn") return conflict(`${E}.notSubmitted`);
    if (decision === "reject" && (await isAllocated(trx, row.id))) return conflict(`${E}.rejectAllocated`);
    const at = nowIso();
    await trx
      .updateTable("exhibitors")
      .set({
        status,
        decision_reason: decision === "reject" ? reason : "",
        decided_at: at,
        decided_by: target.actor.id,
        updated_at: at,
      })
      .where("id", "=", row.id)
      .where("status", "=", row.status)
      .execute();
    await recordAudit(trx, {
      actorId: target.actor.id,
      ip: target.actor.ip,
      action: `exhibition_application.${decision}`,
      entity: "exhibitor",
      entityId: row.id,
      detail: { before: row.status, reason: decision === "reject" ? reason : undefined },
    });
    await mailDecision(trx, row, status, reason);
    return { ok: true, status };
  });
}

/**
 * Marks a change request handled, with the organisers' answer mailed when they wrote one. The request
 * and the answer stay in the audit log (the application keeps no history of them: it is cleared).
 */
export async function answerChangeRequest(
  db: Db,
  target: { conferenceId: number; id: number; actor: Actor },
  answer: string,
): Promise<Result> {
  return inTransaction(db, async (trx) => {
    const row = await trx
      .selectFrom("exhibitors")
      .select(["id", "name_vi", "name_en", "contact_email", "contact_name", "change_request"])
      .where("id", "=", target.id)
      .where("conference_id", "=", target.conferenceId)
      .executeTakeFirst();
    if (!row) return notFound("exhibition.errors.notFound");
    if (row.change_request === "") return conflict(`${E}.noChangeRequest`);
    await trx
      .updateTable("exhibitors")
      .set({ change_request: "", change_requested_at: null, updated_at: nowIso() })
      .where("id", "=", row.id)
      .execute();
    await recordAudit(trx, {
      actorId: target.actor.id,
      ip: target.actor.ip,
      action: "exhibition_application.change_answer",
      entity: "exhibitor",
      entityId: row.id,
      detail: { request: row.change_request, answer },
    });
    if (answer) await mailAnswer(trx, row, answer);
    return { ok: true };
  });
}
