import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "~/platform/db.server";
import * as detail from "~/routes/agreements.$id";
import * as list from "~/routes/agreements._index";
import * as csv from "~/routes/agreements[.]csv";
import * as create from "~/routes/agreements.new";
import { organisationId } from "../../helpers/factories";
import { cookieFor, delegateOf } from "../../helpers/meetings";
import { call, jsonOf, signInAs } from "../../helpers/remix";
import { acceptedRequest, agreementForm, resetAgreements, storedAgreement } from "./agreement-helpers";

type ListPage = {
  noAuthority: string | null;
  staff: boolean;
  mayRecord: boolean;
  page: { rows: Array<{ id: number; title: string; opinionLate: boolean; reportLate: boolean }>; total: number };
  byState: Record<string, number>;
  late: { opinion: number; report: number; any: number };
};
type Feedback = { errors: Record<string, string> };

const listOf = async (cookie: string, path = "/agreements") => {
  const response = await call(list.loader, { path, cookie });
  return { status: response.status, body: await jsonOf<ListPage>(response) };
};
const post = (cookie: string, id: number, form: Record<string, string>) =>
  call(detail.action, { path: `/agreements/${id}`, cookie, params: { id: String(id) }, form });
const idFromLocation = (response: Response) => Number(response.headers.get("Location")!.split("/").pop());
const audit = (action: string) =>
  getDb().selectFrom("audit_log").selectAll().where("action", "=", action).orderBy("id", "desc").execute();

let bacGiang = "";
let caoBang = "";
beforeEach(async () => {
  await resetAgreements();
  bacGiang = await signInAs("delegate");
  caoBang = await cookieFor((await delegateOf("prov-cao-bang")).userId);
});

describe("a province delegate", () => {
  it("records an agreement for their province, whatever organisation they post, and moves it on", async () => {
    const created = await call(create.action, {
      path: "/agreements/new",
      cookie: bacGiang,
      form: agreementForm({ organisationId: String(await organisationId("prov-cao-bang")) }),
    });
    expect(created.status).toBe(302);
    const id = idFromLocation(created);
    const row = await getDb().selectFrom("agreements").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.organisation_id).toBe(await organisationId("prov-bac-giang"));
    expect(row.state).toBe("drafted");
    expect((await audit("agreement.create"))[0].entity_id).toBe(String(id));

    const moved = await post(bacGiang, id, {
      intent: "move",
      target: "sent_for_opinion",
      sent_for_opinion_on: "2026-11-02",
    });
    expect(moved.status).toBe(302);
    const after = await getDb().selectFrom("agreements").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(after).toMatchObject({ state: "sent_for_opinion", sent_for_opinion_on: "2026-11-02" });
    expect(await audit("agreement.advance")).toHaveLength(1);

    const { body } = await listOf(bacGiang);
    expect(body.mayRecord).toBe(true);
    expect(body.staff).toBe(false);
    expect(body.page.rows.map((r) => r.id)).toEqual([id]);
  });

  it("sees a field's message, not a 500, for a bad form, and keeps what was typed", async () => {
    const response = await call(create.action, {
      path: "/agreements/new",
      cookie: bacGiang,
      form: agreementForm({ countryCode: "", title: "Tên vẫn còn" }),
    });
    expect(response.status).toBe(400);
    const body = await jsonOf<Feedback & { values: Record<string, string> }>(response);
    expect(body.errors.countryCode).toBe("errors.required");
    expect(body.values.title).toBe("Tên vẫn còn");
  });

  it("cannot see or change another province's agreement, even by its id", async () => {
    const other = await storedAgreement("prov-cao-bang");
    const mine = await storedAgreement("prov-bac-giang");
    expect((await listOf(bacGiang)).body.page.rows.map((r) => r.id)).toEqual([mine]);
    expect((await listOf(caoBang)).body.page.rows.map((r) => r.id)).toEqual([other]);
    const view = await call(detail.loader, {
      path: `/agreements/${other}`,
      cookie: bacGiang,
      params: { id: String(other) },
    });
    expect(view.status).toBe(404);
    const forms: Record<string, string>[] = [
      agreementForm({ title: "Đổi tên" }),
      { intent: "move", target: "sent_for_opinion", sent_for_opinion_on: "2026-11-02" },
      { intent: "delete" },
    ];
    for (const form of forms) expect((await post(bacGiang, other, form)).status).toBe(404);
    const row = await getDb().selectFrom("agreements").selectAll().where("id", "=", other).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ title: "Thỏa thuận của prov-cao-bang", state: "drafted" });
  });

  it("may not go back a step, nor reach signed without the Ministry's opinion", async () => {
    const id = await storedAgreement("prov-bac-giang", {
      state: "sent_for_opinion",
      sent_for_opinion_on: "2026-11-02",
    });
    const back = await post(bacGiang, id, { intent: "back" });
    expect(back.status).toBe(403);
    const signed = await post(bacGiang, id, { intent: "move", target: "signed", signed_on: "2026-11-20" });
    expect(signed.status).toBe(400);
    expect((await jsonOf<Feedback>(signed)).errors.opinion_received_on).toBe(
      "proceedings.agreements.errors.dateRequired",
    );
  });

  it("edits the details of their own agreement, which stays theirs", async () => {
    const id = await storedAgreement("prov-bac-giang");
    const saved = await post(
      bacGiang,
      id,
      agreementForm({ title: "Tên mới", organisationId: String(await organisationId("prov-cao-bang")) }),
    );
    expect(saved.status).toBe(302);
    const row = await getDb().selectFrom("agreements").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      title: "Tên mới",
      organisation_id: await organisationId("prov-bac-giang"),
      country_code: "JP",
    });
    expect(await audit("agreement.update")).toHaveLength(1);
    const bad = await post(bacGiang, id, agreementForm({ title: "" }));
    expect(bad.status).toBe(400);
    expect((await jsonOf<Feedback>(bad)).errors.title).toBe("errors.required");
  });

  it("deletes a draft only", async () => {
    const draft = await storedAgreement("prov-bac-giang");
    const sent = await storedAgreement("prov-bac-giang", {
      state: "sent_for_opinion",
      sent_for_opinion_on: "2026-11-02",
    });
    expect((await post(bacGiang, sent, { intent: "delete" })).status).toBe(409);
    expect((await post(bacGiang, draft, { intent: "delete" })).status).toBe(302);
    const left = await getDb().selectFrom("agreements").select("id").execute();
    expect(left.map((r) => r.id)).toEqual([sent]);
    expect(await audit("agreement.delete")).toHaveLength(1);
  });

  it("links the meeting it came from only among the province's accepted requests", async () => {
    const ownRequest = await acceptedRequest("prov-bac-giang", "mis-emb-jp");
    const othersRequest = await acceptedRequest("prov-cao-bang", "mis-emb-jp");
    const pending = await acceptedRequest("prov-bac-giang", "mis-emb-kr", "pending");
    const refused = async (meetingRequestId: number) => {
      const r = await call(create.action, {
        path: "/agreements/new",
        cookie: bacGiang,
        form: agreementForm({ meetingRequestId: String(meetingRequestId) }),
      });
      return { status: r.status, error: r.status === 400 ? (await jsonOf<Feedback>(r)).errors.meetingRequestId : null };
    };
    expect(await refused(othersRequest)).toEqual({
      status: 400,
      error: "proceedings.agreements.errors.meetingRequest",
    });
    expect(await refused(pending)).toEqual({ status: 400, error: "proceedings.agreements.errors.meetingRequest" });
    expect((await refused(ownRequest)).status).toBe(302);
    const mission = await call(create.action, {
      path: "/agreements/new",
      cookie: bacGiang,
      form: agreementForm({ missionId: String(await organisationId("prov-cao-bang")) }),
    });
    expect((await jsonOf<Feedback>(mission)).errors.missionId).toBe("proceedings.agreements.errors.mission");
  });
});

describe("who may not record", () => {
  it("a delegate whose registration is pending sees how to get authority and cannot record", async () => {
    const pending = await cookieFor((await delegateOf("prov-bac-kan", { status: "pending" })).userId);
    const { status, body } = await listOf(pending);
    expect(status).toBe(403);
    expect(body.noAuthority).toBe("proceedings.agreements.errors.notApproved");
    const created = await call(create.action, { path: "/agreements/new", cookie: pending, form: agreementForm() });
    expect(created.status).toBe(403);
    expect(await getDb().selectFrom("agreements").select("id").execute()).toEqual([]);
  });

  it("a mission head and an exhibitor are told why", async () => {
    const ambassador = await signInAs("ambassador");
    const head = await listOf(ambassador);
    expect(head.status).toBe(403);
    expect(head.body.noAuthority).toBe("proceedings.agreements.errors.notSigningKind");
    expect(
      (await call(create.action, { path: "/agreements/new", cookie: ambassador, form: agreementForm() })).status,
    ).toBe(403);
    const exhibitor = await listOf(await signInAs("exhibitor"));
    expect(exhibitor.status).toBe(403);
    expect(exhibitor.body.noAuthority).toBe("proceedings.agreements.errors.noOrganisation");
    const form = await call(create.loader, { path: "/agreements/new", cookie: ambassador });
    expect(form.status).toBe(403);
  });

  it("a visitor is sent to sign in", async () => {
    const response = await call(list.loader, { path: "/agreements", cookie: null });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toContain("/login");
    expect((await call(csv.loader, { path: "/agreements.csv", cookie: null })).status).toBe(302);
  });
});

describe("staff", () => {
  it("the secretariat reads every agreement, records the opinion and corrects a step", async () => {
    const secretariat = await signInAs("secretariat");
    const a = await storedAgreement("prov-bac-giang", { state: "sent_for_opinion", sent_for_opinion_on: "2026-11-02" });
    const b = await storedAgreement("prov-cao-bang");
    const { body } = await listOf(secretariat);
    expect(body.staff).toBe(true);
    expect(body.page.rows.map((r) => r.id).sort()).toEqual([a, b].sort());
    const early = await post(secretariat, a, {
      intent: "move",
      target: "opinion_received",
      opinion_received_on: "2026-11-01",
    });
    expect((await jsonOf<Feedback>(early)).errors.opinion_received_on).toBe(
      "proceedings.agreements.errors.dateBeforePrevious",
    );
    expect(
      (await post(secretariat, a, { intent: "move", target: "opinion_received", opinion_received_on: "2026-11-09" }))
        .status,
    ).toBe(302);
    expect((await post(secretariat, a, { intent: "back" })).status).toBe(302);
    const row = await getDb().selectFrom("agreements").selectAll().where("id", "=", a).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      state: "sent_for_opinion",
      opinion_received_on: null,
      sent_for_opinion_on: "2026-11-02",
    });
    expect(await audit("agreement.step_back")).toHaveLength(1);
  });

  it("an organiser records for a province they pick, and must pick a province or ministry", async () => {
    const organiser = await signInAs("organiser");
    const none = await call(create.action, { path: "/agreements/new", cookie: organiser, form: agreementForm() });
    expect((await jsonOf<Feedback>(none)).errors.organisationId).toBe("errors.required");
    const mission = await call(create.action, {
      path: "/agreements/new",
      cookie: organiser,
      form: agreementForm({ organisationId: String(await organisationId("mis-emb-jp")) }),
    });
    expect((await jsonOf<Feedback>(mission)).errors.organisationId).toBe("proceedings.agreements.errors.partyKind");
    const ok = await call(create.action, {
      path: "/agreements/new",
      cookie: organiser,
      form: agreementForm({ organisationId: String(await organisationId("prov-cao-bang")) }),
    });
    expect(ok.status).toBe(302);
    expect((await listOf(caoBang)).body.page.rows).toHaveLength(1);
  });

  it("filters by lateness, state, country and words without diacritics", async () => {
    const organiser = await signInAs("organiser");
    const late = await storedAgreement("prov-bac-giang", {
      state: "sent_for_opinion",
      sent_for_opinion_on: "2026-01-05",
      title: "Hợp tác đào tạo nguồn nhân lực",
    });
    const reportLate = await storedAgreement("prov-cao-bang", {
      state: "signed",
      sent_for_opinion_on: "2025-12-01",
      opinion_received_on: "2025-12-05",
      signed_on: "2026-01-10",
      country_code: "JP",
    });
    const fine = await storedAgreement("prov-cao-bang");
    const ids = async (query: string) =>
      (await listOf(organiser, `/agreements${query}`)).body.page.rows.map((r) => r.id);
    expect(await ids("?late=opinion")).toEqual([late]);
    expect(await ids("?late=report")).toEqual([reportLate]);
    expect((await ids("?late=any")).sort()).toEqual([late, reportLate].sort());
    expect(await ids("?state=drafted")).toEqual([fine]);
    expect(await ids("?country=JP")).toEqual([reportLate]);
    expect(await ids("?q=dao%20tao%20nguon")).toEqual([late]);
    expect(await ids(`?organisation=${await organisationId("prov-bac-giang")}`)).toEqual([late]);
    const { body } = await listOf(organiser);
    expect(body.late).toEqual({ opinion: 1, report: 1, any: 2 });
    expect(body.byState.drafted).toBe(1);
  });

  it("downloads the filtered list as CSV, translated, formulas neutralised", async () => {
    const organiser = await signInAs("organiser");
    await storedAgreement("prov-bac-giang", {
      title: "=1+2",
      state: "sent_for_opinion",
      sent_for_opinion_on: "2026-01-05",
    });
    await storedAgreement("prov-cao-bang", { title: "Không quá hạn" });
    const response = await call(csv.loader, { path: "/agreements.csv?late=any&lang=en", cookie: organiser });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toContain("text/csv");
    expect(response.headers.get("X-Agreement-Count")).toBe("1");
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain("Vietnamese party");
    expect(text).toContain("'=1+2");
    expect(text).toContain("South Korea");
    expect(text).not.toContain("Không quá hạn");
    const vi = new TextDecoder("utf-8", { ignoreBOM: true }).decode(
      await (await call(csv.loader, { path: "/agreements.csv", cookie: organiser })).arrayBuffer(),
    );
    expect(vi).toContain("Bên Việt Nam");
    expect(vi).toContain("Không quá hạn");
  });

  it("a delegate may not download the CSV", async () => {
    expect((await call(csv.loader, { path: "/agreements.csv", cookie: bacGiang })).status).toBe(403);
  });
});
