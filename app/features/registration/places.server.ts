import { getDb, nowIso } from "~/platform/db.server";
import type { OrganisationKind } from "~/auth/roles";
import { HOLDING_STATUSES, waitReason, type PlaceCounts } from "~/features/registration/rules";
import { recordAudit } from "../../platform/audit.server";
import { invalid, type Actor, type Db, type Result } from "../../platform/types";
import { recordRegistrationEvent } from "./registration-events.server";
import { notifyRegistration } from "./registration-mail.server";

/**
 * In-person places: the conference's capacity, the organisations' quotas, and the waiting list
 * that fills them first come first served. Registrations and the quota page both come here.
 */

/** The organisation's in-person quota: its own, else its kind's, else none (null). */
export async function effectiveQuota(db: Db, conferenceId: number, organisationId: number): Promise<number | null> {
  const own = await db
    .selectFrom("organisation_quotas")
    .select("places")
    .where("conference_id", "=", conferenceId)
    .where("organisation_id", "=", organisationId)
    .executeTakeFirst();
  if (own) return own.places;
  const byKind = await db
    .selectFrom("kind_quotas as k")
    .innerJoin("organisations as o", "o.kind", "k.kind")
    .select("k.places")
    .where("k.conference_id", "=", conferenceId)
    .where("o.id", "=", organisationId)
    .executeTakeFirst();
  return byKind ? byKind.places : null;
}

/** The in-person places held (HOLDING_STATUSES), in the conference and by the organisation; `excludeId` left out. */
export async function placeCounts(
  db: Db,
  conferenceId: number,
  organisationId: number,
  excludeId: number | null,
): Promise<PlaceCounts> {
  const conference = await db
    .selectFrom("conferences")
    .select("in_person_capacity")
    .where("id", "=", conferenceId)
    .executeTakeFirstOrThrow();
  const base = db
    .selectFrom("registrations")
    .where("conference_id", "=", conferenceId)
    .where("mode", "=", "in_person")
    .where("status", "in", [...HOLDING_STATUSES])
    .$if(excludeId !== null, (q) => q.where("id", "!=", excludeId!));
  const [{ used }] = await base.select((eb) => eb.fn.countAll<number>().as("used")).execute();
  const [{ orgUsed }] = await base
    .where("organisation_id", "=", organisationId)
    .select((eb) => eb.fn.countAll<number>().as("orgUsed"))
    .execute();
  return {
    capacity: conference.in_person_capacity,
    used: Number(used),
    organisationUsed: Number(orgUsed),
    quota: await effectiveQuota(db, conferenceId, organisationId),
  };
}

/**
 * Moves people up from the waiting list, first come first served, while the
 * conference has in-person places and their organisation's quota allows.
 * Each one moved up becomes pending and is told.
 */
export async function promoteFromWaitlist(db: Db, conferenceId: number, actor: Actor): Promise<number[]> {
  const waiting = await db
    .selectFrom("registrations")
    .select(["id", "organisation_id", "mode"])
    .where("conference_id", "=", conferenceId)
    .where("status", "=", "waitlisted")
    .where("mode", "=", "in_person")
    .orderBy("waitlisted_at")
    .orderBy("id")
    .execute();
  const promoted: number[] = [];
  for (const candidate of waiting) {
    const counts = await placeCounts(db, conferenceId, candidate.organisation_id, null);
    if (counts.used >= counts.capacity) break;
    if (waitReason(counts) !== null) continue;
    const now = nowIso();
    await db
      .updateTable("registrations")
      .set({ status: "pending", waitlisted_at: null, status_changed_at: now, updated_at: now })
      .where("id", "=", candidate.id)
      .execute();
    await recordRegistrationEvent(db, candidate, "waitlisted", "pending");
    await recordAudit(db, {
      actorId: actor.id,
      action: "registration.promote",
      entity: "registration",
      entityId: candidate.id,
      ip: actor.ip,
    });
    await notifyRegistration(db, "promoted", candidate.id);
    promoted.push(candidate.id);
  }
  return promoted;
}

/** Place on the waiting list (1 = next to move up), or null when not waiting. */
export async function waitlistPosition(r: {
  id: number;
  conference_id: number;
  status: string;
  waitlisted_at: string | null;
}): Promise<number | null> {
  if (r.status !== "waitlisted" || !r.waitlisted_at) return null;
  const [{ ahead }] = await getDb()
    .selectFrom("registrations")
    .select((eb) => eb.fn.countAll<number>().as("ahead"))
    .where("conference_id", "=", r.conference_id)
    .where("status", "=", "waitlisted")
    .where("mode", "=", "in_person")
    .where((eb) =>
      eb.or([
        eb("waitlisted_at", "<", r.waitlisted_at!),
        eb.and([eb("waitlisted_at", "=", r.waitlisted_at!), eb("id", "<", r.id)]),
      ]),
    )
    .execute();
  return Number(ahead) + 1;
}

export async function listQuotas(conferenceId: number) {
  const db = getDb();
  const [kinds, organisations] = await Promise.all([
    db.selectFrom("kind_quotas").selectAll().where("conference_id", "=", conferenceId).execute(),
    db
      .selectFrom("organisation_quotas as q")
      .innerJoin("organisations as o", "o.id", "q.organisation_id")
      .select(["q.organisation_id", "q.places", "o.name_vi", "o.name_en", "o.kind"])
      .where("q.conference_id", "=", conferenceId)
      .orderBy("o.name_vi")
      .execute(),
  ]);
  return { kinds, organisations };
}

/**
 * Sets (places ≥ 0) or clears (null) a quota for a kind or for one organisation, and lets people
 * on the waiting list in when the change makes room. An unknown organisation is refused.
 */
export async function setQuota(
  conferenceId: number,
  target: { kind: OrganisationKind } | { organisationId: number },
  places: number | null,
  actor: Actor,
): Promise<Result> {
  return getDb()
    .transaction()
    .execute(async (trx): Promise<Result> => {
      if ("kind" in target) {
        await trx
          .deleteFrom("kind_quotas")
          .where("conference_id", "=", conferenceId)
          .where("kind", "=", target.kind)
          .execute();
        if (places !== null)
          await trx
            .insertInto("kind_quotas")
            .values({ conference_id: conferenceId, kind: target.kind, places })
            .execute();
      } else {
        const organisation = Number.isSafeInteger(target.organisationId)
          ? await trx
              .selectFrom("organisations")
              .select("id")
              .where("id", "=", target.organisationId)
              .executeTakeFirst()
          : undefined;
        if (!organisation) return invalid("errors.unknownOrganisation");
        await trx
          .deleteFrom("organisation_quotas")
          .where("conference_id", "=", conferenceId)
          .where("organisation_id", "=", target.organisationId)
          .execute();
        if (places !== null) {
          await trx
            .insertInto("organisation_quotas")
            .values({ conference_id: conferenceId, organisation_id: target.organisationId, places })
            .execute();
        }
      }
      await recordAudit(trx, {
        actorId: actor.id,
        action: "quota.set",
        entity: "conference",
        entityId: conferenceId,
        detail: { ...target, places },
        ip: actor.ip,
      });
      // A raised or removed quota may let people on the waiting list in.
      await promoteFromWaitlist(trx, conferenceId, actor);
      return { ok: true };
    });
}
