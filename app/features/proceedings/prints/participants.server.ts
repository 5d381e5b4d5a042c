/**
 * The participants' data for the book's section and the participant list PDF: every approved
 * delegate who consented to be listed, with their organisation, in one query.
 */
import type { Db } from "~/platform/types";
import { sortParticipants, type ParticipantRow, type ParticipantsData, type PrintConference } from "./participants";

export type { ParticipantsData, PrintConference };

export async function loadPrintConference(db: Db, conferenceId: number): Promise<PrintConference | null> {
  return (
    (await db
      .selectFrom("conferences")
      .select(["id", "edition", "title_vi", "title_en", "venue_vi", "venue_en", "starts_at", "ends_at", "time_zone"])
      .where("id", "=", conferenceId)
      .executeTakeFirst()) ?? null
  );
}

/** The shared select of a registration as a participant row (the head flag comes from its account). */
export function participantQuery(db: Db, conferenceId: number) {
  return db
    .selectFrom("registrations as r")
    .innerJoin("organisations as o", "o.id", "r.organisation_id")
    .leftJoin("users as u", (join) =>
      join.onRef("u.id", "=", "r.user_id").onRef("u.organisation_id", "=", "r.organisation_id"),
    )
    .select([
      "r.id as registrationId",
      "r.honorific",
      "r.full_name as fullName",
      "r.position",
      "r.mode",
      "o.id as organisationId",
      "o.kind as organisationKind",
      "o.name_vi as organisationVi",
      "o.name_en as organisationEn",
      "u.heads_organisation as headsOrganisation",
    ])
    .where("r.conference_id", "=", conferenceId);
}

type QueryRow = Omit<ParticipantRow, "isHead"> & { headsOrganisation: number | null };

export function toParticipantRow({ headsOrganisation, ...row }: QueryRow): ParticipantRow {
  return { ...row, isHead: headsOrganisation === 1 };
}

/** The consent rule of participants.ts (mayList) as the query's WHERE. */
export async function loadParticipants(db: Db, conferenceId: number): Promise<ParticipantsData | null> {
  const conference = await loadPrintConference(db, conferenceId);
  if (!conference) return null;
  const rows = await participantQuery(db, conferenceId)
    .where("r.status", "=", "approved")
    .where("r.consent_to_list", "=", 1)
    .execute();
  return { conference, participants: sortParticipants(rows.map(toParticipantRow)) };
}
