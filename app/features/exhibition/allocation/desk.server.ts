/**
 * What the organisers' exhibition desk shows: counts of booths by state and applications by
 * status, the approved exhibitors still without a booth (for allocation by hand), the allocations
 * made (with lock, confirm, release), and the exhibition's settings (published, applications close).
 */
import { recordAudit } from "~/platform/audit.server";
import { inTransaction, nowIso } from "~/platform/db.server";
import type { Actor, Db, Result } from "~/platform/types";
import { APPLICATION_STATUSES, BOOTH_STATES, boothState, type ApplicationStatus, type BoothState } from "../rules";

export interface DeskAllocation {
  exhibitorId: number;
  name_vi: string;
  name_en: string;
  booths: string[];
  boothIds: number[];
  locked: boolean;
  confirmed: boolean;
  source: "hand" | "auto";
}

export interface Unallocated {
  id: number;
  name_vi: string;
  name_en: string;
  booths_needed: number;
  min_area: number;
}

export async function exhibitionDesk(db: Db, conferenceId: number) {
  const [booths, statuses, allocations, waiting, settings] = await Promise.all([
    db
      .selectFrom("booths as b")
      .leftJoin("booth_allocations as a", "a.booth_id", "b.id")
      .select(["b.held", "a.confirmed_at", "a.exhibitor_id"])
      .where("b.conference_id", "=", conferenceId)
      .execute(),
    db
      .selectFrom("exhibitors")
      .select(["status", (eb) => eb.fn.countAll<number>().as("n")])
      .where("conference_id", "=", conferenceId)
      .groupBy("status")
      .execute(),
    db
      .selectFrom("booth_allocations as a")
      .innerJoin("booths as b", "b.id", "a.booth_id")
      .innerJoin("exhibitors as e", "e.id", "a.exhibitor_id")
      .select(["a.exhibitor_id", "e.name_vi", "e.name_en", "b.id", "b.code", "a.locked", "a.confirmed_at", "a.source"])
      .where("a.conference_id", "=", conferenceId)
      .orderBy("b.code")
      .execute(),
    db
      .selectFrom("exhibitors as e")
      .select(["e.id", "e.name_vi", "e.name_en", "e.booths_needed", "e.min_area"])
      .where("e.conference_id", "=", conferenceId)
      .where("e.status", "=", "approved")
      .where((w) =>
        w.not(
          w.exists(w.selectFrom("booth_allocations as a").select("a.booth_id").whereRef("a.exhibitor_id", "=", "e.id")),
        ),
      )
      .execute(),
    exhibitionSettings(db, conferenceId),
  ]);
  const boothCounts = Object.fromEntries(BOOTH_STATES.map((s) => [s, 0])) as Record<BoothState, number>;
  for (const b of booths)
    boothCounts[boothState(b, b.exhibitor_id === null ? null : { confirmed_at: b.confirmed_at })] += 1;
  const applicationCounts = Object.fromEntries(APPLICATION_STATUSES.map((s) => [s, 0])) as Record<
    ApplicationStatus,
    number
  >;
  for (const s of statuses) applicationCounts[s.status] = Number(s.n);
  const byExhibitor = new Map<number, DeskAllocation>();
  for (const a of allocations) {
    const row = byExhibitor.get(a.exhibitor_id) ?? {
      exhibitorId: a.exhibitor_id,
      name_vi: a.name_vi,
      name_en: a.name_en,
      booths: [],
      boothIds: [],
      locked: true,
      confirmed: true,
      source: a.source,
    };
    row.booths.push(a.code);
    row.boothIds.push(a.id);
    row.locked &&= a.locked === 1 || a.confirmed_at !== null;
    row.confirmed &&= a.confirmed_at !== null;
    byExhibitor.set(a.exhibitor_id, row);
  }
  const collator = new Intl.Collator("vi");
  return {
    boothCounts,
    boothTotal: booths.length,
    applicationCounts,
    allocations: [...byExhibitor.values()],
    unallocated: waiting.sort((a, b) => collator.compare(a.name_vi, b.name_vi)) as Unallocated[],
    settings,
  };
}

export async function exhibitionSettings(db: Db, conferenceId: number) {
  const row = await db
    .selectFrom("exhibition_settings")
    .select(["published", "applications_close_at"])
    .where("conference_id", "=", conferenceId)
    .executeTakeFirst();
  return { published: row?.published === 1, applicationsCloseAt: row?.applications_close_at ?? null };
}

/** Saves the exhibition's settings (the row is made on first save). */
export async function saveExhibitionSettings(
  db: Db,
  actor: Actor,
  conferenceId: number,
  input: { published: boolean; applicationsCloseAt: string | null },
): Promise<Result> {
  return inTransaction(db, async (trx) => {
    const values = {
      published: input.published ? 1 : 0,
      applications_close_at: input.applicationsCloseAt,
      updated_at: nowIso(),
    };
    await trx
      .insertInto("exhibition_settings")
      .values({ conference_id: conferenceId, ...values })
      .onConflict((oc) => oc.column("conference_id").doUpdateSet(values))
      .execute();
    await recordAudit(trx, {
      actorId: actor.id,
      action: "exhibition_settings.save",
      entity: "conference",
      entityId: conferenceId,
      detail: { published: input.published, applicationsCloseAt: input.applicationsCloseAt },
      ip: actor.ip,
    });
    return { ok: true as const };
  });
}
