/**
 * The registry of international agreements signed by localities and ministries (Law 70/2020): record,
 * edit, move through the procedure, delete a draft. Every function takes the viewer's scope
 * (access.server.ts) and refuses what lies outside it as not found: another province's agreement
 * does not exist for a delegate, even by id.
 */
import type { Selectable } from "kysely";
import type { AgreementsTable } from "../../../../db/schema";
import { recordAudit } from "~/platform/audit.server";
import { inTransaction, nowIso } from "~/platform/db.server";
import { conflict, forbidden, invalid, notFound, type Actor, type Db, type Result } from "~/platform/types";
import type { AgreementState } from "../rules";
import { SIGNING_KINDS, type AgreementScope } from "./access.server";
import type { AdvanceInput, AgreementInput } from "./schema";
import { checkForward, datesClearedBack, previousState, STATE_DATE, type StateDates } from "./transitions";

const E = "proceedings.agreements.errors";

export type Agreement = Selectable<AgreementsTable>;

/** One agreement the scope may see, else null. */
export async function findAgreement(db: Db, scope: AgreementScope, id: number): Promise<Agreement | null> {
  let q = db.selectFrom("agreements").selectAll().where("id", "=", id).where("conference_id", "=", scope.conferenceId);
  if (scope.organisationId !== null) q = q.where("organisation_id", "=", scope.organisationId);
  return (await q.executeTakeFirst()) ?? null;
}

export function datesOf(agreement: Agreement): StateDates {
  return Object.fromEntries(Object.values(STATE_DATE).map((field) => [field, agreement[field]])) as StateDates;
}

/** The party, mission and meeting request must be what they say (a picked id is still what someone posted). */
async function checkLinks(
  db: Db,
  conferenceId: number,
  organisationId: number,
  input: AgreementInput,
): Promise<Result> {
  const party = await db.selectFrom("organisations").select("kind").where("id", "=", organisationId).executeTakeFirst();
  if (!party || !(SIGNING_KINDS as readonly string[]).includes(party.kind))
    return invalid(`${E}.partyKind`, "organisationId");
  if (input.missionId !== null) {
    const mission = await db
      .selectFrom("organisations")
      .select("kind")
      .where("id", "=", input.missionId)
      .executeTakeFirst();
    if (mission?.kind !== "mission") return invalid(`${E}.mission`, "missionId");
  }
  if (input.meetingRequestId !== null) {
    const request = await db
      .selectFrom("meeting_requests")
      .select("id")
      .where("id", "=", input.meetingRequestId)
      .where("conference_id", "=", conferenceId)
      .where("status", "=", "accepted")
      .where((eb) =>
        eb.or([eb("from_organisation_id", "=", organisationId), eb("to_organisation_id", "=", organisationId)]),
      )
      .executeTakeFirst();
    if (!request) return invalid(`${E}.meetingRequest`, "meetingRequestId");
  }
  return { ok: true };
}

function detailsOf(input: AgreementInput) {
  return {
    title: input.title,
    foreign_party: input.foreignParty,
    country_code: input.countryCode,
    field: input.field,
    kind: input.kind,
    signed_place: input.signedPlace,
    mission_id: input.missionId,
    meeting_request_id: input.meetingRequestId,
    summary: input.summary,
  };
}

export async function createAgreement(
  db: Db,
  scope: AgreementScope,
  actor: Actor,
  input: AgreementInput,
): Promise<Result<{ id: number }>> {
  const organisationId = scope.organisationId ?? input.organisationId;
  if (organisationId === null) return invalid("errors.required", "organisationId");
  if (scope.organisationId === null && !scope.staffUpdate) return forbidden(`${E}.readOnly`);
  return inTransaction(db, async (trx) => {
    const links = await checkLinks(trx, scope.conferenceId, organisationId, input);
    if (!links.ok) return links;
    const at = nowIso();
    const row = await trx
      .insertInto("agreements")
      .values({
        conference_id: scope.conferenceId,
        organisation_id: organisationId,
        ...detailsOf(input),
        created_by: actor.id,
        updated_by: actor.id,
        created_at: at,
        updated_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actorId: actor.id,
      ip: actor.ip,
      action: "agreement.create",
      entity: "agreement",
      entityId: row.id,
      detail: { title: input.title, organisationId },
    });
    return { ok: true as const, id: row.id };
  });
}

export async function updateAgreement(
  db: Db,
  scope: AgreementScope,
  actor: Actor,
  id: number,
  input: AgreementInput,
): Promise<Result> {
  return inTransaction(db, async (trx) => {
    const agreement = await findAgreement(trx, scope, id);
    if (!agreement) return notFound(`${E}.notFound`);
    if (scope.organisationId === null && !scope.staffUpdate) return forbidden(`${E}.readOnly`);
    // Staff may correct the party; a delegate's stays theirs.
    const organisationId = scope.organisationId ?? input.organisationId ?? agreement.organisation_id;
    const links = await checkLinks(trx, scope.conferenceId, organisationId, input);
    if (!links.ok) return links;
    await trx
      .updateTable("agreements")
      .set({ organisation_id: organisationId, ...detailsOf(input), updated_by: actor.id, updated_at: nowIso() })
      .where("id", "=", id)
      .execute();
    await recordAudit(trx, {
      actorId: actor.id,
      ip: actor.ip,
      action: "agreement.update",
      entity: "agreement",
      entityId: id,
      detail: { title: input.title },
    });
    return { ok: true as const };
  });
}

/**
 * Forward to a later state with the dates of the steps (transitions.ts), or, by staff, back one step
 * (a correction: the dates of the undone steps are cleared). `today`: YYYY-MM-DD in the conference zone.
 */
export async function moveAgreement(
  db: Db,
  scope: AgreementScope,
  actor: Actor,
  id: number,
  input: AdvanceInput,
  today: string,
): Promise<Result<{ state: AgreementState }>> {
  return inTransaction(db, async (trx) => {
    const agreement = await findAgreement(trx, scope, id);
    if (!agreement) return notFound(`${E}.notFound`);
    if (scope.organisationId === null && !scope.staffUpdate) return forbidden(`${E}.readOnly`);
    const known = datesOf(agreement);
    const back = previousState(agreement.state, known);
    let set: StateDates;
    let action: string;
    if (agreement.state !== "drafted" && input.target === back) {
      if (!scope.staffUpdate) return forbidden(`${E}.backByStaff`);
      set = datesClearedBack(agreement.state, back);
      action = "agreement.step_back";
    } else {
      const check = checkForward(agreement.state, input.target, known, input, today);
      if (!check.ok) return { ok: false as const, refusal: { kind: "invalid" as const, ...check } };
      set = check.set;
      action = "agreement.advance";
    }
    const changed = await trx
      .updateTable("agreements")
      .set({ ...set, state: input.target, updated_by: actor.id, updated_at: nowIso() })
      .where("id", "=", id)
      // Two people moving it at once: the second sees the first's move.
      .where("state", "=", agreement.state)
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) !== 1) return conflict(`${E}.movedMeanwhile`);
    await recordAudit(trx, {
      actorId: actor.id,
      ip: actor.ip,
      action,
      entity: "agreement",
      entityId: id,
      detail: { title: agreement.title, from: agreement.state, to: input.target, ...set },
    });
    return { ok: true as const, state: input.target };
  });
}

/** Drafts only: once sent to the Ministry an agreement is on record. */
export async function deleteAgreement(db: Db, scope: AgreementScope, actor: Actor, id: number): Promise<Result> {
  return inTransaction(db, async (trx) => {
    const agreement = await findAgreement(trx, scope, id);
    if (!agreement) return notFound(`${E}.notFound`);
    if (scope.organisationId === null && !scope.staffUpdate) return forbidden(`${E}.readOnly`);
    if (agreement.state !== "drafted") return conflict(`${E}.deleteDraftOnly`);
    await trx.deleteFrom("agreements").where("id", "=", id).execute();
    await recordAudit(trx, {
      actorId: actor.id,
      ip: actor.ip,
      action: "agreement.delete",
      entity: "agreement",
      entityId: id,
      detail: { title: agreement.title, organisationId: agreement.organisation_id },
    });
    return { ok: true as const };
  });
}
