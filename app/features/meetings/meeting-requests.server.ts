import { getDb } from "~/platform/db.server";
import type { OrganisationKind } from "~/auth/roles";
import { searchPattern } from "~/lib/text";
import { forbidden, type Actor, type Result } from "~/platform/types";
import { recordAudit } from "../../platform/audit.server";
import { now as clockNow } from "~/lib/clock";
import { organisationSearchWhere } from "../people/organisations.server";
import { counterpartRefusal, requestsTowardsCap } from "./meetings.server";
import { sectorsSearchKey } from "./i18n";
import {
  DEFAULT_ALLOWED_PAIRS,
  REQUESTER_KINDS,
  decodeSectors,
  encodeSectors,
  type MeetingRequestStatus,
  type PartySectors,
} from "./rules";

/** Query helpers for the delegates' meeting pages; the rules stay in meetings.server.ts. */

export async function viewerOrganisation(organisationId: number | null) {
  if (organisationId === null) return null;
  return (
    (await getDb()
      .selectFrom("organisations")
      .select(["id", "kind", "name_vi", "name_en"])
      .where("id", "=", organisationId)
      .executeTakeFirst()) ?? null
  );
}

/** The kinds an organisation of this kind may ask, as the organisers opened them (first block), else the defaults. */
async function askableKinds(conferenceId: number, kind: OrganisationKind): Promise<OrganisationKind[]> {
  const block = await getDb()
    .selectFrom("meeting_blocks")
    .select("allowed_pairs")
    .where("conference_id", "=", conferenceId)
    .orderBy("id")
    .executeTakeFirst();
  const pairs = block
    ? (JSON.parse(block.allowed_pairs) as Array<[OrganisationKind, OrganisationKind]>)
    : DEFAULT_ALLOWED_PAIRS;
  return [...new Set(pairs.filter(([a]) => a === kind).map(([, b]) => b))];
}

/** How many askable parties one page of the delegates' list shows (the page renders only these). */
export const PARTIES_PAGE_SIZE = 20;

/** The askable parties with what the list shows of them, before any search or paging. */
function askableQuery(conferenceId: number, kinds: OrganisationKind[], fromOrganisationId: number | null) {
  return getDb()
    .selectFrom("organisations as o")
    .leftJoin("meeting_parties as mp", (j) =>
      j.onRef("mp.organisation_id", "=", "o.id").on("mp.conference_id", "=", conferenceId),
    )
    .leftJoin("users as head", (j) =>
      j.onRef("head.organisation_id", "=", "o.id").on("head.heads_organisation", "=", 1),
    )
    .leftJoin("meeting_requests as asked", (j) =>
      j
        .onRef("asked.to_organisation_id", "=", "o.id")
        .on("asked.conference_id", "=", conferenceId)
        .on("asked.from_organisation_id", "=", fromOrganisationId ?? -1),
    )
    .where("o.kind", "in", kinds);
}

type AskableRow = {
  sectors: string | null;
  asked_status: string | null;
  asked_withdrawn_at: string | null;
};

function shapeParty<R extends AskableRow>({ sectors, asked_status, asked_withdrawn_at, ...row }: R) {
  return {
    ...row,
    sectors: decodeSectors(sectors),
    asked: asked_status as MeetingRequestStatus | null,
    askedWithdrawnAt: asked_withdrawn_at,
  };
}

const PARTY_COLUMNS = [
  "o.id",
  "o.kind",
  "o.name_vi",
  "o.name_en",
  "o.country_vi",
  "o.country_en",
  "o.city_vi",
  "o.city_en",
  "o.mission_type",
  "mp.sectors",
  "head.full_name as head_name",
  "asked.status as asked_status",
  "asked.withdrawn_at as asked_withdrawn_at",
] as const;

/**
 * One page of the parties a requester may ask, with country and city, searched as people type names
 * (organisationSearchWhere, diacritics ignored) or by a sector they cover; each with the state of the
 * request the requester already sent it (null when not asked). Only the page is read (LIMIT/OFFSET),
 * with the number of matches for the pager; a page past the end shows the last one.
 */
export async function askableParties(
  conferenceId: number,
  kind: OrganisationKind,
  query: string,
  fromOrganisationId: number | null = null,
  { page = 1, pageSize = PARTIES_PAGE_SIZE }: { page?: number; pageSize?: number } = {},
) {
  const kinds = await askableKinds(conferenceId, kind);
  if (kinds.length === 0) return { rows: [], total: 0, page: 1, pageSize };
  let q = askableQuery(conferenceId, kinds, fromOrganisationId);
  const pattern = searchPattern(query);
  // The search finds a party by its names, country and city, or by a sector it covers (in either language).
  if (pattern)
    q = q.where((eb) =>
      eb.or([organisationSearchWhere(eb, "o.search_key", query)!, eb("mp.sectors_key", "like", pattern)]),
    );
  const { total } = await q
    .select((eb) => eb.fn.count<number>("o.id").distinct().as("total"))
    .executeTakeFirstOrThrow();
  const last = Math.max(1, Math.ceil(Number(total) / pageSize));
  const shown = Math.min(Math.max(1, page), last);
  const rows = await q
    .select(PARTY_COLUMNS)
    .orderBy("o.country_vi")
    .orderBy("o.name_vi")
    .orderBy("o.id")
    .limit(pageSize)
    .offset((shown - 1) * pageSize)
    .execute();
  return { rows: rows.map(shapeParty), total: Number(total), page: shown, pageSize };
}

/** One party the requester may ask, by id (the one chosen with ?to=, which may be on no shown page); null if not askable. */
export async function askableParty(
  conferenceId: number,
  kind: OrganisationKind,
  organisationId: number,
  fromOrganisationId: number | null = null,
) {
  const kinds = await askableKinds(conferenceId, kind);
  if (kinds.length === 0) return null;
  const row = await askableQuery(conferenceId, kinds, fromOrganisationId)
    .select(PARTY_COLUMNS)
    .where("o.id", "=", organisationId)
    .executeTakeFirst();
  return row ? shapeParty(row) : null;
}

/**
 * What the requester may still send: the cap (null: none), the requests that count towards it
 * (as requestMeeting counts them: a withdrawal counts until its cooling-off is over), what
 * remains, and the deadline (null: none yet) and whether it has passed.
 */
export async function requestAllowance(
  conferenceId: number,
  organisationId: number,
  now = clockNow(),
): Promise<{ max: number | null; used: number; remaining: number | null; closesAt: string | null; closed: boolean }> {
  const db = getDb();
  const block = await db
    .selectFrom("meeting_blocks")
    .select(["max_requests_per_organisation", "requests_close_at"])
    .where("conference_id", "=", conferenceId)
    .orderBy("id")
    .executeTakeFirst();
  const used = await requestsTowardsCap(db, conferenceId, organisationId, now);
  const max = block?.max_requests_per_organisation ?? null;
  const closesAt = block?.requests_close_at ?? null;
  return {
    max,
    used,
    remaining: max === null ? null : Math.max(0, max - used),
    closesAt,
    closed: closesAt !== null && now.toISOString() >= closesAt,
  };
}

/** The sectors an organisation covers in the meetings (none when not said). */
export async function sectorsOf(conferenceId: number, organisationId: number): Promise<PartySectors> {
  const row = await getDb()
    .selectFrom("meeting_parties")
    .select("sectors")
    .where("conference_id", "=", conferenceId)
    .where("organisation_id", "=", organisationId)
    .executeTakeFirst();
  return decodeSectors(row?.sectors);
}

/** The asked side (for a mission, its head) says which sectors it covers; audited. */
export async function setSectors(
  userId: string,
  conferenceId: number,
  organisationId: number,
  chosen: PartySectors,
  actor: Actor,
) {
  const sectors = encodeSectors(chosen);
  return updateCounterpart(
    userId,
    conferenceId,
    organisationId,
    { sectors, sectors_key: sectorsSearchKey(sectors) },
    { action: "meeting_party.sectors", detail: { sectors: chosen.codes, note: chosen.note } },
    actor,
  );
}

const requestColumns = [
  "r.id",
  "r.sector",
  "r.ask",
  "r.priority",
  "r.status",
  "r.decline_reason",
  "r.created_at",
  "o.name_vi",
  "o.name_en",
  "o.country_vi",
  "o.country_en",
] as const;

/** Requests sent by an organisation, with the counterpart. */
export async function requestsFrom(conferenceId: number, organisationId: number) {
  return getDb()
    .selectFrom("meeting_requests as r")
    .innerJoin("organisations as o", "o.id", "r.to_organisation_id")
    .select([...requestColumns])
    .where("r.conference_id", "=", conferenceId)
    .where("r.from_organisation_id", "=", organisationId)
    .orderBy("r.created_at", "desc")
    .execute();
}

/** Requests addressed to an organisation, pending first, then by priority. */
export async function requestsTo(conferenceId: number, organisationId: number) {
  return getDb()
    .selectFrom("meeting_requests as r")
    .innerJoin("organisations as o", "o.id", "r.from_organisation_id")
    .select([...requestColumns])
    .where("r.conference_id", "=", conferenceId)
    .where("r.to_organisation_id", "=", organisationId)
    .orderBy((eb) => eb.case().when("r.status", "=", "pending").then(0).else(1).end())
    .orderBy("r.priority", "desc")
    .orderBy("r.created_at")
    .execute();
}

export async function maxMeetingsOf(conferenceId: number, organisationId: number): Promise<number | null> {
  const row = await getDb()
    .selectFrom("meeting_parties")
    .select("max_meetings")
    .where("conference_id", "=", conferenceId)
    .where("organisation_id", "=", organisationId)
    .executeTakeFirst();
  return row?.max_meetings ?? null;
}

/** The counterpart side sets its maximum number of meetings (null: no limit). */
export async function setMaxMeetings(
  userId: string,
  conferenceId: number,
  organisationId: number,
  maxMeetings: number | null,
  actor: Actor,
) {
  return updateCounterpart(
    userId,
    conferenceId,
    organisationId,
    { max_meetings: maxMeetings },
    { action: "meeting_party.max_meetings", detail: { maxMeetings } },
    actor,
  );
}

/**
 * Changes the asked side's own meeting settings in one audited transaction.
 * Only who speaks for the organisation may: a delegate of it, and for a
 * mission its head (counterpartRefusal); never a requester, who only asks.
 */
async function updateCounterpart(
  userId: string,
  conferenceId: number,
  organisationId: number,
  changes: { max_meetings?: number | null; sectors?: string; sectors_key?: string },
  audit: { action: string; detail: Record<string, unknown> },
  actor: Actor,
): Promise<Result> {
  return getDb()
    .transaction()
    .execute(async (trx): Promise<Result> => {
      const org = await trx
        .selectFrom("organisations")
        .select("kind")
        .where("id", "=", organisationId)
        .executeTakeFirst();
      if (!org || REQUESTER_KINDS.includes(org.kind)) return forbidden("error.forbidden.title");
      const refusal = await counterpartRefusal(trx, userId, conferenceId, organisationId);
      if (refusal) return { ok: false, refusal };
      await trx
        .insertInto("meeting_parties")
        .values({
          conference_id: conferenceId,
          organisation_id: organisationId,
          max_meetings: null,
          limits_availability: 0,
          ...changes,
        })
        .onConflict((oc) => oc.columns(["conference_id", "organisation_id"]).doUpdateSet(changes))
        .execute();
      await recordAudit(trx, {
        actorId: actor.id,
        action: audit.action,
        entity: "organisation",
        entityId: organisationId,
        detail: audit.detail,
        ip: actor.ip,
      });
      return { ok: true };
    });
}
