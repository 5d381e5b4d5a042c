import { sql } from "kysely";
import { getDb, nowIso } from "~/platform/db.server";
import {
  codeFromScan,
  isExpected,
  type CheckInResult,
  type DoorCounts,
  type DoorPerson,
} from "~/features/registration/checkin";
import { foldForSearch, searchPattern } from "~/lib/text";
import { recordAudit } from "../../platform/audit.server";
import { invalid, type Actor, type Db, type Result } from "../../platform/types";

export type { CheckInResult, DoorCounts, DoorPerson };

export const SEARCH_LIMIT = 20;

function people(db: Db, conferenceId: number) {
  return db
    .selectFrom("registrations as r")
    .innerJoin("organisations as o", "o.id", "r.organisation_id")
    .leftJoin("users as u", "u.id", "r.checked_in_by")
    .select([
      "u.full_name as checked_in_by_name",
      "r.id",
      "r.honorific",
      "r.full_name",
      "r.position",
      "r.mode",
      "r.status",
      "r.badge_code",
      "r.checked_in_at",
      "o.name_vi as organisation_vi",
      "o.name_en as organisation_en",
      "o.kind as organisation_kind",
    ])
    .where("r.conference_id", "=", conferenceId);
}

/** The registration a badge code belongs to, or null for a code that is malformed or unknown. */
export async function findByCode(conferenceId: number, code: string): Promise<DoorPerson | null> {
  const normalised = codeFromScan(code);
  if (!normalised) return null;
  return (await people(getDb(), conferenceId).where("r.badge_code", "=", normalised).executeTakeFirst()) ?? null;
}

/**
 * Up to 20 registrations whose name (or organisation, e-mail…) holds every
 * word typed, diacritics ignored ("tran ngoc" finds "Trần Văn Ngọc"); those
 * expected at the door first.
 */
export async function searchByName(conferenceId: number, q: string): Promise<DoorPerson[]> {
  const patterns = foldForSearch(q)
    .split(" ")
    .slice(0, 8)
    .map(searchPattern)
    .filter((p): p is string => p !== null);
  if (patterns.length === 0) return [];
  return people(getDb(), conferenceId)
    .where((eb) => eb.and(patterns.map((p) => eb("r.search_key", "like", p))))
    .orderBy(sql`case when r.status = 'approved' and r.mode = 'in_person' then 0 else 1 end`)
    .orderBy("r.full_name")
    .orderBy("r.id")
    .limit(SEARCH_LIMIT)
    .execute();
}

/**
 * Marks an approved in-person delegate present, once. The UPDATE carries the
 * rule in its WHERE, so two scanners at the same moment record one check-in
 * and the other is told "already".
 */
export async function checkIn(conferenceId: number, registrationId: number, actor: Actor): Promise<CheckInResult> {
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const at = nowIso();
      const updated = await trx
        .updateTable("registrations")
        .set({ checked_in_at: at, checked_in_by: actor.id, updated_at: at })
        .where("id", "=", registrationId)
        .where("conference_id", "=", conferenceId)
        .where("status", "=", "approved")
        .where("mode", "=", "in_person")
        .where("checked_in_at", "is", null)
        .executeTakeFirst();
      const person = await people(trx, conferenceId).where("r.id", "=", registrationId).executeTakeFirst();
      if (!person) return { state: "not_found" } as const;
      if (Number(updated.numUpdatedRows) === 1) {
        await recordAudit(trx, {
          actorId: actor.id,
          action: "registration.check_in",
          entity: "registration",
          entityId: registrationId,
          ip: actor.ip,
        });
        return { state: "checked_in", person, at } as const;
      }
      if (isExpected(person) && person.checked_in_at)
        return { state: "already", person, at: person.checked_in_at } as const;
      return { state: "not_expected", person } as const;
    });
}

/** Clears a wrong check-in (audited, with the time it cleared) and names the person; refused when there was none. */
export async function undoCheckIn(
  conferenceId: number,
  registrationId: number,
  actor: Actor,
): Promise<Result<{ name: string }>> {
  return getDb()
    .transaction()
    .execute(async (trx): Promise<Result<{ name: string }>> => {
      const current = await trx
        .selectFrom("registrations")
        .select(["full_name", "checked_in_at", "checked_in_by"])
        .where("id", "=", registrationId)
        .where("conference_id", "=", conferenceId)
        .executeTakeFirst();
      if (!current?.checked_in_at) return invalid("checkin.undoNothing");
      const updated = await trx
        .updateTable("registrations")
        .set({ checked_in_at: null, checked_in_by: null, updated_at: nowIso() })
        .where("id", "=", registrationId)
        .where("checked_in_at", "=", current.checked_in_at)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) return invalid("checkin.undoNothing");
      await recordAudit(trx, {
        actorId: actor.id,
        action: "registration.check_in_undo",
        entity: "registration",
        entityId: registrationId,
        detail: { checkedInAt: current.checked_in_at, checkedInBy: current.checked_in_by },
        ip: actor.ip,
      });
      return { ok: true, name: current.full_name };
    });
}

/** Present / expected (approved in person), in total and by organisation kind: one grouped query. */
export async function counts(conferenceId: number): Promise<DoorCounts> {
  const rows = await getDb()
    .selectFrom("registrations as r")
    .innerJoin("organisations as o", "o.id", "r.organisation_id")
    .select((eb) => [
      "o.kind",
      eb.fn.countAll<number>().as("expected"),
      eb.fn.count<number>("r.checked_in_at").as("present"),
    ])
    .where("r.conference_id", "=", conferenceId)
    .where("r.status", "=", "approved")
    .where("r.mode", "=", "in_person")
    .groupBy("o.kind")
    .execute();
  const byKind = rows.map((r) => ({ kind: r.kind, present: Number(r.present), expected: Number(r.expected) }));
  return {
    present: byKind.reduce((n, r) => n + r.present, 0),
    expected: byKind.reduce((n, r) => n + r.expected, 0),
    byKind,
    at: nowIso(),
  };
}

/** The last few people checked in, newest first, so a wrong one can be spotted and undone. */
export async function recentCheckIns(conferenceId: number, limit = 5): Promise<DoorPerson[]> {
  return people(getDb(), conferenceId)
    .where("r.checked_in_at", "is not", null)
    .orderBy("r.checked_in_at", "desc")
    .orderBy("r.id", "desc")
    .limit(limit)
    .execute();
}
