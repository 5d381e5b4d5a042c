import { beforeEach, describe, expect, it } from "vitest";
import { listAudit } from "~/platform/audit.server";
import { auditSentence } from "~/platform/audit-sentences";
import { getDb } from "~/platform/db.server";
import { agreementScope } from "~/features/proceedings/agreements/access.server";
import { createAgreement, moveAgreement } from "~/features/proceedings/agreements/agreements.server";
import { agreementCounts, signedAgreements } from "~/features/proceedings/agreements/figures.server";
import * as dashboard from "~/routes/admin.dashboard";
import { demoConference, organisationId } from "../../helpers/factories";
import { delegateOf } from "../../helpers/meetings";
import { call, jsonOf, signInAs } from "../../helpers/remix";
import { acceptedRequest, resetAgreements, storedAgreement } from "./agreement-helpers";

const TODAY = "2026-12-01";
const SIGNED = { sent_for_opinion_on: "2026-10-01", opinion_received_on: "2026-10-06" };

beforeEach(resetAgreements);

describe("agreementCounts", () => {
  it("counts by state, region, country, field and kind, with the late ones and the signed", async () => {
    const conference = await demoConference();
    await storedAgreement("prov-bac-giang", { state: "sent_for_opinion", sent_for_opinion_on: "2026-11-02" });
    await storedAgreement("prov-bac-giang", {
      ...SIGNED,
      state: "signed",
      signed_on: "2026-10-20",
      country_code: "JP",
    });
    await storedAgreement("prov-cao-bang", {
      ...SIGNED,
      state: "reported",
      signed_on: "2026-10-20",
      reported_on: "2026-11-06",
      country_code: "JP",
      field: "trade",
      kind: "memorandum",
    });
    await storedAgreement("min-cong-thuong", { country_code: "LA" });
    const counts = await agreementCounts(getDb(), conference.id, TODAY);
    expect(counts.total).toBe(4);
    expect(counts.byState).toMatchObject({ drafted: 1, sent_for_opinion: 1, signed: 1, reported: 1, ended: 0 });
    expect(counts.signed).toBe(2);
    // The first's opinion was due 11 Nov; the signed one's report was due 4 Nov; the reported one was late too.
    expect(counts.late).toEqual({ opinion: 1, report: 2 });
    expect(counts.byCountry).toEqual([
      { countryCode: "JP", count: 2 },
      { countryCode: "KR", count: 1 },
      { countryCode: "LA", count: 1 },
    ]);
    expect(counts.byRegion).toEqual([
      { region: "northern_midlands_mountains", count: 3 },
      { region: null, count: 1 },
    ]);
    expect(counts.byField).toMatchObject({ investment: 3, trade: 1, health: 0 });
    expect(counts.byKind).toEqual({ agreement: 3, memorandum: 1, letter_of_intent: 0 });
  });

  it("is all zeros for a conference without agreements", async () => {
    const counts = await agreementCounts(getDb(), (await demoConference()).id, TODAY);
    expect(counts.total).toBe(0);
    expect(counts.byRegion).toEqual([]);
    expect(counts.late).toEqual({ opinion: 0, report: 0 });
  });
});

describe("signedAgreements", () => {
  it("lists the signed or later, by party in Vietnamese order then date, with mission and meeting", async () => {
    const conference = await demoConference();
    const request = await acceptedRequest("prov-dak-lak", "mis-emb-kr");
    await storedAgreement("prov-dak-lak", {
      ...SIGNED,
      state: "signed",
      signed_on: "2026-10-25",
      meeting_request_id: request,
    });
    await storedAgreement("prov-dak-lak", {
      ...SIGNED,
      state: "in_force",
      signed_on: "2026-10-20",
      in_force_on: "2026-10-21",
    });
    await storedAgreement("prov-da-nang", {
      ...SIGNED,
      state: "signed",
      signed_on: "2026-10-22",
      signed_place: "Đà Nẵng",
      mission_id: await organisationId("mis-emb-kr"),
    });
    await storedAgreement("prov-bac-giang", { state: "opinion_received", ...SIGNED });
    const rows = await signedAgreements(getDb(), conference.id);
    // "Đà Nẵng" (D with stroke) comes after every "D…" in Vietnamese, "Đắk Lắk" after "Đà Nẵng".
    const names = rows.map((r) => `${r.partyVi} ${r.signedOn}`);
    expect(names).toEqual([
      expect.stringMatching(/Đà Nẵng.* 2026-10-22$/),
      expect.stringMatching(/Đắk Lắk.* 2026-10-20$/),
      expect.stringMatching(/Đắk Lắk.* 2026-10-25$/),
    ]);
    expect(rows[0]).toMatchObject({
      signedPlace: "Đà Nẵng",
      missionVi: expect.stringContaining("Hàn Quốc"),
      meeting: null,
    });
    expect(rows[2].meeting).toMatchObject({
      fromVi: expect.stringContaining("Đắk Lắk"),
      toVi: expect.stringContaining("Hàn Quốc"),
    });
  });
});

describe("the model", () => {
  it("records and moves through the procedure with audit entries", async () => {
    const conference = await demoConference();
    const { userId } = await delegateOf("prov-bac-giang");
    const access = await agreementScope(getDb(), { id: userId, role: "delegate" }, conference.id);
    if (!access.ok) throw new Error(access.refusal.key);
    const actor = { id: userId, ip: "127.0.0.1" };
    const created = await createAgreement(getDb(), access.scope, actor, {
      organisationId: null,
      title: "Thư ý định hợp tác giáo dục",
      foreignParty: "Đại học Kyoto",
      countryCode: "JP",
      field: "education",
      kind: "letter_of_intent",
      signedPlace: "",
      missionId: null,
      meetingRequestId: null,
      summary: "",
    });
    if (!created.ok) throw new Error(created.refusal.key);
    const dates = {
      sent_for_opinion_on: null,
      opinion_received_on: null,
      signed_on: null,
      reported_on: null,
      in_force_on: null,
      ended_on: null,
    };
    const move = (target: "sent_for_opinion" | "signed", set: Record<string, string>) =>
      moveAgreement(getDb(), access.scope, actor, created.id, { ...dates, target, ...set }, TODAY);
    expect(await move("signed", { sent_for_opinion_on: "2026-11-02", signed_on: "2026-11-03" })).toMatchObject({
      ok: false,
      refusal: { kind: "invalid", field: "opinion_received_on" },
    });
    expect(await move("sent_for_opinion", { sent_for_opinion_on: "2026-11-02" })).toEqual({
      ok: true,
      state: "sent_for_opinion",
    });
    const entries = await getDb()
      .selectFrom("audit_log")
      .select(["action", "detail"])
      .where("entity", "=", "agreement")
      .where("entity_id", "=", String(created.id))
      .orderBy("id")
      .execute();
    expect(entries.map((e) => e.action)).toEqual(["agreement.create", "agreement.advance"]);
    expect(JSON.parse(entries[1].detail!)).toMatchObject({ from: "drafted", to: "sent_for_opinion" });
    // The log reads it as a sentence naming the agreement by its title.
    const logged = (await listAudit({ actions: ["agreement.advance"] })).rows[0];
    const sentence = auditSentence(
      {
        action: logged.action,
        detail: logged.detail,
        actorName: logged.actor_name,
        target: logged.target?.vi ?? null,
        entityId: logged.entity_id,
      },
      "vi",
    );
    expect(sentence).toBe("Đại biểu prov-bac-giang chuyển bước thỏa thuận quốc tế Thư ý định hợp tác giáo dục");
  });
});

describe("the dashboard's panel", () => {
  it("gives staff the counts and the panel's words", async () => {
    await storedAgreement("prov-bac-giang", { state: "sent_for_opinion", sent_for_opinion_on: "2026-01-05" });
    const organiser = await signInAs("organiser");
    const body = await jsonOf<{
      agreements: { total: number; late: { opinion: number } } | null;
      messages: Record<string, string>;
    }>(await call(dashboard.loader, { path: "/admin/dashboard", cookie: organiser }));
    expect(body.agreements).toMatchObject({ total: 1, late: { opinion: 1 } });
    expect(body.messages["proceedings.agreements.dashboard.title"]).toBe("Thỏa thuận quốc tế");
  });
});
