import type { Locale } from "~/platform/i18n";
import { sectorLabel } from "./rules";
import { translate } from "~/features/meetings/i18n";
import type { Db } from "~/platform/types";
import { formatRange } from "~/lib/time";
import { publicUrl } from "../people/invitations.server";
import { queueEmail } from "../../platform/outbox.server";
import { byParty, partyMeetings } from "./meeting-parties.server";
import { HEADED_KINDS } from "~/auth/organisation-authority.server";
import { nowIso } from "~/platform/db.server";
import { nowMs } from "~/lib/clock";

/**
 * The bilateral meetings' e-mails, written to the outbox in the caller's
 * transaction (a rollback sends nothing), Vietnamese first then English:
 * a request to the party asked, the answer to the requester, the schedule to
 * every party placed, and a moved meeting to both parties.
 */

type Text = { key: string; params: Record<string, string | number> };

/**
 * Who reads an organisation's meeting mail: whoever speaks for it (decision 011) — the designated
 * head of a mission or foreign partner, else its delegates whose registration for it in this
 * conference is approved. A pending registrant naming the organisation reads none of it.
 */
async function recipientsOf(db: Db, conferenceId: number, organisationId: number) {
  const org = await db.selectFrom("organisations").select("kind").where("id", "=", organisationId).executeTakeFirst();
  if (!org) return [];
  if (HEADED_KINDS.includes(org.kind)) {
    return db
      .selectFrom("users")
      .select(["email", "full_name"])
      .where("organisation_id", "=", organisationId)
      .where("heads_organisation", "=", 1)
      .where("disabled_at", "is", null)
      .execute();
  }
  return db
    .selectFrom("registrations as r")
    .innerJoin("users as u", "u.id", "r.user_id")
    .select(["u.email", "u.full_name"])
    .where("r.conference_id", "=", conferenceId)
    .where("r.organisation_id", "=", organisationId)
    .where("r.status", "=", "approved")
    .where("u.disabled_at", "is", null)
    .execute();
}

/**
 * A recipient gets at most this many e-mails a minute caused by other parties (requests,
 * answers, withdrawals); the rest wait in one grouped message. The organisers' schedule and
 * moves are never held back.
 */
export const MEETING_MAILS_PER_MINUTE = 3;
const GROUPED_KINDS = ["meeting.request", "meeting.accepted", "meeting.declined", "meeting.withdrawn"];

async function send(
  db: Db,
  to: Array<{ email: string; full_name: string }>,
  kind: string,
  subject: (l: Locale) => Text,
  body: (l: Locale) => Text,
) {
  for (const person of to) {
    const part = (l: Locale) => ({
      subject: translate(l, subject(l).key, subject(l).params),
      body: translate(l, body(l).key, { ...body(l).params, name: person.full_name, link: `${publicUrl()}/meetings` }),
    });
    const vi = part("vi");
    const en = part("en");
    const message = {
      to: person.email,
      subject: `${vi.subject} / ${en.subject}`,
      body: `${vi.body}\n\n---\n\n${en.body}`,
      kind,
    };
    if (GROUPED_KINDS.includes(kind) && (await overMeetingMailRate(db, person.email))) await addToDigest(db, message);
    else await queueEmail(db, message);
  }
  return to.length;
}

async function overMeetingMailRate(db: Db, email: string): Promise<boolean> {
  const since = new Date(nowMs() - 60_000).toISOString();
  const [{ n }] = await db
    .selectFrom("outbox")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("to_email", "=", email)
    .where("kind", "in", GROUPED_KINDS)
    .where("created_at", ">", since)
    .execute();
  return Number(n) >= MEETING_MAILS_PER_MINUTE;
}

const DIGEST_KIND = "meeting.digest";

/** Appends the message to the recipient's grouped message, sent a minute after it was started. */
async function addToDigest(db: Db, message: { to: string; subject: string; body: string }) {
  const section = `${message.subject}\n\n${message.body}`;
  const open = await db
    .selectFrom("outbox")
    .select(["id", "body_text"])
    .where("to_email", "=", message.to)
    .where("kind", "=", DIGEST_KIND)
    .where("sent_at", "is", null)
    .where("not_before", ">", nowIso())
    .executeTakeFirst();
  if (open) {
    await db
      .updateTable("outbox")
      .set({ body_text: `${open.body_text}\n\n=====\n\n${section}` })
      .where("id", "=", open.id)
      .execute();
    return;
  }
  const subject = `${translate("vi", "meetingsMail.digest.subject")} / ${translate("en", "meetingsMail.digest.subject")}`;
  await queueEmail(db, {
    to: message.to,
    subject,
    body: section,
    kind: DIGEST_KIND,
    notBefore: new Date(nowMs() + 60_000).toISOString(),
  });
}

async function requestWithNames(db: Db, requestId: number) {
  return db
    .selectFrom("meeting_requests as r")
    .innerJoin("organisations as a", "a.id", "r.from_organisation_id")
    .innerJoin("organisations as b", "b.id", "r.to_organisation_id")
    .select([
      "r.id",
      "r.conference_id",
      "r.sector",
      "r.ask",
      "r.priority",
      "r.status",
      "r.decline_reason",
      "r.requested_by",
      "r.from_organisation_id",
      "r.to_organisation_id",
      "a.name_vi as a_vi",
      "a.name_en as a_en",
      "b.name_vi as b_vi",
      "b.name_en as b_en",
    ])
    .where("r.id", "=", requestId)
    .executeTakeFirstOrThrow();
}

const pick = (l: Locale, vi: string, en: string) => (l === "en" ? en : vi);
const sectorIn = (l: Locale, sector: string) => sectorLabel((key) => translate(l, key), sector);

/** The party asked learns of a new request. */
export async function mailRequestReceived(db: Db, requestId: number) {
  const r = await requestWithNames(db, requestId);
  return send(
    db,
    await recipientsOf(db, r.conference_id, r.to_organisation_id),
    "meeting.request",
    (l) => ({ key: "meetingsMail.request.subject", params: { from: pick(l, r.a_vi, r.a_en) } }),
    (l) => ({
      key: "meetingsMail.request.body",
      params: { from: pick(l, r.a_vi, r.a_en), sector: sectorIn(l, r.sector), ask: r.ask, priority: r.priority },
    }),
  );
}

/** The requester learns the answer (and the reason of a refusal). */
export async function mailRequestAnswered(db: Db, requestId: number) {
  const r = await requestWithNames(db, requestId);
  const requester = r.requested_by
    ? await db
        .selectFrom("users")
        .select(["email", "full_name"])
        .where("id", "=", r.requested_by)
        .where("disabled_at", "is", null)
        .executeTakeFirst()
    : undefined;
  const accepted = r.status === "accepted";
  return send(
    db,
    requester ? [requester] : await recipientsOf(db, r.conference_id, r.from_organisation_id),
    accepted ? "meeting.accepted" : "meeting.declined",
    (l) => ({
      key: accepted ? "meetingsMail.accepted.subject" : "meetingsMail.declined.subject",
      params: { to: pick(l, r.b_vi, r.b_en) },
    }),
    (l) => ({
      key: accepted ? "meetingsMail.accepted.body" : "meetingsMail.declined.body",
      params: { to: pick(l, r.b_vi, r.b_en), sector: sectorIn(l, r.sector), reason: r.decline_reason },
    }),
  );
}

/** The party asked learns that the requester withdrew (its meeting, if placed, is gone). */
export async function mailRequestWithdrawn(db: Db, requestId: number) {
  const r = await requestWithNames(db, requestId);
  return send(
    db,
    await recipientsOf(db, r.conference_id, r.to_organisation_id),
    "meeting.withdrawn",
    (l) => ({ key: "meetingsMail.withdrawn.subject", params: { from: pick(l, r.a_vi, r.a_en) } }),
    (l) => ({
      key: "meetingsMail.withdrawn.body",
      params: { from: pick(l, r.a_vi, r.a_en), sector: sectorIn(l, r.sector) },
    }),
  );
}

/** After a committed schedule, every party placed in the block gets its list of meetings. */
export async function mailSchedule(db: Db, blockId: number, zone: string) {
  let sent = 0;
  const { conference_id: conferenceId } = await db
    .selectFrom("meeting_blocks")
    .select("conference_id")
    .where("id", "=", blockId)
    .executeTakeFirstOrThrow();
  for (const [party, meetings] of byParty(await partyMeetings(db, { blockIds: [blockId] }))) {
    const lines = (l: Locale) =>
      meetings
        .map(
          (m) =>
            `- ${formatRange(m.starts_at, m.ends_at, zone, l, true)} · ${pick(l, m.counterpart_vi, m.counterpart_en)}${m.table_number === null ? "" : ` · ${translate(l, "meetingsMail.table", { number: m.table_number })}`}`,
        )
        .join("\n");
    sent += await send(
      db,
      await recipientsOf(db, conferenceId, party),
      "meeting.schedule",
      () => ({ key: "meetingsMail.schedule.subject", params: {} }),
      (l) => ({ key: "meetingsMail.schedule.body", params: { meetings: lines(l) } }),
    );
  }
  return sent;
}

/** Both parties learn that a meeting moved to another slot. */
export async function mailMeetingMoved(db: Db, meetingId: number, zone: string) {
  const m = await db
    .selectFrom("meetings as m")
    .innerJoin("meeting_slots as s", "s.id", "m.slot_id")
    .leftJoin("meeting_tables as t", "t.id", "m.table_id")
    .select(["m.request_id", "s.starts_at", "s.ends_at", "t.number"])
    .where("m.id", "=", meetingId)
    .executeTakeFirstOrThrow();
  const r = await requestWithNames(db, m.request_id);
  let sent = 0;
  for (const [party, other] of [
    [r.from_organisation_id, { vi: r.b_vi, en: r.b_en }],
    [r.to_organisation_id, { vi: r.a_vi, en: r.a_en }],
  ] as const) {
    sent += await send(
      db,
      await recipientsOf(db, r.conference_id, party),
      "meeting.moved",
      (l) => ({ key: "meetingsMail.moved.subject", params: { with: pick(l, other.vi, other.en) } }),
      (l) => ({
        key: "meetingsMail.moved.body",
        params: {
          with: pick(l, other.vi, other.en),
          time: formatRange(m.starts_at, m.ends_at, zone, l, true),
          table: m.number ?? "—",
        },
      }),
    );
  }
  return sent;
}
