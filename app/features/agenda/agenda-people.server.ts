import { getDb } from "~/platform/db.server";

/**
 * The delegates who may chair, speak or take notes in a session: approved or
 * pending registrations of the conference, with their organisation, sorted by
 * name. Sent whole to the editor, whose picker filters them as one types (a
 * conference has hundreds of delegates, not tens of thousands).
 */
export async function listSessionCandidates(conferenceId: number) {
  const rows = await getDb()
    .selectFrom("registrations as g")
    .innerJoin("organisations as o", "o.id", "g.organisation_id")
    .select([
      "g.id",
      "g.full_name",
      "g.position",
      "g.status",
      "o.name_vi as organisation_vi",
      "o.name_en as organisation_en",
    ])
    .where("g.conference_id", "=", conferenceId)
    .where("g.status", "in", ["approved", "pending"])
    .execute();
  const collator = new Intl.Collator("vi");
  return rows.sort((a, b) => collator.compare(a.full_name, b.full_name) || a.id - b.id);
}

export type SessionCandidate = Awaited<ReturnType<typeof listSessionCandidates>>[number];
