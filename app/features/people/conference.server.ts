import { getDb, nowIso } from "~/platform/db.server";
import type { ConferenceSettings } from "~/features/people/conference-schema";
import type { Conference } from "../../../db/schema";
import { recordAudit } from "../../platform/audit.server";
import { promoteFromWaitlist } from "../registration/registrations.server";
import { now as clockNow } from "~/lib/clock";

/** The conference the system is serving: the latest edition. */
export async function getCurrentConference(): Promise<Conference | null> {
  return (await getDb().selectFrom("conferences").selectAll().orderBy("edition", "desc").limit(1).executeTakeFirst()) ?? null;
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

export type SaveResult = { ok: true; id: number } | { ok: false; errors: Record<string, string> };

/** Creates the conference (id null) or updates it; one transaction with its audit entry. */
export async function saveConference(
  id: number | null,
  settings: ConferenceSettings,
  actor: { id: string; ip: string | null },
): Promise<SaveResult> {
  const db = getDb();
  return db.transaction().execute(async (trx) => {
    const taken = await trx
      .selectFrom("conferences")
      .select("id")
      .where("edition", "=", settings.edition)
      .$if(id !== null, (q) => q.where("id", "!=", id!))
      .executeTakeFirst();
    if (taken) return { ok: false, errors: { edition: "errors.editionTaken" } } as const;
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
      await trx.updateTable("conferences").set({ ...columns(settings), updated_at: now }).where("id", "=", id).execute();
    }
    // More in-person places may let people on the waiting list in.
    if (id !== null) await promoteFromWaitlist(trx, id, { id: actor.id, ip: actor.ip });
    await recordAudit(trx, {
      actorId: actor.id,
      action: id === null ? "conference.create" : "conference.update",
      entity: "conference",
      entityId: savedId,
      detail: { edition: settings.edition, startsAt: settings.startsAt, endsAt: settings.endsAt, capacity: settings.inPersonCapacity },
      ip: actor.ip,
    });
    return { ok: true, id: savedId! } as const;
  });
}
