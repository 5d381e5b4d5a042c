import { randomBytes } from "node:crypto";
import type { Transaction } from "kysely";
import { getDb, nowIso } from "~/platform/db.server";
import {
  badgeCodeFrom,
  delegateMayCancel,
  holdsInPersonPlace,
  organiserMayMove,
  waitReason,
  type AttendanceMode,
  type RegistrationStatus,
  type WaitReason,
} from "~/features/registration/rules";
import type { DelegateEdit, OrganiserEdit, RegistrationInput } from "~/features/registration/schema";
import { searchKey } from "~/lib/text";
import type { Conference, Database, Registration } from "../../../db/schema";
import { recordAudit } from "../../platform/audit.server";
import { invitationLink, issueInvitation } from "../people/invitations.server";
import { effectiveQuota } from "./quotas.server";
import { queueRegistrationMail, type MailRegistration, type RegistrationMailKind } from "./registration-mail.server";
import { createUser } from "../people/users.server";

type Trx = Transaction<Database>;
export interface Actor {
  id: string | null;
  ip: string | null;
}

const newBadgeCode = () => badgeCodeFrom(randomBytes(8));

const registrationSearchKey = (r: { full_name: string; email: string; position: string; phone: string }, organisation: { name_vi: string; name_en: string }) =>
  searchKey(r.full_name, r.email, r.position, r.phone, organisation.name_vi, organisation.name_en);

async function placeCounts(trx: Trx, conferenceId: number, organisationId: number, excludeId: number | null) {
  const conference = await trx.selectFrom("conferences").select("in_person_capacity").where("id", "=", conferenceId).executeTakeFirstOrThrow();
  const base = trx
    .selectFrom("registrations")
    .where("conference_id", "=", conferenceId)
    .where("mode", "=", "in_person")
    .where("status", "in", ["pending", "approved"])
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
    quota: await effectiveQuota(trx, conferenceId, organisationId),
  };
}

async function mailRow(trx: Trx, registrationId: number): Promise<MailRegistration> {
  return trx
    .selectFrom("registrations as r")
    .innerJoin("organisations as o", "o.id", "r.organisation_id")
    .innerJoin("conferences as c", "c.id", "r.conference_id")
    .select([
      "r.id", "r.email", "r.honorific", "r.full_name", "r.mode",
      "o.name_vi as organisation_vi", "o.name_en as organisation_en",
      "c.title_vi as conference_vi", "c.title_en as conference_en",
    ])
    .where("r.id", "=", registrationId)
    .executeTakeFirstOrThrow();
}

async function notify(trx: Trx, kind: RegistrationMailKind, registrationId: number, extra: Parameters<typeof queueRegistrationMail>[3] = {}) {
  await queueRegistrationMail(trx, kind, await mailRow(trx, registrationId), extra);
}

async function recordEvent(trx: Trx, r: { id: number; mode: AttendanceMode }, from: RegistrationStatus | null, to: RegistrationStatus) {
  await trx.insertInto("registration_events").values({ registration_id: r.id, at: nowIso(), from_status: from, to_status: to, mode: r.mode }).execute();
}

/**
 * Keeps a person's session sign-ups in step with their registration: none once
 * cancelled or rejected; online ones free their in-person places; moving in
 * person keeps each sign-up only where the session still has a place.
 */
async function syncSessionSignups(trx: Trx, registrationId: number, live: boolean, mode: AttendanceMode) {
  if (!live) {
    await trx.deleteFrom("session_signups").where("registration_id", "=", registrationId).execute();
    return;
  }
  if (mode === "online") {
    await trx.updateTable("session_signups").set({ mode: "online" }).where("registration_id", "=", registrationId).execute();
    return;
  }
  const signups = await trx
    .selectFrom("session_signups as u")
    .innerJoin("sessions as s", "s.id", "u.session_id")
    .leftJoin("rooms as r", "r.id", "s.room_id")
    .select(["u.session_id", "s.capacity", "r.capacity as room_capacity"])
    .where("u.registration_id", "=", registrationId)
    .where("u.mode", "=", "online")
    .execute();
  for (const signup of signups) {
    const capacity = signup.capacity ?? signup.room_capacity;
    const [{ n }] = await trx.selectFrom("session_signups").select((eb) => eb.fn.countAll<number>().as("n")).where("session_id", "=", signup.session_id).where("mode", "=", "in_person").execute();
    if (capacity === null || Number(n) < capacity) {
      await trx.updateTable("session_signups").set({ mode: "in_person" }).where("session_id", "=", signup.session_id).where("registration_id", "=", registrationId).execute();
    } else {
      await trx.deleteFrom("session_signups").where("session_id", "=", signup.session_id).where("registration_id", "=", registrationId).execute();
    }
  }
}

/**
 * Moves people up from the waiting list, first come first served, while the
 * conference has in-person places and their organisation's quota allows.
 * Each one moved up becomes pending and is told.
 */
export async function promoteFromWaitlist(trx: Trx, conferenceId: number, actor: Actor): Promise<number[]> {
  const waiting = await trx
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
    const counts = await placeCounts(trx, conferenceId, candidate.organisation_id, null);
    if (counts.used >= counts.capacity) break;
    if (waitReason(counts) !== null) continue;
    const now = nowIso();
    await trx
      .updateTable("registrations")
      .set({ status: "pending", waitlisted_at: null, status_changed_at: now, updated_at: now })
      .where("id", "=", candidate.id)
      .execute();
    await recordEvent(trx, candidate, "waitlisted", "pending");
    await recordAudit(trx, { actorId: actor.id, action: "registration.promote", entity: "registration", entityId: candidate.id, ip: actor.ip });
    await notify(trx, "promoted", candidate.id);
    promoted.push(candidate.id);
  }
  return promoted;
}

export type CreateResult =
  | { ok: true; registrationId: number; status: RegistrationStatus; newUserId: string | null }
  | { ok: false; errors: Record<string, string> };

/**
 * Writes one new registration inside the caller's transaction: the public
 * form and the CSV import both come through here, so both follow the same
 * rules. In-person places are decided here (waiting list when the conference or
 * the organisation's quota is full). Without an account, one is created with no
 * password, and the e-mail carries a one-time set-password link.
 */
export async function createRegistrationIn(
  trx: Trx,
  input: RegistrationInput,
  options: {
    conferenceId: number;
    /** Attach to this account (the signed-in person). */
    userId: string | null;
    /** With no userId: use an existing account with this e-mail (import) or refuse (public form). */
    attachExistingAccount: boolean;
    /** An organiser's import may approve at once when a place is free. */
    approve?: boolean;
    organiserNote?: string;
    actor: Actor;
  },
): Promise<CreateResult> {
  const organisation = await trx.selectFrom("organisations").select(["id", "name_vi", "name_en"]).where("id", "=", input.organisationId).executeTakeFirst();
  if (!organisation) return { ok: false, errors: { organisationId: "errors.unknownOrganisation" } };
  const duplicate = await trx
    .selectFrom("registrations")
    .select("id")
    .where("conference_id", "=", options.conferenceId)
    .where((eb) => eb.or([eb("email", "=", input.email), ...(options.userId ? [eb("user_id", "=", options.userId)] : [])]))
    .executeTakeFirst();
  if (duplicate) return { ok: false, errors: { email: "registration.duplicate" } };

  let userId = options.userId;
  let newUserId: string | null = null;
  let setPasswordLink: string | undefined;
  if (!userId) {
    const existing = await trx.selectFrom("users").select(["id", "password_hash"]).where("email", "=", input.email).executeTakeFirst();
    if (existing && !options.attachExistingAccount) return { ok: false, errors: { email: "registration.accountExists" } };
    if (existing) {
      userId = existing.id;
    } else {
      userId = newUserId = await createUser(trx, { email: input.email, fullName: input.fullName, role: "delegate", organisationId: organisation.id, passwordHash: null });
    }
    if (!existing?.password_hash) {
      const invitation = await issueInvitation(trx, { email: input.email, fullName: input.fullName, role: "delegate", organisationId: organisation.id, invitedBy: options.actor.id });
      setPasswordLink = invitationLink(invitation.token);
    }
  }

  // Online places are not limited: only in-person registrations need the counts.
  const reason: WaitReason | null = input.mode === "in_person" ? waitReason(await placeCounts(trx, options.conferenceId, organisation.id, null)) : null;
  let status: RegistrationStatus = reason ? "waitlisted" : "pending";
  if (status === "pending" && options.approve) status = "approved";
  const now = nowIso();
  const row = { full_name: input.fullName, email: input.email, position: input.position, phone: input.phone };
  const inserted = await trx
    .insertInto("registrations")
    .values({
      conference_id: options.conferenceId,
      user_id: userId,
      organisation_id: organisation.id,
      honorific: input.honorific,
      ...row,
      mode: input.mode,
      status,
      interpretation: input.interpretation,
      dietary: input.dietary,
      consent_to_list: input.consentToList ? 1 : 0,
      badge_code: newBadgeCode(),
      waitlisted_at: status === "waitlisted" ? now : null,
      status_changed_at: now,
      decided_by: status === "approved" ? options.actor.id : null,
      checked_in_at: null,
      checked_in_by: null,
      organiser_note: options.organiserNote ?? "",
      search_key: registrationSearchKey(row, organisation),
      created_at: now,
      updated_at: now,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await recordEvent(trx, { id: inserted.id, mode: input.mode }, null, status);
  await recordAudit(trx, {
    actorId: options.actor.id ?? userId,
    action: "registration.create",
    entity: "registration",
    entityId: inserted.id,
    detail: { mode: input.mode, status, organisationId: organisation.id },
    ip: options.actor.ip,
  });
  const kind: RegistrationMailKind = status === "waitlisted" ? "waitlisted" : status === "approved" ? "approved" : "received";
  await notify(trx, kind, inserted.id, { waitReason: reason ?? undefined, setPasswordLink });
  return { ok: true, registrationId: inserted.id, status, newUserId };
}

export type RegisterResult =
  | { ok: true; registrationId: number; status: RegistrationStatus }
  | { ok: false; errors: Record<string, string> };

/** The public registration form: a visitor is signed in to their new account afterwards. */
export async function registerDelegate(
  input: RegistrationInput,
  ctx: { conference: Conference; user: { id: string; email: string } | null; ip: string | null },
): Promise<RegisterResult> {
  const email = ctx.user ? ctx.user.email : input.email;
  const result = await getDb()
    .transaction()
    .execute((trx) =>
      createRegistrationIn(trx, { ...input, email }, {
        conferenceId: ctx.conference.id,
        userId: ctx.user?.id ?? null,
        attachExistingAccount: false,
        actor: { id: ctx.user?.id ?? null, ip: ctx.ip },
      }),
    );
  if (!result.ok) return result;
  // Nobody is signed in by registering: a new account signs in through its e-mailed link.
  return { ok: true, registrationId: result.registrationId, status: result.status };
}

/** The signed-in person's registration for the conference, with its organisation. */
export async function getOwnRegistration(userId: string, conferenceId: number) {
  return getDb()
    .selectFrom("registrations as r")
    .innerJoin("organisations as o", "o.id", "r.organisation_id")
    .selectAll("r")
    .select(["o.name_vi as organisation_vi", "o.name_en as organisation_en", "o.kind as organisation_kind", "o.time_zone as organisation_time_zone"])
    .where("r.user_id", "=", userId)
    .where("r.conference_id", "=", conferenceId)
    .executeTakeFirst();
}

export async function getRegistration(id: number) {
  return getDb()
    .selectFrom("registrations as r")
    .innerJoin("organisations as o", "o.id", "r.organisation_id")
    .selectAll("r")
    .select(["o.name_vi as organisation_vi", "o.name_en as organisation_en", "o.kind as organisation_kind"])
    .where("r.id", "=", id)
    .executeTakeFirst();
}

export type ChangeResult = { ok: true; status: RegistrationStatus; promoted: number[] } | { ok: false; errors: Record<string, string> };

/** What the organisers' approval vouches for; phone, dietary needs and interpretation may change freely. */
const IDENTITY_FIELDS = ["full_name", "position", "organisation_id"] as const;

/**
 * Applies new details to a registration. A change of mode or organisation is
 * re-checked against the places: moving in person when full puts the person on
 * the waiting list; leaving an in-person place moves the next person up.
 */
async function applyChanges(
  trx: Trx,
  current: Registration,
  changes: Partial<Pick<Registration, "honorific" | "full_name" | "position" | "phone" | "email" | "mode" | "organisation_id" | "interpretation" | "dietary" | "consent_to_list" | "organiser_note">>,
  actor: Actor,
  action: string,
  options: { reviewIdentity?: boolean } = {},
): Promise<ChangeResult> {
  const next = { ...current, ...changes };
  // Who the person is and whom they speak for were what the organisers approved: a change by the
  // person sends the registration back for a decision, and its rights end at once (decision 011).
  const identityChanged = IDENTITY_FIELDS.filter((k) => next[k] !== current[k]);
  const backToReview = Boolean(options.reviewIdentity) && current.status === "approved" && identityChanged.length > 0;
  const organisation = await trx.selectFrom("organisations").select(["id", "name_vi", "name_en"]).where("id", "=", next.organisation_id).executeTakeFirst();
  if (!organisation) return { ok: false, errors: { organisationId: "errors.unknownOrganisation" } };
  if (next.email !== current.email) {
    const taken = await trx
      .selectFrom("registrations")
      .select("id")
      .where("conference_id", "=", current.conference_id)
      .where("email", "=", next.email)
      .where("id", "!=", current.id)
      .executeTakeFirst();
    if (taken) return { ok: false, errors: { email: "registration.duplicate" } };
  }
  let status: RegistrationStatus = backToReview ? "pending" : current.status;
  let waitlistedAt = current.waitlisted_at;
  let reason: WaitReason | null = null;
  const heldBefore = holdsInPersonPlace(current);
  const placeChanged = next.mode !== current.mode || next.organisation_id !== current.organisation_id;
  if (placeChanged && (status === "pending" || status === "approved") && next.mode === "in_person") {
    reason = waitReason(await placeCounts(trx, current.conference_id, next.organisation_id, current.id));
    if (reason) {
      status = "waitlisted";
      waitlistedAt = nowIso();
    }
  } else if (status === "waitlisted" && next.mode === "online") {
    status = "pending";
    waitlistedAt = null;
  }
  const now = nowIso();
  await trx
    .updateTable("registrations")
    .set({
      ...changes,
      status,
      waitlisted_at: waitlistedAt,
      status_changed_at: status !== current.status ? now : current.status_changed_at,
      search_key: registrationSearchKey(next, organisation),
      updated_at: now,
    })
    .where("id", "=", current.id)
    .execute();
  if (status !== current.status || next.mode !== current.mode) await recordEvent(trx, { id: current.id, mode: next.mode }, current.status, status);
  if (next.mode !== current.mode) await syncSessionSignups(trx, current.id, true, next.mode);
  const changed = Object.keys(changes).filter((k) => (changes as Record<string, unknown>)[k] !== (current as Record<string, unknown>)[k]);
  const previous = backToReview ? Object.fromEntries(identityChanged.map((k) => [k, current[k]])) : undefined;
  await recordAudit(trx, { actorId: actor.id, action, entity: "registration", entityId: current.id, detail: { changed, status, ...(previous ? { previous, backToReview: true } : {}) }, ip: actor.ip });
  if (status === "waitlisted" && current.status !== "waitlisted") await notify(trx, "waitlisted", current.id, { waitReason: reason ?? "capacity" });
  const promoted = heldBefore && !holdsInPersonPlace({ mode: next.mode, status }) ? await promoteFromWaitlist(trx, current.conference_id, actor) : [];
  return { ok: true, status, promoted };
}

const editColumns = (e: DelegateEdit) => ({
  honorific: e.honorific,
  full_name: e.fullName,
  position: e.position,
  phone: e.phone,
  mode: e.mode,
  organisation_id: e.organisationId,
  interpretation: e.interpretation,
  dietary: e.dietary,
  consent_to_list: e.consentToList ? 1 : 0,
});

/** The delegate edits their own registration (ownership in the WHERE). */
export async function updateOwnRegistration(userId: string, conferenceId: number, edit: DelegateEdit, ip: string | null): Promise<ChangeResult | null> {
  return getDb().transaction().execute(async (trx) => {
    const current = await trx.selectFrom("registrations").selectAll().where("user_id", "=", userId).where("conference_id", "=", conferenceId).executeTakeFirst();
    if (!current) return null;
    if (current.status === "cancelled" || current.status === "rejected") return { ok: false, errors: { "": "registration.closed" } } as const;
    return applyChanges(trx, current, editColumns(edit), { id: userId, ip }, "registration.update_own", { reviewIdentity: true });
  });
}

/** Switches between in person and online (the delegate's one-click action). */
export async function switchOwnMode(userId: string, conferenceId: number, mode: AttendanceMode, ip: string | null): Promise<ChangeResult | null> {
  return getDb().transaction().execute(async (trx) => {
    const current = await trx.selectFrom("registrations").selectAll().where("user_id", "=", userId).where("conference_id", "=", conferenceId).executeTakeFirst();
    if (!current) return null;
    if (!delegateMayCancel(current.status)) return { ok: false, errors: { "": "registration.closed" } } as const;
    return applyChanges(trx, current, { mode }, { id: userId, ip }, "registration.switch_mode");
  });
}

async function setStatusIn(trx: Trx, current: Registration, to: RegistrationStatus, actor: Actor, action: string): Promise<ChangeResult> {
  const from = current.status;
  if (from === to) return { ok: true, status: to, promoted: [] };
  const gainsPlace = !holdsInPersonPlace(current) && holdsInPersonPlace({ mode: current.mode, status: to });
  if (gainsPlace) {
    const reason = waitReason(await placeCounts(trx, current.conference_id, current.organisation_id, current.id));
    if (reason) return { ok: false, errors: { "": reason === "quota" ? "registration.noPlace.quota" : "registration.noPlace.capacity" } };
  }
  const now = nowIso();
  await trx
    .updateTable("registrations")
    .set({
      status: to,
      waitlisted_at: null,
      status_changed_at: now,
      decided_by: to === "approved" || to === "rejected" ? actor.id : current.decided_by,
      updated_at: now,
    })
    .where("id", "=", current.id)
    .where("status", "=", from)
    .execute();
  await recordEvent(trx, current, from, to);
  if (to === "cancelled" || to === "rejected") await syncSessionSignups(trx, current.id, false, current.mode);
  await recordAudit(trx, { actorId: actor.id, action, entity: "registration", entityId: current.id, detail: { from, to }, ip: actor.ip });
  if (to === "approved" || to === "rejected" || to === "cancelled") await notify(trx, to, current.id);
  const promoted = holdsInPersonPlace(current) && !holdsInPersonPlace({ mode: current.mode, status: to }) ? await promoteFromWaitlist(trx, current.conference_id, actor) : [];
  return { ok: true, status: to, promoted };
}

/** The delegate cancels; an in-person place they held goes to the next on the waiting list. */
export async function cancelOwnRegistration(userId: string, conferenceId: number, ip: string | null): Promise<ChangeResult | null> {
  return getDb().transaction().execute(async (trx) => {
    const current = await trx.selectFrom("registrations").selectAll().where("user_id", "=", userId).where("conference_id", "=", conferenceId).executeTakeFirst();
    if (!current) return null;
    if (!delegateMayCancel(current.status)) return { ok: false, errors: { "": "registration.closed" } } as const;
    return setStatusIn(trx, current, "cancelled", { id: userId, ip }, "registration.cancel_own");
  });
}

export interface BulkResult {
  changed: number[];
  skipped: Array<{ id: number; name: string; reason: string }>;
  promoted: number[];
}

/**
 * Approves or rejects many registrations in one transaction. Those that cannot
 * move (no place left, a status that does not allow it) are listed with the reason.
 */
export async function decideRegistrations(conferenceId: number, ids: number[], to: "approved" | "rejected", actor: Actor): Promise<BulkResult> {
  return getDb().transaction().execute(async (trx) => {
    const rows = ids.length
      ? await trx.selectFrom("registrations").selectAll().where("conference_id", "=", conferenceId).where("id", "in", ids).orderBy("waitlisted_at").orderBy("id").execute()
      : [];
    const result: BulkResult = { changed: [], skipped: [], promoted: [] };
    for (const row of rows) {
      const current = await trx.selectFrom("registrations").selectAll().where("id", "=", row.id).executeTakeFirstOrThrow();
      if (current.status === to) continue;
      if (!organiserMayMove(current.status, to)) {
        result.skipped.push({ id: row.id, name: row.full_name, reason: "registration.cannotMove" });
        continue;
      }
      const r = await setStatusIn(trx, current, to, actor, to === "approved" ? "registration.approve" : "registration.reject");
      if (r.ok) {
        result.changed.push(row.id);
        result.promoted.push(...r.promoted);
      } else {
        result.skipped.push({ id: row.id, name: row.full_name, reason: r.errors[""] });
      }
    }
    return result;
  });
}

/** A refused organiser edit; thrown inside a transaction so that nothing of it is written. */
export class RefusedChange extends Error {
  constructor(readonly result: ChangeResult) {
    super("refused");
  }
}

/**
 * An organiser's edit of any registration, including its status, inside the
 * caller's transaction (the CSV import uses it too). Throws RefusedChange.
 */
export async function updateRegistrationAsOrganiserIn(
  trx: Trx,
  conferenceId: number,
  id: number,
  edit: OrganiserEdit & { status?: RegistrationStatus },
  actor: Actor,
): Promise<ChangeResult | null> {
  const current = await trx.selectFrom("registrations").selectAll().where("id", "=", id).where("conference_id", "=", conferenceId).executeTakeFirst();
  if (!current) return null;
  const changed = await applyChanges(trx, current, { ...editColumns(edit), email: edit.email, organiser_note: edit.organiserNote }, actor, "registration.update");
  if (!changed.ok) throw new RefusedChange(changed);
  if (!edit.status || edit.status === changed.status) return changed;
  const after = await trx.selectFrom("registrations").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
  if (!organiserMayMove(after.status, edit.status)) throw new RefusedChange({ ok: false, errors: { status: "registration.cannotMove" } });
  const action = `registration.${edit.status === "approved" ? "approve" : edit.status === "rejected" ? "reject" : "set_status"}`;
  const moved = await setStatusIn(trx, after, edit.status, actor, action);
  if (!moved.ok) throw new RefusedChange({ ok: false, errors: { status: moved.errors[""] } });
  return { ok: true, status: moved.status, promoted: [...changed.promoted, ...moved.promoted] };
}

/** An organiser edits any registration; a refused change leaves nothing half-written. */
export async function updateRegistrationAsOrganiser(
  conferenceId: number,
  id: number,
  edit: OrganiserEdit & { status?: RegistrationStatus },
  actor: Actor,
): Promise<ChangeResult | null> {
  try {
    return await getDb().transaction().execute((trx) => updateRegistrationAsOrganiserIn(trx, conferenceId, id, edit, actor));
  } catch (error) {
    if (error instanceof RefusedChange) return error.result;
    throw error;
  }
}

/** Place on the waiting list (1 = next to move up), or null when not waiting. */
export async function waitlistPosition(r: { id: number; conference_id: number; status: string; waitlisted_at: string | null }): Promise<number | null> {
  if (r.status !== "waitlisted" || !r.waitlisted_at) return null;
  const [{ ahead }] = await getDb()
    .selectFrom("registrations")
    .select((eb) => eb.fn.countAll<number>().as("ahead"))
    .where("conference_id", "=", r.conference_id)
    .where("status", "=", "waitlisted")
    .where("mode", "=", "in_person")
    .where((eb) => eb.or([eb("waitlisted_at", "<", r.waitlisted_at!), eb.and([eb("waitlisted_at", "=", r.waitlisted_at!), eb("id", "<", r.id)])]))
    .execute();
  return Number(ahead) + 1;
}
