import { getDb } from "~/platform/db.server";
import type { Locale } from "~/platform/i18n";
import { translate } from "~/features/meetings/i18n";
import { forbidden, invalid, notFound, type Actor, type Db, type Result } from "~/platform/types";
import type { IcsEvent } from "~/lib/ics";
import { recordAudit } from "../../platform/audit.server";
import { publicUrl } from "../people/invitations.server";
import { blockIdsOf, counterpartRefusal, onlineOrganisationIds } from "./meetings.server";
import { partyMeetings } from "./meeting-parties.server";
import { calendarHost } from "../agenda/programme.server";
import { now as clockNow } from "~/lib/clock";
import { organisationAuthority } from "~/auth/organisation-authority.server";
import type { MissionType, OrganisationKind } from "~/auth/roles";
import { sectorLabel } from "./rules";

/**
 * The delegates' side of placed meetings: a party's availability per slot, the
 * outcome and follow-up written after a meeting, and the placed meetings as the
 * party sees them (a video link for a party taking part online, its table otherwise).
 */

/** True when every active registration of the organisation is online (it meets by video, not at a table). */
export async function isOnlineParty(conferenceId: number, organisationId: number): Promise<boolean> {
  return (await onlineOrganisationIds(conferenceId)).has(organisationId);
}

/** The organisation's placed meetings in the blocks' slots, by slot, with the counterpart. */
async function meetingsBySlot(db: Db, blockIds: number[], organisationId: number) {
  const rows = await partyMeetings(db, { organisationId, blockIds });
  return new Map(
    rows.map(
      (r) =>
        [
          r.slot_id,
          { starts_at: r.starts_at, counterpart_vi: r.counterpart_vi, counterpart_en: r.counterpart_en },
        ] as const,
    ),
  );
}

// ---------------------------------------------------------------- availability

/**
 * The organisation's availability in the conference's blocks: every slot, ticked
 * or not, and the meeting already placed there. Null when there is no block yet.
 */
export async function availabilityOf(conferenceId: number, organisationId: number) {
  const db = getDb();
  const blockIds = await blockIdsOf(db, conferenceId);
  if (blockIds.length === 0) return null;
  const [slots, party, rows, busy] = await Promise.all([
    db
      .selectFrom("meeting_slots")
      .select(["id", "starts_at", "ends_at"])
      .where("block_id", "in", blockIds)
      .orderBy("starts_at")
      .execute(),
    db
      .selectFrom("meeting_parties")
      .select("limits_availability")
      .where("conference_id", "=", conferenceId)
      .where("organisation_id", "=", organisationId)
      .executeTakeFirst(),
    db
      .selectFrom("meeting_availability as a")
      .innerJoin("meeting_slots as s", "s.id", "a.slot_id")
      .select("a.slot_id")
      .where("s.block_id", "in", blockIds)
      .where("a.organisation_id", "=", organisationId)
      .execute(),
    meetingsBySlot(db, blockIds, organisationId),
  ]);
  const limited = party?.limits_availability === 1;
  const ticked = new Set(rows.map((r) => r.slot_id));
  return {
    blockIds,
    limited,
    slots: slots.map((s) => ({ ...s, available: !limited || ticked.has(s.id), meeting: busy.get(s.id) ?? null })),
  };
}

/**
 * Sets in which of the blocks' slots the organisation is available. Every slot
 * ticked means no limit (limits_availability 0, no rows); otherwise exactly the
 * ticked slots, the rows replaced in one audited transaction. A slot
 * where the organisation already has a placed meeting cannot be left out.
 */
export async function setAvailability(
  userId: string,
  conferenceId: number,
  organisationId: number,
  slotIds: number[],
  actor: Actor,
): Promise<Result> {
  return getDb()
    .transaction()
    .execute(async (trx): Promise<Result> => {
      const refusal = await counterpartRefusal(trx, userId, conferenceId, organisationId);
      if (refusal) return { ok: false, refusal };
      const blockIds = await blockIdsOf(trx, conferenceId);
      if (blockIds.length === 0) return invalid("meetings.errors.noBlock");
      const slots = await trx.selectFrom("meeting_slots").select("id").where("block_id", "in", blockIds).execute();
      const known = new Set(slots.map((s) => s.id));
      const ticked = new Set(slotIds);
      if ([...ticked].some((id) => !known.has(id))) return invalid("meetingsDelegate.errors.unknownSlot");
      const busy = await meetingsBySlot(trx, blockIds, organisationId);
      const dropped = [...busy.entries()].filter(([slotId]) => !ticked.has(slotId));
      if (dropped.length) {
        const [slotId, first] = dropped[0];
        return invalid("meetingsDelegate.errors.slotTaken", undefined, {
          slotId,
          startsAt: first.starts_at,
          counterpartVi: first.counterpart_vi,
          counterpartEn: first.counterpart_en,
          more: dropped.length - 1,
        });
      }
      const limited = slots.some((s) => !ticked.has(s.id));
      await trx
        .deleteFrom("meeting_availability")
        .where("organisation_id", "=", organisationId)
        .where("slot_id", "in", [...known])
        .execute();
      if (limited && ticked.size) {
        await trx
          .insertInto("meeting_availability")
          .values([...ticked].map((slot_id) => ({ organisation_id: organisationId, slot_id })))
          .execute();
      }
      await trx
        .insertInto("meeting_parties")
        .values({
          conference_id: conferenceId,
          organisation_id: organisationId,
          max_meetings: null,
          limits_availability: limited ? 1 : 0,
        })
        .onConflict((oc) =>
          oc.columns(["conference_id", "organisation_id"]).doUpdateSet({ limits_availability: limited ? 1 : 0 }),
        )
        .execute();
      await recordAudit(trx, {
        actorId: actor.id,
        action: "meeting_party.availability",
        entity: "organisation",
        entityId: organisationId,
        detail: { blockIds, limited, slots: limited ? [...ticked].sort((a, b) => a - b) : "all" },
        ip: actor.ip,
      });
      return { ok: true };
    });
}

// ---------------------------------------------------------------- outcomes

/**
 * Either party's delegate records (or edits) what a meeting achieved and what
 * follows, once the meeting has started; audited. The proceedings quote these.
 */
export async function recordOutcome(
  userId: string,
  meetingId: number,
  input: { outcome: string; followUp: string },
  actor: Actor,
  now = clockNow(),
): Promise<Result> {
  return getDb()
    .transaction()
    .execute(async (trx): Promise<Result> => {
      const meeting = await trx
        .selectFrom("meetings as m")
        .innerJoin("meeting_slots as s", "s.id", "m.slot_id")
        .innerJoin("meeting_blocks as b", "b.id", "s.block_id")
        .select(["m.id", "m.outcome_recorded_at", "s.starts_at", "b.conference_id"])
        .where("m.id", "=", meetingId)
        .executeTakeFirst();
      if (!meeting) return notFound();
      const authority = await organisationAuthority(trx, userId, meeting.conference_id);
      const party = authority.ok
        ? await trx
            .selectFrom("meeting_participants")
            .select("organisation_id")
            .where("meeting_id", "=", meetingId)
            .where("organisation_id", "=", authority.organisationId)
            .executeTakeFirst()
        : undefined;
      if (!party) return forbidden("meetingsDelegate.errors.notParty");
      if (now.toISOString() < meeting.starts_at)
        return invalid("meetingsDelegate.errors.notStarted", undefined, { startsAt: meeting.starts_at });
      await trx
        .updateTable("meetings")
        .set({
          outcome: input.outcome,
          follow_up: input.followUp,
          outcome_recorded_by: userId,
          outcome_recorded_at: now.toISOString(),
        })
        .where("id", "=", meetingId)
        .execute();
      await recordAudit(trx, {
        actorId: actor.id,
        action: meeting.outcome_recorded_at ? "meeting.outcome_update" : "meeting.outcome",
        entity: "meeting",
        entityId: meetingId,
        detail: {
          organisationId: party.organisation_id,
          outcomeChars: input.outcome.length,
          followUpChars: input.followUp.length,
        },
        ip: actor.ip,
      });
      return { ok: true };
    });
}

// ---------------------------------------------------------------- placed meetings

/** Whose attendance online a notice names, by kind: a mission's own kind of post, else the organisation's kind. */
export type OnlineWording =
  "mission" | "consulate_general" | "permanent_mission" | "province" | "ministry" | "foreign" | "enterprise" | "other";

export function onlineWording(kind: OrganisationKind, missionType: MissionType | null): OnlineWording {
  if (kind === "mission")
    return missionType === "consulate_general" || missionType === "permanent_mission" ? missionType : "mission";
  return (["province", "ministry", "foreign", "enterprise"] as const).find((k) => k === kind) ?? "other";
}

/**
 * Where a meeting takes place, for one party: online (the viewer's organisation takes part
 * online: the video link) or at its table; and, for both sides, whether the counterpart attends
 * online, worded by its kind ("Đại sứ quán tham dự trực tuyến"), with the link when set.
 */
export type MeetingPlace =
  | {
      online: true;
      videoUrl: string | null;
      wording: OnlineWording;
      counterpartOnline: boolean;
      counterpartWording: OnlineWording;
    }
  | {
      online: false;
      table: { number: number; label: string; room_vi: string | null; room_en: string | null } | null;
      videoUrl: string | null;
      counterpartOnline: boolean;
      counterpartWording: OnlineWording;
    };

/**
 * The organisation's placed meetings in the conference, in time order, as its
 * delegates see them: where (`place`: the video link for a party taking part
 * online, else its table and room, and whether the counterpart joins by video),
 * whether the meeting has started, and the outcome with who recorded it.
 */
export async function placedMeetingsOf(
  conferenceId: number,
  organisationId: number,
  viewerOnline: boolean,
  now = clockNow(),
) {
  const [rows, online] = await Promise.all([
    partyMeetings(getDb(), { conferenceId, organisationId }),
    onlineOrganisationIds(conferenceId),
  ]);
  const at = now.toISOString();
  return rows.map(({ table_label, room_vi, room_en, ...m }) => {
    // The counterpart attends online when all its registrations are online, or the organisers gave the meeting a link.
    const counterpart = {
      counterpartOnline: online.has(m.counterpart_id) || (!viewerOnline && Boolean(m.video_url)),
      counterpartWording: onlineWording(m.counterpart_kind, m.counterpart_mission_type),
    };
    const place: MeetingPlace = viewerOnline
      ? {
          online: true,
          videoUrl: m.video_url,
          wording: onlineWording(m.party_kind, m.party_mission_type),
          ...counterpart,
        }
      : {
          online: false,
          table:
            m.table_number === null ? null : { number: m.table_number, label: table_label ?? "", room_vi, room_en },
          videoUrl: m.video_url,
          ...counterpart,
        };
    // The row's own link is for a party taking part online; a party at a table reads it in `place`.
    return { ...m, video_url: viewerOnline ? m.video_url : null, started: at >= m.starts_at, place };
  });
}

export type PlacedMeeting = Awaited<ReturnType<typeof placedMeetingsOf>>[number];

/** The placed meetings of the person's organisation for "My agenda" and its calendar (a live registration only). */
export async function personalPlacedMeetings(userId: string, conferenceId: number) {
  // The same rule as /meetings: only who speaks for the organisation sees its meetings.
  const authority = await organisationAuthority(getDb(), userId, conferenceId);
  if (!authority.ok) return [];
  const online = await isOnlineParty(conferenceId, authority.organisationId);
  return placedMeetingsOf(conferenceId, authority.organisationId, online);
}

/** Where a meeting takes place, in words: the video link for an online party, "Bàn 3 · Khu gặp gỡ song phương" otherwise. */
export function placeText(place: MeetingPlace, locale: Locale): string | null {
  if (place.online) return place.videoUrl ?? translate(locale, "meetingsDelegate.place.linkToFollow");
  if (!place.table) return null;
  const room = locale === "vi" ? place.table.room_vi : (place.table.room_en ?? place.table.room_vi);
  return [translate(locale, "meetingsDelegate.place.table", { number: place.table.number }), place.table.label, room]
    .filter(Boolean)
    .join(" · ");
}

/** Placed meetings as calendar events; the UIDs are those My agenda has always used (meeting-<id>@host). */
export function placedMeetingEvents(meetings: PlacedMeeting[], locale: Locale): IcsEvent[] {
  const base = publicUrl();
  const h = calendarHost();
  return meetings.map((m) => {
    const counterpart = locale === "vi" ? m.counterpart_vi : m.counterpart_en;
    const notes = [sectorLabel((key) => translate(locale, key), m.sector), m.ask];
    if (m.place.online && m.place.videoUrl)
      notes.push(`${translate(locale, "meetingsDelegate.place.video")}: ${m.place.videoUrl}`);
    if (m.place.counterpartOnline) {
      notes.push(translate(locale, `meetingsDelegate.place.onlineParty.${m.place.counterpartWording}`));
      if (!m.place.online && m.place.videoUrl)
        notes.push(`${translate(locale, "meetingsDelegate.place.video")}: ${m.place.videoUrl}`);
    }
    return {
      uid: `meeting-${m.id}@${h}`,
      startsAt: m.starts_at,
      endsAt: m.ends_at,
      summary: translate(locale, "programme.meetings.summary", { counterpart }),
      location: placeText(m.place, locale),
      description: notes.filter(Boolean).join("\n"),
      url: `${base}/my-agenda`,
      updatedAt: m.updated_at,
    };
  });
}
