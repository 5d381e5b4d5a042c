import { getDb, nowIso } from "~/platform/db.server";
import type { ConferenceSettings } from "~/features/people/conference-schema";
import type { Conference } from "../../../db/schema";
import { recordAudit } from "../../platform/audit.server";
import { invalid, type Actor, type Result, type Trx } from "../../platform/types";
import { now as clockNow } from "~/lib/clock";

/** The conference the system is serving: the latest edition. */
export async function getCurrentConference(): Promise<Conference | null> {
  return (
    (await getDb().selectFrom("conferences").selectAll().orderBy("edition", "desc").limit(1).executeTakeFirst()) ?? null
  );
}

export type RegistrationWindow = "unset" | "notYet" | "open" | "closed";

export function registrationWindow(conference: Conference, now = clockNow()): RegistrationWindow {
  const at = now.toISOString();
  if (!conference.registration_opens_at && !conference.registration_closes_at) return "unset";
  if (conference.registration_opens_at && at < conference.registration_opens_at) return "notYet";
  if (conference.registration_closes_at && at >= conference.registration_closes_at) return "closed";
  return "open";
}

function columns(s: ConferenceSettings) {
  return {
    edition: s.edition,
    title_vi: s.titleVi,
    title_en: s.titleEn,
    theme_vi: s.themeVi,
    theme_en: s.themeEn,
    starts_at: s.startsAt,
    ends_at: s.endsAt,
    time_zone: s.timeZone,
    venue_vi: s.venueVi,
    venue_en: s.venueEn,
    format: s.format,
    in_person_capacity: s.inPersonCapacity,
    registration_opens_at: s.registrationOpensAt,
    registration_closes_at: s.registrationClosesAt,
  };
}

export type SaveResult = Result<{ id: number }>;

/**
 * Creates the conference (id null) or updates it; one transaction with its audit entry.
 * `afterUpdate` runs in that transaction when an existing conference changed, before the audit
 * entry: what other capabilities do about it (the registration's waiting list, when the
 * in-person capacity grew), given by the caller since people depends on none of them.
 */
export async function saveConference(
  id: number | null,
  settings: ConferenceSettings,
  actor: Actor,
  hooks: { afterUpdate?: (trx: Trx, conferenceId: number) => Promise<unknown> } = {},
): Promise<SaveResult> {
  const db = getDb();
  return db.transaction().execute(async (trx): Promise<SaveResult> => {
    const taken = await trx
      .selectFrom("conferences")
      .select("id")
      .where("edition", "=", settings.edition)
      .$if(id !== null, (q) => q.where("id", "!=", id!))
      .executeTakeFirst();
    if (taken) return invalid("errors.editionTaken", "edition");
    const now = nowIso();
    let savedId = id;
    if (id === null) {
      const row = await trx
        .insertInto("conferences")
        .values({ ...columns(settings), created_at: now, updated_at: now })
        .returning("id")
        .executeTakeFirstOrThrow();
      savedId = row.id;
    } else {
      await trx
        .updateTable("conferences")
        .set({ ...columns(settings), updated_at: now })
        .where("id", "=", id)
        .execute();
    }
    if (id !== null) await hooks.afterUpdate?.(trx, id);
    await recordAudit(trx, {
      actorId: actor.id,
      action: id === null ? "conference.create" : "conference.update",
      entity: "conference",
      entityId: savedId,
      detail: {
        edition: settings.edition,
        startsAt: settings.startsAt,
        endsAt: settings.endsAt,
        capacity: settings.inPersonCapacity,
      },
      ip: actor.ip,
    });
    return { ok: true, id: savedId! };
  });
}
