import { describe, expect, it } from "vitest";
import { getDb } from "~/platform/db.server";
import { loadAgreementsSignedData } from "~/features/proceedings/book/sections/agreements-signed.server";
import { loadCatalogueData } from "~/features/proceedings/book/sections/catalogue.server";
import { loadFiguresData } from "~/features/proceedings/book/sections/figures.server";
import { loadMeetingsData } from "~/features/proceedings/book/sections/meetings.server";
import {
  agreement,
  exhibition,
  joinOnline,
  meetingBlock,
  meetingRequest,
  organisations,
  placeMeeting,
  register,
  sectionsConference,
} from "./sections-world";

describe("the figures loader", () => {
  it("counts approved delegates only, by kind and mode, with check-ins and online joins", async () => {
    const { conferenceId, sessionId } = await sectionsConference();
    const [province, ministry, mission] = await Promise.all([
      organisations.province(),
      organisations.ministry(),
      organisations.mission(),
    ]);
    const present = await register(conferenceId, province.id, { checkedIn: true });
    await register(conferenceId, province.id, { checkedIn: true });
    await register(conferenceId, province.id);
    const online = await register(conferenceId, ministry.id, { mode: "online" });
    await register(conferenceId, ministry.id, { mode: "online" });
    await register(conferenceId, mission.id);
    // Not counted: pending, rejected, waitlisted (even checked in or joined).
    const pending = await register(conferenceId, province.id, { status: "pending", checkedIn: true });
    await register(conferenceId, ministry.id, { status: "rejected" });
    await register(conferenceId, mission.id, { status: "waitlisted" });
    await joinOnline(online, sessionId);
    await joinOnline(present, sessionId); // an in-person delegate who also watched online
    await joinOnline(pending, sessionId);
    await joinOnline(await register(conferenceId, ministry.id, { mode: "online" }), sessionId, false); // link never opened

    const figures = await loadFiguresData(getDb(), conferenceId, "2026-12-20");
    expect(figures.delegates.total).toBe(7);
    expect(figures.delegates.byKind).toMatchObject({ province: 3, ministry: 3, mission: 1, foreign: 0 });
    expect(figures.delegates.byMode).toEqual({ in_person: 4, online: 3 });
    expect(figures.attendance).toEqual({
      inPersonExpected: 4,
      present: 2,
      onlineExpected: 3,
      onlineJoined: 1,
      joinedOnline: 2,
    });
    expect(figures.topSessions).toEqual([{ titleVi: "Phiên toàn thể", titleEn: "Plenary", joined: 2 }]);
  });

  it("counts meetings requested, accepted, scheduled and held, the exhibition and the agreements", async () => {
    const { conferenceId, sessionId } = await sectionsConference();
    const [a, b, c, japan, korea] = await Promise.all([
      organisations.province(),
      organisations.province(1),
      organisations.province(2),
      organisations.mission(),
      organisations.mission(1),
    ]);
    const { slotIds, tableId } = await meetingBlock(conferenceId, sessionId, [
      "2026-12-14T02:00:00.000Z",
      "2026-12-14T02:30:00.000Z",
    ]);
    const held = await meetingRequest(conferenceId, a.id, japan.id, "accepted");
    const notYet = await meetingRequest(conferenceId, b.id, japan.id, "accepted");
    await meetingRequest(conferenceId, a.id, korea.id, "accepted"); // accepted, never placed
    await meetingRequest(conferenceId, b.id, korea.id, "pending");
    await meetingRequest(conferenceId, c.id, korea.id, "declined");
    await meetingRequest(conferenceId, c.id, japan.id, "withdrawn");
    await placeMeeting(held, slotIds[0], tableId, [a.id, japan.id], { outcome: "Ký bản ghi nhớ", followUp: "" });
    await placeMeeting(notYet, slotIds[1], tableId, [b.id, japan.id], null);
    await exhibition(
      conferenceId,
      [
        { name: "HTX Chè Tân Cương", status: "approved", booth: true },
        { name: "Công ty Gốm Bát Tràng", status: "approved", booth: false },
        { name: "Công ty nháp", status: "submitted", booth: false },
        { name: "Công ty bị từ chối", status: "rejected", booth: false },
      ],
      5,
    );
    await agreement(conferenceId, a.id, { title: "Bản ghi nhớ 1", state: "signed" });
    await agreement(conferenceId, a.id, { title: "Bản ghi nhớ 2", state: "reported" });
    await agreement(conferenceId, b.id, { title: "Dự thảo", state: "drafted", signedOn: null });

    const figures = await loadFiguresData(getDb(), conferenceId, "2026-12-20");
    expect(figures.meetings).toEqual({ requested: 6, accepted: 3, scheduled: 2, held: 1 });
    expect(figures.exhibition).toEqual({ exhibitors: 2, boothsAllocated: 1, boothsTotal: 5 });
    expect(figures.agreements.total).toBe(3);
    expect(figures.agreements.signed).toBe(2);
    expect(figures.agreements.byState).toMatchObject({ signed: 1, reported: 1, drafted: 1, in_force: 0 });
    expect(figures.delegates.total).toBe(0);
  });
});

describe("the meetings held loader", () => {
  it("returns only placed meetings with a recorded outcome, in time order, with parties, table and sector", async () => {
    const { conferenceId, sessionId } = await sectionsConference();
    const [a, b, japan] = await Promise.all([
      organisations.province(),
      organisations.province(1),
      organisations.mission(),
    ]);
    const { slotIds, tableId } = await meetingBlock(conferenceId, sessionId, [
      "2026-12-14T02:30:00.000Z",
      "2026-12-14T02:00:00.000Z",
      "2026-12-14T03:00:00.000Z",
    ]);
    const late = await meetingRequest(conferenceId, a.id, japan.id, "accepted", "trade");
    const early = await meetingRequest(conferenceId, b.id, japan.id, "accepted");
    const skipped = await meetingRequest(conferenceId, a.id, b.id, "accepted");
    await placeMeeting(late, slotIds[0], tableId, [a.id, japan.id], { outcome: "Thống nhất", followUp: "Gửi thư" });
    await placeMeeting(early, slotIds[1], null, [b.id, japan.id], { outcome: "", followUp: "Hẹn gặp lại" });
    await placeMeeting(skipped, slotIds[2], tableId, [a.id, b.id], null);

    const meetings = await loadMeetingsData(getDb(), conferenceId);
    expect(meetings.map((m) => m.sector)).toEqual(["investment", "trade"]);
    const [first, second] = meetings;
    expect(first).toMatchObject({ online: true, table: null, outcome: "", followUp: "Hẹn gặp lại" });
    expect(first.from).toMatchObject({ nameVi: b.name_vi, kind: "province" });
    expect(first.to).toMatchObject({ nameVi: japan.name_vi, kind: "mission", countryCode: japan.country_code });
    expect(second).toMatchObject({ online: false, table: { number: 1 }, outcome: "Thống nhất", followUp: "Gửi thư" });
    expect(await loadMeetingsData(getDb(), (await sectionsConference()).conferenceId)).toEqual([]);
  });
});

describe("the catalogue and agreements loaders", () => {
  it("lists approved exhibitors only, with their booths", async () => {
    const { conferenceId } = await sectionsConference();
    await exhibition(
      conferenceId,
      [
        { name: "HTX Chè Tân Cương", status: "approved", booth: true },
        { name: "Công ty nháp", status: "submitted", booth: false },
      ],
      2,
    );
    const { exhibitors } = await loadCatalogueData(getDb(), conferenceId);
    expect(exhibitors.map((e) => [e.name_vi, e.booths, e.zone])).toEqual([["HTX Chè Tân Cương", ["A1"], "ocop"]]);
  });

  it("lists agreements signed or later, by Vietnamese party, with the mission that helped", async () => {
    const { conferenceId } = await sectionsConference();
    const [a, b, mission] = await Promise.all([
      organisations.province(),
      organisations.province(1),
      organisations.mission(),
    ]);
    await agreement(conferenceId, a.id, { title: "Đã ký", state: "signed", missionId: mission.id });
    await agreement(conferenceId, b.id, { title: "Có hiệu lực", state: "in_force", countryCode: "JP" });
    await agreement(conferenceId, a.id, { title: "Đang xin ý kiến", state: "sent_for_opinion", signedOn: null });
    const rows = await loadAgreementsSignedData(getDb(), conferenceId);
    expect(rows.map((r) => r.title).sort()).toEqual(["Có hiệu lực", "Đã ký"]);
    expect(rows.find((r) => r.title === "Đã ký")).toMatchObject({ missionVi: mission.name_vi, partyVi: a.name_vi });
    const collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });
    expect(rows.map((r) => r.partyVi)).toEqual([...rows.map((r) => r.partyVi)].sort(collator.compare));
  });
});
