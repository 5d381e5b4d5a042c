import { beforeEach, describe, expect, it } from "vitest";
import { getDb, nowIso } from "~/platform/db.server";
import { openJoinLink } from "~/features/registration/join-links.server";
import { signUp } from "~/features/agenda/agenda.server";
import {
  cancelOwnRegistration,
  createRegistration,
  decideRegistrations,
  switchOwnMode,
} from "~/features/registration/registrations.server";
import {
  demoConference,
  organisationId,
  registerVisitor,
  registrationInput,
  resetRegistrations,
} from "../../helpers/factories";

beforeEach(resetRegistrations);

async function approvedDelegate(mode: "in_person" | "online") {
  const conference = await demoConference();
  const r = await registerVisitor({ organisationId: await organisationId("prov-nghe-an"), mode });
  await decideRegistrations(conference.id, [r.registrationId], "approved", { id: null, ip: null });
  const row = await getDb()
    .selectFrom("registrations")
    .select(["id", "user_id"])
    .where("id", "=", r.registrationId)
    .executeTakeFirstOrThrow();
  return { conference, registrationId: row.id, userId: row.user_id! };
}

const discussion = () =>
  getDb()
    .selectFrom("sessions")
    .select(["id", "starts_at"])
    .where("requires_signup", "=", 1)
    .orderBy("id")
    .executeTakeFirstOrThrow();
const signups = (registrationId: number) =>
  getDb()
    .selectFrom("session_signups")
    .select(["session_id", "mode"])
    .where("registration_id", "=", registrationId)
    .execute();

describe("session sign-ups follow the registration", () => {
  it("frees the in-person place when the delegate switches online, and takes it back when a place is free", async () => {
    const d = await approvedDelegate("in_person");
    const session = await discussion();
    expect(await signUp(d.userId, d.conference.id, session.id, null)).toEqual({ ok: true });
    await switchOwnMode(d.userId, d.conference.id, "online", null);
    expect(await signups(d.registrationId)).toEqual([{ session_id: session.id, mode: "online" }]);
    await switchOwnMode(d.userId, d.conference.id, "in_person", null);
    expect(await signups(d.registrationId)).toEqual([{ session_id: session.id, mode: "in_person" }]);
  });

  it("drops the sign-ups of a cancelled registration, so its places go to others", async () => {
    const d = await approvedDelegate("in_person");
    const session = await discussion();
    await signUp(d.userId, d.conference.id, session.id, null);
    await cancelOwnRegistration(d.userId, d.conference.id, null);
    expect(await signups(d.registrationId)).toEqual([]);
  });

  it("sends an online delegate to the room's stream when the session has none of its own", async () => {
    const d = await approvedDelegate("online");
    const session = await discussion();
    await getDb().updateTable("sessions").set({ stream_url: null }).where("id", "=", session.id).execute();
    const token = "T".repeat(32);
    await getDb()
      .insertInto("join_links")
      .values({
        token,
        registration_id: d.registrationId,
        session_id: session.id,
        created_at: nowIso(),
        first_joined_at: null,
        last_joined_at: null,
      })
      .execute();
    const outcome = await openJoinLink(token, null, new Date(new Date(session.starts_at).getTime() + 60000));
    expect(outcome).toEqual({ state: "redirect", url: "https://truyenhinh.ngoaivu.test/phong-1" });
  });
});

describe("join links on the programme", () => {
  it("shows an approved online delegate a personal link on each session, and an in-person delegate none", async () => {
    const { call, jsonOf, signInAs } = await import("../../helpers/remix");
    const programme = await import("~/routes/programme");
    await getDb().deleteFrom("registrations").execute();
    const conference = await demoConference();
    // Put back the seeded online ambassador and in-person delegate, approved.
    for (const [email, mode] of [
      ["dai-su.nhatban@ngoaivu.test", "online"],
      ["dai-bieu.bacgiang@ngoaivu.test", "in_person"],
    ] as const) {
      const user = await getDb()
        .selectFrom("users")
        .select(["organisation_id", "full_name"])
        .where("email", "=", email)
        .executeTakeFirstOrThrow();
      const input = registrationInput({ organisationId: user.organisation_id!, mode, email, fullName: user.full_name });
      await getDb()
        .transaction()
        .execute((trx) =>
          createRegistration(trx, input, {
            conferenceId: conference.id,
            userId: null,
            attachExistingAccount: true,
            approve: true,
            actor: { id: null, ip: null },
          }),
        );
    }
    type Data = { sessions: Array<{ id: number; kind: string }>; viewer: { joinTokens: Record<string, string> } };
    const online = await jsonOf<Data>(
      await call(programme.loader, { path: "/programme", cookie: await signInAs("ambassador") }),
    );
    const nonBreak = online.sessions.filter((s) => s.kind !== "break");
    expect(nonBreak.length).toBeGreaterThan(0);
    for (const s of nonBreak) expect(online.viewer.joinTokens[s.id]).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const inPerson = await jsonOf<Data>(
      await call(programme.loader, { path: "/programme", cookie: await signInAs("delegate") }),
    );
    expect(inPerson.viewer.joinTokens).toEqual({});
  });
});
