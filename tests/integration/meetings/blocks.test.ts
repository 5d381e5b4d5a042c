import { beforeEach, describe, expect, it } from "vitest";
import { getDb, nowIso } from "~/platform/db.server";
import { placeMeeting } from "~/features/meetings/meetings.server";
import { buildInstance, commitSchedule, previewSchedule } from "~/features/meetings/meeting-schedule.server";
import { availabilityOf } from "~/features/meetings/meeting-outcomes.server";
import { meetingPrints } from "~/features/meetings/meeting-prints.server";
import { action as gridAction, loader as gridLoader } from "~/routes/admin.meetings._index";
import { action as settingsAction } from "~/routes/admin.meetings.settings";
import { demoConference } from "../../helpers/factories";
import { acceptedRequests, delegateOf, resetMeetings } from "../../helpers/meetings";
import { call, jsonOf, signInAs } from "../../helpers/remix";
import { hanoiLocal } from "../../helpers/dates";

const REQUESTS_CLOSE = hanoiLocal(10);

beforeEach(async () => {
  await resetMeetings();
  await getDb().deleteFrom("sessions").where("title_vi", "=", "Gặp gỡ song phương – lượt chiều").execute();
});

const blockForm = {
  intent: "create",
  slotMinutes: "20",
  gapMinutes: "10",
  tableCount: "1",
  requestsCloseAt: REQUESTS_CLOSE,
  answersCloseAt: "",
  maxRequests: "5",
  "pair.province.mission": "on",
};

/** A second meeting-block session in the afternoon of the first one's day. */
async function afternoonSession(conferenceId: number) {
  const morning = await getDb()
    .selectFrom("sessions")
    .selectAll()
    .where("conference_id", "=", conferenceId)
    .where("kind", "=", "meeting_block")
    .orderBy("starts_at")
    .executeTakeFirstOrThrow();
  const at = nowIso();
  const start = new Date(Date.parse(morning.starts_at) + 6 * 3600000).toISOString();
  const end = new Date(Date.parse(start) + 3600000).toISOString();
  const row = await getDb()
    .insertInto("sessions")
    .values({
      conference_id: conferenceId,
      kind: "meeting_block",
      title_vi: "Gặp gỡ song phương – lượt chiều",
      title_en: "Bilateral meetings – afternoon round",
      description_vi: "",
      description_en: "",
      starts_at: start,
      ends_at: end,
      stream_url: null,
      published: 1,
      room_id: morning.room_id,
      requires_signup: 0,
      capacity: null,
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { morningId: morning.id, afternoonId: row.id };
}

describe("several meeting blocks", () => {
  it("each session is cut on its own tab; settings are shared; a request meets once over all blocks; maxima count every block", async () => {
    const conference = await demoConference();
    const { morningId, afternoonId } = await afternoonSession(conference.id);
    const cookie = await signInAs("organiser");
    // Back to the tab it was cut on, without Remix's `?index`.
    const cut = await call(gridAction, {
      path: "/admin/meetings?index",
      cookie,
      form: { ...blockForm, session: String(morningId) },
    });
    expect(cut.status).toBe(302);
    expect(cut.headers.get("Location")).toBe(`/admin/meetings?session=${morningId}`);

    // The afternoon tab offers the set-up, starting from the conference's settings.
    const tab = await jsonOf<{
      sessions: Array<{ id: number; cut: boolean }>;
      session: { id: number };
      block: unknown;
      setup: { defaults: Record<string, string> };
    }>(await call(gridLoader, { path: `/admin/meetings?session=${afternoonId}`, cookie }));
    expect(tab.sessions.map((x) => [x.id, x.cut])).toEqual([
      [morningId, true],
      [afternoonId, false],
    ]);
    expect(tab.session.id).toBe(afternoonId);
    expect(tab.block).toBeNull();
    expect(tab.setup.defaults).toMatchObject({ maxRequests: "5", requestsCloseAt: REQUESTS_CLOSE });
    const made = await call(gridAction, {
      path: "/admin/meetings",
      cookie,
      form: { ...blockForm, tableCount: "2", maxRequests: "6", session: String(afternoonId) },
    });
    expect(made.status).toBe(302);
    expect(made.headers.get("Location")).toBe(`/admin/meetings?session=${afternoonId}`);
    const blocks = await getDb()
      .selectFrom("meeting_blocks")
      .select(["id", "session_id", "table_count", "max_requests_per_organisation"])
      .orderBy("id")
      .execute();
    expect(blocks.map((b) => [b.session_id, b.table_count, b.max_requests_per_organisation])).toEqual([
      [morningId, 1, 6],
      [afternoonId, 2, 6],
    ]);

    // Settings saved on one block reach the other; tables stay each block's own.
    const [morning, afternoon] = blocks;
    await call(settingsAction, {
      path: `/admin/meetings/settings?session=${afternoonId}`,
      cookie,
      form: {
        intent: "settings",
        session: String(afternoonId),
        tableCount: "3",
        requestsCloseAt: "",
        answersCloseAt: "",
        maxRequests: "4",
        "pair.province.mission": "on",
      },
    });
    const after = await getDb()
      .selectFrom("meeting_blocks")
      .select(["id", "table_count", "max_requests_per_organisation"])
      .orderBy("id")
      .execute();
    expect(after.map((b) => [b.table_count, b.max_requests_per_organisation])).toEqual([
      [1, 4],
      [3, 4],
    ]);

    // Korea meets at most twice in all: two in the morning leave none for the afternoon.
    const provinces = await Promise.all(
      ["prov-lao-cai", "prov-yen-bai", "prov-phu-tho"].map((code) => delegateOf(code)),
    );
    const korea = await delegateOf("mis-emb-kr");
    await getDb()
      .insertInto("meeting_parties")
      .values({ conference_id: conference.id, organisation_id: korea.orgId, max_meetings: 2, limits_availability: 0 })
      .execute();
    const ids = await acceptedRequests(conference.id, provinces, [korea]);
    const first = await previewSchedule(morning.id);
    expect(first.meetings).toHaveLength(2);
    expect((await commitSchedule(morning.id, first.meetings, { id: null, ip: null })).ok).toBe(true);
    const { instance } = await buildInstance(afternoon.id);
    const placedInMorning = new Set(
      (await getDb().selectFrom("meetings").select("request_id").execute()).map((m) => `req-${m.request_id}`),
    );
    expect(instance.requests.map((r) => r.id).filter((id) => placedInMorning.has(id))).toEqual([]);
    expect(instance.requests).toHaveLength(1);
    expect(instance.parties.find((p) => p.id === `org-${korea.orgId}`)?.maxMeetings).toBe(0);
    const second = await previewSchedule(afternoon.id);
    expect(second.meetings).toHaveLength(0);
    expect(second.reasons[second.unscheduled[0].request]).toMatchObject({ kind: "at-maximum", max: 0 });

    // A meeting moves to the afternoon at one of its tables, not at a morning table.
    const afternoonSlot = await getDb()
      .selectFrom("meeting_slots")
      .select("id")
      .where("block_id", "=", afternoon.id)
      .orderBy("starts_at")
      .executeTakeFirstOrThrow();
    const tables = await getDb().selectFrom("meeting_tables").select(["id", "block_id"]).orderBy("id").execute();
    const moving = (await getDb().selectFrom("meetings").select("request_id").orderBy("id").executeTakeFirstOrThrow())
      .request_id;
    expect(
      await placeMeeting(
        moving,
        afternoonSlot.id,
        tables.find((t) => t.block_id === morning.id)!.id,
        { locked: false },
        { id: null, ip: null },
      ),
    ).toEqual({ ok: false, refusal: { kind: "conflict", key: "meetings.errors.unknownSlotOrTable", field: "slotId" } });
    expect(
      (
        await placeMeeting(
          moving,
          afternoonSlot.id,
          tables.find((t) => t.block_id === afternoon.id)!.id,
          { locked: false },
          { id: null, ip: null },
        )
      ).ok,
    ).toBe(true);
    expect(ids).toContain(moving);

    // Availability and prints cover every block.
    const availability = await availabilityOf(conference.id, korea.orgId);
    expect(availability?.blockIds).toEqual([morning.id, afternoon.id]);
    const slotCount = await getDb().selectFrom("meeting_slots").select("id").execute();
    expect(availability?.slots).toHaveLength(slotCount.length);
    const prints = await meetingPrints(conference.id);
    expect(prints.ok && prints.meetings.map((m) => m.slot_id)).toContain(afternoonSlot.id);
    expect(prints.ok && prints.meetings).toHaveLength(2);
  });
});
