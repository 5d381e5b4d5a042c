import { getDb } from "~/platform/db.server";
import { conflict, type Db, type Refusal } from "~/platform/types";
import { beyondPlaces, effectiveCapacity, newlyOver } from "~/features/agenda/rules";

/**
 * A session's in-person places against its sign-ups. Lowering the places below what is signed up
 * moves nobody: the save is refused until the organiser confirms, then the editor lists who is
 * beyond the places (last signed up first) for the organiser to decide, on each delegate's page.
 */

/** The refusal a lowering gets until it is confirmed, or null when it puts nobody newly over. */
export async function loweringRefusal(
  db: Db,
  current: { id: number; capacity: number | null; room_id: number | null },
  next: { capacity: number | null; roomCapacity: number | null },
): Promise<(Refusal & { params: { over: number; signedUp: number; capacity: number } }) | null> {
  const [room, count] = await Promise.all([
    current.room_id === null
      ? Promise.resolve(undefined)
      : db.selectFrom("rooms").select("capacity").where("id", "=", current.room_id).executeTakeFirst(),
    db
      .selectFrom("session_signups")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("session_id", "=", current.id)
      .where("mode", "=", "in_person")
      .executeTakeFirstOrThrow(),
  ]);
  const signedUp = Number(count.n);
  const before = effectiveCapacity(current.capacity, room?.capacity);
  const after = effectiveCapacity(next.capacity, next.roomCapacity);
  const over = newlyOver(before, after, signedUp);
  if (over === 0 || after === null) return null;
  const refusal = conflict("agenda.errors.capacityBelowSignUps", { over, signedUp, capacity: after }, "capacity");
  return refusal.refusal as Refusal & { params: { over: number; signedUp: number; capacity: number } };
}

export interface SignUpOver {
  registration_id: number;
  full_name: string;
  organisation_vi: string;
  organisation_en: string;
  created_at: string;
}

/** Who is signed up in person beyond a session's places, last signed up first (two queries whatever the number). */
export async function signUpsBeyondPlaces(
  conferenceId: number,
  sessionId: number,
): Promise<{ capacity: number | null; inPerson: number; beyond: SignUpOver[] }> {
  const db = getDb();
  const [session, signUps] = await Promise.all([
    db
      .selectFrom("sessions as s")
      .leftJoin("rooms as r", "r.id", "s.room_id")
      .select(["s.capacity", "r.capacity as room_capacity"])
      .where("s.id", "=", sessionId)
      .where("s.conference_id", "=", conferenceId)
      .executeTakeFirst(),
    db
      .selectFrom("session_signups as u")
      .innerJoin("registrations as g", "g.id", "u.registration_id")
      .innerJoin("organisations as o", "o.id", "g.organisation_id")
      .select([
        "u.registration_id",
        "u.created_at",
        "g.full_name",
        "o.name_vi as organisation_vi",
        "o.name_en as organisation_en",
      ])
      .where("u.session_id", "=", sessionId)
      .where("u.mode", "=", "in_person")
      .execute(),
  ]);
  const capacity = session ? effectiveCapacity(session.capacity, session.room_capacity) : null;
  return { capacity, inPerson: signUps.length, beyond: beyondPlaces(signUps, capacity) };
}
