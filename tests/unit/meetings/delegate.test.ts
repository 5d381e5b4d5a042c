import { describe, expect, it } from "vitest";
import { parseWith } from "~/platform/forms/fields";
import {
  availabilitySchema,
  maxMeetingsSchema,
  meetingAnswerSchema,
  meetingOutcomeSchema,
  meetingRequestSchema,
  sectorsSchema,
} from "~/features/meetings/schema";
import { onlineWording, placeText } from "~/features/meetings/meeting-outcomes.server";
import { translate } from "~/features/meetings/i18n";
import {
  MEETING_SECTORS,
  decodeSectors,
  encodeSectors,
  sectorCode,
  sectorLabel,
  sectorsText,
} from "~/features/meetings/rules";
import { meetingsEn } from "~/features/meetings/messages.en";
import { meetingsVi } from "~/features/meetings/messages.vi";

/** The delegates' pages' section of the meetings' messages. */
const section = (messages: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(messages).filter(([key]) => key.startsWith("meetingsDelegate.")));
const meetingsDelegateVi = section(meetingsVi);
const meetingsDelegateEn = section(meetingsEn);

describe("meeting request schema", () => {
  it("accepts a request, cleaning the text to NFC and the priority to a number", () => {
    const decomposed = "Nông nghiệp".normalize("NFD");
    const parsed = parseWith(meetingRequestSchema, {
      toOrganisationId: "12",
      sector: `  ${decomposed} `,
      ask: "Tìm  nhà nhập khẩu",
      priority: "3",
    });
    expect(parsed).toEqual({
      ok: true,
      // A sector from the list is kept as its code (a label in either language is read as one).
      data: { toOrganisationId: 12, sector: "agriculture", ask: "Tìm nhà nhập khẩu", priority: 3 },
    });
  });

  it("names each bad field", () => {
    const parsed = parseWith(meetingRequestSchema, {
      toOrganisationId: "",
      sector: "",
      ask: "x".repeat(1001),
      priority: "0",
    });
    expect(parsed).toEqual({
      ok: false,
      errors: {
        toOrganisationId: "errors.required",
        sector: "meetingsDelegate.errors.sector",
        ask: "errors.tooLong",
        priority: "meetingsDelegate.errors.priority",
      },
    });
  });
});

describe("answer and maximum schemas", () => {
  it("asks for a reason only when declining", () => {
    expect(parseWith(meetingAnswerSchema, { requestId: "5", decision: "accept", reason: "" }).ok).toBe(true);
    expect(parseWith(meetingAnswerSchema, { requestId: "5", decision: "decline", reason: " " })).toEqual({
      ok: false,
      errors: { reason: "meetings.errors.reasonRequired" },
    });
    expect(parseWith(meetingAnswerSchema, { requestId: "5", decision: "maybe", reason: "" }).ok).toBe(false);
  });

  it("reads an empty maximum as no limit and refuses what is not a whole number", () => {
    expect(parseWith(maxMeetingsSchema, { maxMeetings: "" })).toEqual({ ok: true, data: { maxMeetings: null } });
    expect(parseWith(maxMeetingsSchema, { maxMeetings: " 8 " })).toEqual({ ok: true, data: { maxMeetings: 8 } });
    expect(parseWith(maxMeetingsSchema, { maxMeetings: "-1" })).toEqual({
      ok: false,
      errors: { maxMeetings: "errors.integer" },
    });
  });
});

describe("availability schema", () => {
  it("reads the ticked slot ids as whole numbers, none ticked being a valid answer", () => {
    expect(parseWith(availabilitySchema, { slotIds: ["3", " 12 "] })).toEqual({ ok: true, data: { slotIds: [3, 12] } });
    expect(parseWith(availabilitySchema, { slotIds: [] })).toEqual({ ok: true, data: { slotIds: [] } });
    expect(parseWith(availabilitySchema, { slotIds: ["3", "x"] }).ok).toBe(false);
    expect(parseWith(availabilitySchema, { slotIds: ["0"] }).ok).toBe(false);
  });
});

describe("outcome schema", () => {
  it("keeps paragraphs (CRLF to LF, tidied spaces and blank lines) in NFC", () => {
    const parsed = parseWith(meetingOutcomeSchema, {
      meetingId: "7",
      outcome: `  ${"Thống nhất".normalize("NFD")}  hợp tác\r\n\r\n\r\n\r\nBước  tiếp `,
      followUp: "",
    });
    expect(parsed).toEqual({
      ok: true,
      data: { meetingId: 7, outcome: "Thống nhất hợp tác\n\nBước tiếp", followUp: "" },
    });
  });

  it("needs the outcome or the follow-up, each at most 2000 characters", () => {
    expect(parseWith(meetingOutcomeSchema, { meetingId: "7", outcome: " \n ", followUp: "" })).toEqual({
      ok: false,
      errors: { outcome: "meetingsDelegate.errors.outcomeEmpty" },
    });
    expect(parseWith(meetingOutcomeSchema, { meetingId: "7", followUp: "Gửi danh sách doanh nghiệp" }).ok).toBe(true);
    expect(parseWith(meetingOutcomeSchema, { meetingId: "7", outcome: "x".repeat(2000) }).ok).toBe(true);
    expect(parseWith(meetingOutcomeSchema, { meetingId: "7", outcome: "x".repeat(2001) })).toEqual({
      ok: false,
      errors: { outcome: "errors.tooLong" },
    });
    expect(parseWith(meetingOutcomeSchema, { meetingId: "7", outcome: "ok", followUp: "y".repeat(2001) })).toEqual({
      ok: false,
      errors: { followUp: "errors.tooLong" },
    });
    expect(parseWith(meetingOutcomeSchema, { meetingId: "", outcome: "ok" })).toEqual({
      ok: false,
      errors: { meetingId: "errors.required" },
    });
  });
});

describe("where a meeting takes place, in words", () => {
  const table = { number: 4, label: "Cửa sổ", room_vi: "Khu gặp gỡ song phương", room_en: "Bilateral meetings area" };
  const online = {
    online: true as const,
    wording: "mission" as const,
    counterpartOnline: false,
    counterpartWording: "province" as const,
  };
  const atTable = { online: false as const, videoUrl: null, counterpartWording: "mission" as const };
  it("gives an online party its video link, or says it will follow", () => {
    expect(placeText({ ...online, videoUrl: "https://hop.test/abc" }, "vi")).toBe("https://hop.test/abc");
    expect(placeText({ ...online, videoUrl: null }, "vi")).toBe("Đường dẫn họp trực tuyến sẽ được Ban tổ chức gửi sau");
    expect(placeText({ ...online, videoUrl: null }, "en")).toBe("The organisers will send the video meeting link");
  });
  it("gives a party in person its table, label and room in its language", () => {
    expect(placeText({ ...atTable, table, counterpartOnline: true }, "vi")).toBe(
      "Bàn 4 · Cửa sổ · Khu gặp gỡ song phương",
    );
    expect(
      placeText({ ...atTable, table: { ...table, label: "", room_en: null }, counterpartOnline: false }, "en"),
    ).toBe("Table 4 · Khu gặp gỡ song phương");
    expect(placeText({ ...atTable, table: null, counterpartOnline: false }, "vi")).toBeNull();
  });
  it("says what remains under the cap, and who attends online, in both languages", () => {
    expect(translate("vi", "meetingsDelegate.form.remaining", { remaining: 1, max: 8 })).toBe(
      "Đơn vị còn được gửi 1/8 đề nghị gặp.",
    );
    expect(translate("en", "meetingsDelegate.form.remaining", { remaining: 1, max: 8 })).toBe(
      "Your organisation may send 1 more meeting request (of 8).",
    );
    expect(translate("en", "meetingsDelegate.form.remaining", { remaining: 3, max: 8 })).toBe(
      "Your organisation may send 3 more meeting requests (of 8).",
    );
    expect(translate("vi", "meetingsDelegate.place.onlineParty.mission")).toBe("Đại sứ quán tham dự trực tuyến");
    expect(translate("en", "meetingsDelegate.place.onlineParty.mission")).toBe("The embassy attends online");
    expect(translate("en", "meetingsDelegate.place.onlineParty.province")).toBe("The province attends online");
  });
  it("words a party attending online by its kind", () => {
    expect(onlineWording("mission", "embassy")).toBe("mission");
    expect(onlineWording("mission", null)).toBe("mission");
    expect(onlineWording("mission", "consulate_general")).toBe("consulate_general");
    expect(onlineWording("province", null)).toBe("province");
    expect(onlineWording("ministry", null)).toBe("ministry");
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

describe("the sectors a party covers", () => {
  const vi = (key: string) => translate("vi", key as never);
  const en = (key: string) => translate("en", key as never);
  it("keeps the ticked codes from the list and a free note", () => {
    expect(parseWith(sectorsSchema, { codes: ["agriculture", "investment"], note: " Logistics  cảng biển " })).toEqual({
      ok: true,
      data: { codes: ["agriculture", "investment"], note: "Logistics cảng biển" },
    });
    expect(parseWith(sectorsSchema, { codes: [], note: "" })).toEqual({ ok: true, data: { codes: [], note: "" } });
    expect(parseWith(sectorsSchema, { codes: ["mining"], note: "" }).ok).toBe(false);
    expect(parseWith(sectorsSchema, { codes: [], note: "x".repeat(301) })).toEqual({
      ok: false,
      errors: { note: "errors.tooLong" },
    });
  });
  it("stores codes and the note, and reads older free text back as codes where a label matches", () => {
    const stored = encodeSectors({ codes: ["tourism", "agriculture"], note: "Logistics | cảng" });
    expect(stored).toBe("agriculture,tourism|Logistics / cảng");
    expect(decodeSectors(stored)).toEqual({ codes: ["agriculture", "tourism"], note: "Logistics / cảng" });
    expect(decodeSectors("Nông nghiệp, Đầu tư; Logistics, nông nghiệp, Science and technology")).toEqual({
      codes: ["investment", "agriculture", "science_technology"],
      note: "Logistics",
    });
    expect(decodeSectors("")).toEqual({ codes: [], note: "" });
    expect(decodeSectors(null)).toEqual({ codes: [], note: "" });
  });
  it("reads in the reader's language, older free text as typed", () => {
    expect(MEETING_SECTORS).toHaveLength(10);
    for (const code of MEETING_SECTORS) {
      expect(sectorLabel(vi, code)).not.toBe(code);
      expect(sectorLabel(en, code)).not.toBe(code);
      expect(sectorCode(sectorLabel(vi, code))).toBe(code);
      expect(sectorCode(sectorLabel(en, code))).toBe(code);
    }
    expect(sectorLabel(vi, "science_technology")).toBe("Khoa học và công nghệ");
    expect(sectorLabel(en, "science_technology")).toBe("Science and technology");
    expect(sectorLabel(en, "Nông nghiệp")).toBe("Agriculture");
    expect(sectorLabel(en, "Năng lượng")).toBe("Năng lượng");
    expect(sectorsText(en, "labour,health|ports")).toBe("Labour, Health, ports");
    expect(sectorsText(vi, "labour,health|ports")).toBe("Lao động, Y tế, ports");
  });
});
