import type { Kysely, Transaction } from "kysely";
import { getDb } from "~/platform/db.server";
import type { OrganisationKind } from "~/auth/roles";
import type { Database } from "../../../db/schema";
import { recordAudit } from "../../platform/audit.server";
import { promoteFromWaitlist } from "./registrations.server";

type Db = Kysely<Database> | Transaction<Database>;

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

/** Sets (places ≥ 0) or clears (null) a quota for a kind or for one organisation. */
export async function setQuota(
  conferenceId: number,
  target: { kind: OrganisationKind } | { organisationId: number },
  places: number | null,
  actor: { id: string | null; ip: string | null },
) {
  const db = getDb();
  await db.transaction().execute(async (trx) => {
    if ("kind" in target) {
      await trx.deleteFrom("kind_quotas").where("conference_id", "=", conferenceId).where("kind", "=", target.kind).execute();
      if (places !== null) await trx.insertInto("kind_quotas").values({ conference_id: conferenceId, kind: target.kind, places }).execute();
    } else {
      await trx
        .deleteFrom("organisation_quotas")
        .where("conference_id", "=", conferenceId)
        .where("organisation_id", "=", target.organisationId)
        .execute();
      if (places !== null) {
        await trx.insertInto("organisation_quotas").values({ conference_id: conferenceId, organisation_id: target.organisationId, places }).execute();
      }
    }
    await recordAudit(trx, { actorId: actor.id, action: "quota.set", entity: "conference", entityId: conferenceId, detail: { ...target, places }, ip: actor.ip });
    // A raised or removed quota may let people on the waiting list in.
    await promoteFromWaitlist(trx, conferenceId, actor);
  });
}
