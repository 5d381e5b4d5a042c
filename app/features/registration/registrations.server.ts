import { randomBytes } from "node:crypto";
import { getDb, inTransaction, nowIso } from "~/platform/db.server";
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
import type { Conference, Registration } from "../../../db/schema";
import { recordAudit } from "../../platform/audit.server";
import { invalid, notFound, type Actor, type Db, type Result } from "../../platform/types";
import { invitationLink, issueInvitation } from "../people/invitations.server";
import { createUser } from "../people/users.server";
import { placeCounts, promoteFromWaitlist } from "./places.server";
import { recordRegistrationEvent } from "./registration-events.server";
import { notifyRegistration, type RegistrationMailKind } from "./registration-mail.server";

const newBadgeCode = () => badgeCodeFrom(randomBytes(8));

const registrationSearchKey = (
  r: { full_name: string; email: string; position: string; phone: string },
  organisation: { name_vi: string; name_en: string },
) => searchKey(r.full_name, r.email, r.position, r.phone, organisation.name_vi, organisation.name_en);

/**
 * Keeps a person's session sign-ups in step with their registration: none once
 * cancelled or rejected; online ones free their in-person places; moving in
 * person keeps each sign-up only where the session still has a place.
 */
async function syncSessionSignups(trx: Db, registrationId: number, live: boolean, mode: AttendanceMode) {
  if (!live) {
    await trx.deleteFrom("session_signups").where("registration_id", "=", registrationId).execute();
    return;
  }
  if (mode === "online") {
    await trx
      .updateTable("session_signups")
      .set({ mode: "online" })
      .where("registration_id", "=", registrationId)
      .execute();
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
    const [{ n }] = await trx
      .selectFrom("session_signups")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("session_id", "=", signup.session_id)
      .where("mode", "=", "in_person")
      .execute();
    if (capacity === null || Number(n) < capacity) {
      await trx
        .updateTable("session_signups")
        .set({ mode: "in_person" })
        .where("session_id", "=", signup.session_id)
        .where("registration_id", "=", registrationId)
        .execute();
    } else {
      await trx
        .deleteFrom("session_signups")
        .where("session_id", "=", signup.session_id)
        .where("registration_id", "=", registrationId)
        .execute();
    }
  }
}

export type CreateResult = Result<{ registrationId: number; status: RegistrationStatus; newUserId: string | null }>;

/**
 * Writes one new registration, in the caller's transaction or in its own: the public
 * form and the CSV import both come through here, so both follow the same
 * rules. In-person places are decided here (waiting list when the conference or
 * the organisation's quota is full). Without an account, one is created with no
 * password, and the e-mail carries a one-time set-password link.
 */
export async function createRegistration(
  db: Db,
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
  return inTransaction(db, (trx) => insertRegistration(trx, input, options));
}

async function insertRegistration(
  trx: Db,
  input: RegistrationInput,
  options: Parameters<typeof createRegistration>[2],
): Promise<CreateResult> {
  const organisation = await trx
    .selectFrom("organisations")
    .select(["id", "name_vi", "name_en"])
    .where("id", "=", input.organisationId)
    .executeTakeFirst();
  if (!organisation) return invalid("errors.unknownOrganisation", "organisationId");
  const duplicate = await trx
    .selectFrom("registrations")
    .select("id")
    .where("conference_id", "=", options.conferenceId)
    .where((eb) =>
      eb.or([eb("email", "=", input.email), ...(options.userId ? [eb("user_id", "=", options.userId)] : [])]),
    )
    .executeTakeFirst();
  if (duplicate) return invalid("registration.duplicate", "email");

  let userId = options.userId;
  let newUserId: string | null = null;
  let setPasswordLink: string | undefined;
  if (!userId) {
    const existing = await trx
      .selectFrom("users")
      .select(["id", "password_hash"])
      .where("email", "=", input.email)
      .executeTakeFirst();
    if (existing && !options.attachExistingAccount) return invalid("registration.accountExists", "email");
    if (existing) {
      userId = existing.id;
    } else {
      userId = newUserId = await createUser(trx, {
        email: input.email,
        fullName: input.fullName,
        role: "delegate",
        organisationId: organisation.id,
        passwordHash: null,
      });
    }
    if (!existing?.password_hash) {
      const invitation = await issueInvitation(trx, {
        email: input.email,
        fullName: input.fullName,
        role: "delegate",
        organisationId: organisation.id,
        invitedBy: options.actor.id,
      });
      setPasswordLink = invitationLink(invitation.token);
    }
  }

  // Online places are not limited: only in-person registrations need the counts.
  const reason: WaitReason | null =
    input.mode === "in_person" ? waitReason(await placeCounts(trx, options.conferenceId, organisation.id, null)) : null;
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
  await recordRegistrationEvent(trx, { id: inserted.id, mode: input.mode }, null, status);
  await recordAudit(trx, {
    actorId: options.actor.id ?? userId,
    action: "registration.create",
    entity: "registration",
    entityId: inserted.id,
    detail: { mode: input.mode, status, organisationId: organisation.id },
    ip: options.actor.ip,
  });
  const kind: RegistrationMailKind =
    status === "waitlisted" ? "waitlisted" : status === "approved" ? "approved" : "received";
  await notifyRegistration(trx, kind, inserted.id, { waitReason: reason ?? undefined, setPasswordLink });
  return { ok: true, registrationId: inserted.id, status, newUserId };
}

export type RegisterResult = Result<{ registrationId: number; status: RegistrationStatus }>;

/** The public registration form: a visitor is signed in to their new account afterwards. */
export async function registerDelegate(
  input: RegistrationInput,
  ctx: { conference: Conference; user: { id: string; email: string } | null; ip: string | null },
): Promise<RegisterResult> {
  const email = ctx.user ? ctx.user.email : input.email;
  const result = await createRegistration(
    getDb(),
    { ...input, email },
    {
      conferenceId: ctx.conference.id,
      userId: ctx.user?.id ?? null,
      attachExistingAccount: false,
      actor: { id: ctx.user?.id ?? null, ip: ctx.ip },
    },
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
    .select([
      "o.name_vi as organisation_vi",
      "o.name_en as organisation_en",
      "o.kind as organisation_kind",
      "o.time_zone as organisation_time_zone",
    ])
    .where("r.user_id", "=", userId)
    .where("r.conference_id", "=", conferenceId)
    .executeTakeFirst();
}

/** A registration of the conference, with its organisation (another conference's is not found). */
export async function getRegistration(conferenceId: number, id: number) {
  return getDb()
    .selectFrom("registrations as r")
    .innerJoin("organisations as o", "o.id", "r.organisation_id")
    .selectAll("r")
    .select(["o.name_vi as organisation_vi", "o.name_en as organisation_en", "o.kind as organisation_kind"])
    .where("r.id", "=", id)
    .where("r.conference_id", "=", conferenceId)
    .executeTakeFirst();
}

export type ChangeResult = Result<{ status: RegistrationStatus; promoted: number[] }>;

/** What the organisers' approval vouches for; phone, dietary needs and interpretation may change freely. */
const IDENTITY_FIELDS = ["full_name", "position", "organisation_id"] as const;

/**
 * Applies new details to a registration. A change of mode or organisation is
 * re-checked against the places: moving in person when full puts the person on
 * the waiting list; leaving an in-person place moves the next person up.
 */
async function applyChanges(
  trx: Db,
  current: Registration,
  changes: Partial<
    Pick<
      Registration,
      | "honorific"
      | "full_name"
      | "position"
      | "phone"
      | "email"
      | "mode"
      | "organisation_id"
      | "interpretation"
      | "dietary"
      | "consent_to_list"
      | "organiser_note"
    >
  >,
  actor: Actor,
  action: string,
  options: { reviewIdentity?: boolean } = {},
): Promise<ChangeResult> {
  const next = { ...current, ...changes };
  // Who the person is and whom they speak for were what the organisers approved: a change by the
  // person sends the registration back for a decision, and its rights end at once (decision 011).
  const identityChanged = IDENTITY_FIELDS.filter((k) => next[k] !== current[k]);
  const backToReview = Boolean(options.reviewIdentity) && current.status === "approved" && identityChanged.length > 0;
  const organisation = await trx
    .selectFrom("organisations")
    .select(["id", "name_vi", "name_en"])
    .where("id", "=", next.organisation_id)
    .executeTakeFirst();
  if (!organisation) return invalid("errors.unknownOrganisation", "organisationId");
  if (next.email !== current.email) {
    const taken = await trx
      .selectFrom("registrations")
      .select("id")
      .where("conference_id", "=", current.conference_id)
      .where("email", "=", next.email)
      .where("id", "!=", current.id)
      .executeTakeFirst();
    if (taken) return invalid("registration.duplicate", "email");
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
  if (status !== current.status || next.mode !== current.mode)
    await recordRegistrationEvent(trx, { id: current.id, mode: next.mode }, current.status, status);
  if (next.mode !== current.mode) await syncSessionSignups(trx, current.id, true, next.mode);
  const changed = Object.keys(changes).filter(
    (k) => (changes as Record<string, unknown>)[k] !== (current as Record<string, unknown>)[k],
  );
  const previous = backToReview ? Object.fromEntries(identityChanged.map((k) => [k, current[k]])) : undefined;
  await recordAudit(trx, {
    actorId: actor.id,
    action,
    entity: "registration",
    entityId: current.id,
    detail: { changed, status, ...(previous ? { previous, backToReview: true } : {}) },
    ip: actor.ip,
  });
  if (status === "waitlisted" && current.status !== "waitlisted")
    await notifyRegistration(trx, "waitlisted", current.id, { waitReason: reason ?? "capacity" });
  const promoted =
    heldBefore && !holdsInPersonPlace({ mode: next.mode, status })
      ? await promoteFromWaitlist(trx, current.conference_id, actor)
      : [];
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

/** The person's own registration for the conference, to change (ownership in the WHERE). */
const ownRow = (trx: Db, userId: string, conferenceId: number) =>
  trx
    .selectFrom("registrations")
    .selectAll()
    .where("user_id", "=", userId)
    .where("conference_id", "=", conferenceId)
    .executeTakeFirst();

/** The delegate edits their own registration (ownership in the WHERE); none is refused as not found. */
export async function updateOwnRegistration(
  userId: string,
  conferenceId: number,
  edit: DelegateEdit,
  ip: string | null,
): Promise<ChangeResult> {
  return getDb()
    .transaction()
    .execute(async (trx): Promise<ChangeResult> => {
      const current = await ownRow(trx, userId, conferenceId);
      if (!current) return notFound();
      if (current.status === "cancelled" || current.status === "rejected") return invalid("registration.closed");
      return applyChanges(trx, current, editColumns(edit), { id: userId, ip }, "registration.update_own", {
        reviewIdentity: true,
      });
    });
}

/** Switches between in person and online (the delegate's one-click action). */
export async function switchOwnMode(
  userId: string,
  conferenceId: number,
  mode: AttendanceMode,
  ip: string | null,
): Promise<ChangeResult> {
  return getDb()
    .transaction()
    .execute(async (trx): Promise<ChangeResult> => {
      const current = await ownRow(trx, userId, conferenceId);
      if (!current) return notFound();
      if (!delegateMayCancel(current.status)) return invalid("registration.closed");
      return applyChanges(trx, current, { mode }, { id: userId, ip }, "registration.switch_mode");
    });
}

async function setStatus(
  trx: Db,
  current: Registration,
  to: RegistrationStatus,
  actor: Actor,
  action: string,
): Promise<ChangeResult> {
  const from = current.status;
  if (from === to) return { ok: true, status: to, promoted: [] };
  const gainsPlace = !holdsInPersonPlace(current) && holdsInPersonPlace({ mode: current.mode, status: to });
  if (gainsPlace) {
    const reason = waitReason(await placeCounts(trx, current.conference_id, current.organisation_id, current.id));
    if (reason) return invalid(reason === "quota" ? "registration.noPlace.quota" : "registration.noPlace.capacity");
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
  await recordRegistrationEvent(trx, current, from, to);
  if (to === "cancelled" || to === "rejected") await syncSessionSignups(trx, current.id, false, current.mode);
  await recordAudit(trx, {
    actorId: actor.id,
    action,
    entity: "registration",
    entityId: current.id,
    detail: { from, to },
    ip: actor.ip,
  });
  if (to === "approved" || to === "rejected" || to === "cancelled") await notifyRegistration(trx, to, current.id);
  const promoted =
    holdsInPersonPlace(current) && !holdsInPersonPlace({ mode: current.mode, status: to })
      ? await promoteFromWaitlist(trx, current.conference_id, actor)
      : [];
  return { ok: true, status: to, promoted };
}

/** The delegate cancels; an in-person place they held goes to the next on the waiting list. */
export async function cancelOwnRegistration(
  userId: string,
  conferenceId: number,
  ip: string | null,
): Promise<ChangeResult> {
  return getDb()
    .transaction()
    .execute(async (trx): Promise<ChangeResult> => {
      const current = await ownRow(trx, userId, conferenceId);
      if (!current) return notFound();
      if (!delegateMayCancel(current.status)) return invalid("registration.closed");
      return setStatus(trx, current, "cancelled", { id: userId, ip }, "registration.cancel_own");
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
export async function decideRegistrations(
  conferenceId: number,
  ids: number[],
  to: Extract<RegistrationStatus, "approved" | "rejected">,
  actor: Actor,
): Promise<BulkResult> {
  return getDb()
    .transaction()
    .execute(async (trx) => {
      const rows = ids.length
        ? await trx
            .selectFrom("registrations")
            .selectAll()
            .where("conference_id", "=", conferenceId)
            .where("id", "in", ids)
            .orderBy("waitlisted_at")
            .orderBy("id")
            .execute()
        : [];
      const result: BulkResult = { changed: [], skipped: [], promoted: [] };
      for (const row of rows) {
        const current = await trx
          .selectFrom("registrations")
          .selectAll()
          .where("id", "=", row.id)
          .executeTakeFirstOrThrow();
        if (current.status === to) continue;
        if (!organiserMayMove(current.status, to)) {
          result.skipped.push({ id: row.id, name: row.full_name, reason: "registration.cannotMove" });
          continue;
        }
        const r = await setStatus(
          trx,
          current,
          to,
          actor,
          to === "approved" ? "registration.approve" : "registration.reject",
        );
        if (r.ok) {
          result.changed.push(row.id);
          result.promoted.push(...r.promoted);
        } else {
          result.skipped.push({ id: row.id, name: row.full_name, reason: r.refusal.key });
        }
      }
      return result;
    });
}

/**
 * An organiser's edit of any registration, including its status, in the caller's transaction
 * (the CSV import's) or in its own; in its own, a refused change leaves nothing half-written.
 * Another conference's registration, or none, is refused as not found.
 */
export async function updateRegistrationAsOrganiser(
  db: Db,
  conferenceId: number,
  id: number,
  edit: OrganiserEdit & { status?: RegistrationStatus },
  actor: Actor,
): Promise<ChangeResult> {
  return inTransaction(db, async (trx): Promise<ChangeResult> => {
    const current = await trx
      .selectFrom("registrations")
      .selectAll()
      .where("id", "=", id)
      .where("conference_id", "=", conferenceId)
      .executeTakeFirst();
    if (!current) return notFound();
    const changed = await applyChanges(
      trx,
      current,
      { ...editColumns(edit), email: edit.email, organiser_note: edit.organiserNote },
      actor,
      "registration.update",
    );
    if (!changed.ok) return changed;
    if (!edit.status || edit.status === changed.status) return changed;
    const after = await trx.selectFrom("registrations").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    if (!organiserMayMove(after.status, edit.status)) return invalid("registration.cannotMove", "status");
    const action = `registration.${edit.status === "approved" ? "approve" : edit.status === "rejected" ? "reject" : "set_status"}`;
    const moved = await setStatus(trx, after, edit.status, actor, action);
    // Shown beside the status it refuses.
    if (!moved.ok) return invalid(moved.refusal.key, "status", moved.refusal.params);
    return { ok: true, status: moved.status, promoted: [...changed.promoted, ...moved.promoted] };
  });
}
