import { describe, expect, it } from "vitest";
import { agreementCsvTable } from "~/features/proceedings/agreements/agreement-csv";
import type { AgreementRow } from "~/features/proceedings/agreements/agreement-list.server";
import { countryName, COUNTRY_CODES } from "~/features/proceedings/agreements/countries";
import { lateness } from "~/features/proceedings/agreements/deadlines";
import {
  advanceSchema,
  agreementSchema,
  filtersFromUrl,
  filtersToQuery,
} from "~/features/proceedings/agreements/schema";
import {
  checkForward,
  datesClearedBack,
  forwardTargets,
  previousState,
} from "~/features/proceedings/agreements/transitions";
import { toCsv } from "~/lib/csv";

const TODAY = "2026-12-01";
const blank = { sent_for_opinion_on: null, opinion_received_on: null, signed_on: null, reported_on: null };

describe("lateness", () => {
  it("is on time while the Ministry's 7 working days run", () => {
    // Monday 23 Nov + 7 working days = Wednesday 2 Dec.
    const l = lateness({ ...blank, sent_for_opinion_on: "2026-11-23" }, TODAY);
    expect(l).toEqual({ opinionLate: false, reportLate: false, opinionDueOn: "2026-12-02", reportDueOn: null });
  });

  it("is late when the opinion is still awaited after the due date", () => {
    // Thursday 19 Nov + 7 working days = Monday 30 Nov; Friday 20 Nov's are due today, not late yet.
    expect(lateness({ ...blank, sent_for_opinion_on: "2026-11-19" }, TODAY).opinionLate).toBe(true);
    expect(lateness({ ...blank, sent_for_opinion_on: "2026-11-20" }, TODAY).opinionLate).toBe(false);
  });

  it("stays late when the opinion came after the due date, not when it came in time", () => {
    const sent = { ...blank, sent_for_opinion_on: "2026-11-02" }; // due 11 Nov
    expect(lateness({ ...sent, opinion_received_on: "2026-11-12" }, TODAY).opinionLate).toBe(true);
    expect(lateness({ ...sent, opinion_received_on: "2026-11-11" }, TODAY).opinionLate).toBe(false);
  });

  it("counts the report from the signing, 15 calendar days", () => {
    const signed = { ...blank, sent_for_opinion_on: "2026-10-01", opinion_received_on: "2026-10-05" };
    expect(lateness({ ...signed, signed_on: "2026-11-16" }, TODAY)).toMatchObject({
      reportDueOn: "2026-12-01",
      reportLate: false,
    });
    expect(lateness({ ...signed, signed_on: "2026-11-15" }, TODAY).reportLate).toBe(true);
    expect(lateness({ ...signed, signed_on: "2026-11-01", reported_on: "2026-11-16" }, TODAY).reportLate).toBe(false);
    expect(lateness({ ...signed, signed_on: "2026-11-01", reported_on: "2026-11-17" }, TODAY).reportLate).toBe(true);
  });

  it("has no deadline for a draft", () => {
    expect(lateness(blank, TODAY)).toEqual({
      opinionLate: false,
      reportLate: false,
      opinionDueOn: null,
      reportDueOn: null,
    });
  });
});

describe("transitions", () => {
  it("moves one step with its date", () => {
    expect(checkForward("drafted", "sent_for_opinion", {}, { sent_for_opinion_on: "2026-11-02" }, TODAY)).toEqual({
      ok: true,
      set: { sent_for_opinion_on: "2026-11-02" },
    });
  });

  it("requires the state's date, by field", () => {
    expect(checkForward("drafted", "sent_for_opinion", {}, {}, TODAY)).toMatchObject({
      ok: false,
      key: "proceedings.agreements.errors.dateRequired",
      field: "sent_for_opinion_on",
    });
  });

  it("never reaches signed without the Ministry's opinion (Law 70/2020 art. 18)", () => {
    const r = checkForward("drafted", "signed", {}, { signed_on: "2026-11-20" }, TODAY);
    expect(r).toMatchObject({ ok: false, field: "sent_for_opinion_on" });
    const r2 = checkForward(
      "drafted",
      "signed",
      {},
      { sent_for_opinion_on: "2026-11-02", signed_on: "2026-11-20" },
      TODAY,
    );
    expect(r2).toMatchObject({ ok: false, field: "opinion_received_on" });
  });

  it("moves several steps when every required date comes with it", () => {
    const r = checkForward(
      "drafted",
      "signed",
      {},
      { sent_for_opinion_on: "2026-11-02", opinion_received_on: "2026-11-09", signed_on: "2026-11-20" },
      TODAY,
    );
    expect(r).toEqual({
      ok: true,
      set: { sent_for_opinion_on: "2026-11-02", opinion_received_on: "2026-11-09", signed_on: "2026-11-20" },
    });
  });

  it("refuses a date before the previous step's, and a date to come", () => {
    const known = { sent_for_opinion_on: "2026-11-10" };
    expect(
      checkForward("sent_for_opinion", "opinion_received", known, { opinion_received_on: "2026-11-09" }, TODAY),
    ).toMatchObject({
      ok: false,
      key: "proceedings.agreements.errors.dateBeforePrevious",
      field: "opinion_received_on",
    });
    expect(
      checkForward("sent_for_opinion", "opinion_received", known, { opinion_received_on: "2026-12-02" }, TODAY),
    ).toMatchObject({ ok: false, key: "proceedings.agreements.errors.dateInFuture" });
    expect(
      checkForward("sent_for_opinion", "opinion_received", known, { opinion_received_on: "2026-11-10" }, TODAY).ok,
    ).toBe(true);
  });

  it("ends from signed or in force, passing over the report and the entry into force", () => {
    const known = { sent_for_opinion_on: "2026-10-01", opinion_received_on: "2026-10-05", signed_on: "2026-10-10" };
    expect(checkForward("signed", "ended", known, { ended_on: "2026-11-30" }, TODAY)).toEqual({
      ok: true,
      set: { ended_on: "2026-11-30" },
    });
    expect(checkForward("signed", "in_force", known, { in_force_on: "2026-10-10" }, TODAY).ok).toBe(true);
    expect(
      checkForward("in_force", "ended", { ...known, in_force_on: "2026-10-12" }, { ended_on: "2026-10-11" }, TODAY),
    ).toMatchObject({ ok: false, key: "proceedings.agreements.errors.dateBeforePrevious" });
  });

  it("does not go backwards or stay put", () => {
    expect(checkForward("signed", "drafted", {}, {}, TODAY)).toMatchObject({
      ok: false,
      key: "proceedings.agreements.errors.notForward",
    });
    expect(checkForward("signed", "signed", {}, {}, TODAY).ok).toBe(false);
    expect(forwardTargets("ended")).toEqual([]);
    expect(forwardTargets("signed")).toEqual(["reported", "in_force", "ended"]);
  });

  it("goes back one step to the last state with a date, clearing the undone dates", () => {
    const dates = {
      sent_for_opinion_on: "2026-10-01",
      opinion_received_on: "2026-10-05",
      signed_on: "2026-10-10",
      ended_on: "2026-11-01",
    };
    expect(previousState("ended", dates)).toBe("signed");
    expect(datesClearedBack("ended", "signed")).toEqual({ reported_on: null, in_force_on: null, ended_on: null });
    expect(previousState("sent_for_opinion", { sent_for_opinion_on: "2026-10-01" })).toBe("drafted");
    expect(datesClearedBack("sent_for_opinion", "drafted")).toEqual({ sent_for_opinion_on: null });
  });
});

describe("the forms", () => {
  const valid = {
    title: "Bản ghi nhớ hợp tác",
    foreignParty: "Tỉnh Gunma",
    countryCode: "jp",
    field: "trade",
    kind: "memorandum",
  };

  it("reads a posted agreement, empty selects as null", () => {
    const r = agreementSchema.safeParse({ ...valid, organisationId: "", missionId: "12", meetingRequestId: "" });
    expect(r.success && r.data).toMatchObject({
      countryCode: "JP",
      organisationId: null,
      missionId: 12,
      meetingRequestId: null,
    });
  });

  it("refuses Viet Nam as the foreign country, unknown fields and kinds", () => {
    const errors = (input: object) =>
      agreementSchema.safeParse(input).error?.issues.map((i) => `${i.path[0]}:${i.message}`);
    expect(errors({ ...valid, countryCode: "VN" })).toEqual(["countryCode:proceedings.agreements.errors.country"]);
    expect(errors({ ...valid, field: "space" })).toEqual(["field:proceedings.agreements.errors.field"]);
    expect(errors({ ...valid, kind: "treaty" })).toEqual(["kind:proceedings.agreements.errors.kind"]);
    expect(errors({ ...valid, title: "  " })).toEqual(["title:errors.required"]);
  });

  it("refuses dates that do not exist", () => {
    const r = advanceSchema.safeParse({ target: "signed", signed_on: "2026-02-30" });
    expect(r.error?.issues[0]).toMatchObject({ path: ["signed_on"], message: "proceedings.agreements.errors.date" });
    expect(advanceSchema.safeParse({ target: "signed", signed_on: "2026-02-28" }).success).toBe(true);
  });

  it("reads filters from the address and writes them back, ignoring what it does not know", () => {
    const filters = filtersFromUrl(
      new URLSearchParams("organisation=7&country=kr&state=signed&late=any&kind=x&q=Hà&page=2"),
    );
    expect(filters).toEqual({
      organisationId: 7,
      countryCode: "KR",
      field: null,
      kind: null,
      state: "signed",
      late: "any",
      search: "Hà",
      page: 2,
    });
    expect(filtersToQuery(filters)).toBe("?organisation=7&country=KR&state=signed&late=any&q=H%C3%A0");
  });
});

describe("countries and the CSV", () => {
  it("names countries in each language and leaves Viet Nam out", () => {
    expect(countryName("KR", "vi")).toBe("Hàn Quốc");
    expect(countryName("KR", "en")).toBe("South Korea");
    expect(COUNTRY_CODES).not.toContain("VN");
    expect(COUNTRY_CODES).toContain("JP");
  });

  it("translates the headers and neutralises formulas", () => {
    const row = {
      id: 3,
      organisationId: 1,
      partyVi: "Tỉnh Bắc Giang",
      partyEn: "Bac Giang Province",
      region: null,
      title: '=HYPERLINK("http://evil")',
      foreignParty: "@SUM(A1)",
      countryCode: "JP",
      field: "trade",
      kind: "memorandum",
      state: "sent_for_opinion",
      sent_for_opinion_on: "2026-11-10",
      opinion_received_on: null,
      signed_on: null,
      signedPlace: "",
      reported_on: null,
      in_force_on: null,
      ended_on: null,
      missionVi: null,
      missionEn: null,
      updatedAt: "2026-11-20T00:00:00.000Z",
      ...lateness({ ...blank, sent_for_opinion_on: "2026-11-10" }, TODAY),
    } satisfies AgreementRow;
    const t = (key: string) => `«${key}»`;
    const table = agreementCsvTable([row], "en", t);
    expect(table[0][1]).toBe("«proceedings.agreements.csv.party»");
    expect(table[1]).toContain("Bac Giang Province");
    expect(table[1]).toContain("Japan");
    expect(table[1]).toContain("«proceedings.agreements.csv.yes»");
    const csv = toCsv(table);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).toContain("'@SUM(A1)");
  });
});
