import { describe, expect, it } from "vitest";
import { parseWith } from "~/lib/schemas/common";
import { maxMeetingsSchema, meetingAnswerSchema, meetingRequestSchema } from "~/lib/schemas/meetings";
import { meetingsDelegateEn, meetingsDelegateVi } from "~/lib/i18n/modules/meetings-delegate";

describe("meeting request schema", () => {
  it("accepts a request, cleaning the text to NFC and the priority to a number", () => {
    const decomposed = "Nông nghiệp".normalize("NFD");
    const parsed = parseWith(meetingRequestSchema, { toOrganisationId: "12", sector: `  ${decomposed} `, ask: "Tìm  nhà nhập khẩu", priority: "3" });
    expect(parsed).toEqual({ ok: true, data: { toOrganisationId: 12, sector: "Nông nghiệp", ask: "Tìm nhà nhập khẩu", priority: 3 } });
  });

  it("names each bad field", () => {
    const parsed = parseWith(meetingRequestSchema, { toOrganisationId: "", sector: "", ask: "x".repeat(1001), priority: "0" });
    expect(parsed).toEqual({
      ok: false,
      errors: { toOrganisationId: "errors.required", sector: "errors.required", ask: "errors.tooLong", priority: "meetingsDelegate.errors.priority" },
    });
  });
});

describe("answer and maximum schemas", () => {
  it("asks for a reason only when declining", () => {
    expect(parseWith(meetingAnswerSchema, { requestId: "5", decision: "accept", reason: "" }).ok).toBe(true);
    expect(parseWith(meetingAnswerSchema, { requestId: "5", decision: "decline", reason: " " })).toEqual({ ok: false, errors: { reason: "meetings.errors.reasonRequired" } });
    expect(parseWith(meetingAnswerSchema, { requestId: "5", decision: "maybe", reason: "" }).ok).toBe(false);
  });

  it("reads an empty maximum as no limit and refuses what is not a whole number", () => {
    expect(parseWith(maxMeetingsSchema, { maxMeetings: "" })).toEqual({ ok: true, data: { maxMeetings: null } });
    expect(parseWith(maxMeetingsSchema, { maxMeetings: " 8 " })).toEqual({ ok: true, data: { maxMeetings: 8 } });
    expect(parseWith(maxMeetingsSchema, { maxMeetings: "-1" })).toEqual({ ok: false, errors: { maxMeetings: "errors.integer" } });
  });
});

describe("dictionary module", () => {
  it("has an English text for every Vietnamese key, all keys prefixed, Vietnamese in NFC", () => {
    expect(Object.keys(meetingsDelegateEn).sort()).toEqual(Object.keys(meetingsDelegateVi).sort());
    for (const [key, text] of Object.entries(meetingsDelegateVi)) {
      expect(key.startsWith("meetingsDelegate.")).toBe(true);
      expect(text).toBe(text.normalize("NFC"));
    }
  });
});
