import { describe, expect, it } from "vitest";
import { optionalText, parseWith, requiredText } from "~/platform/forms/fields";
import { meetingOutcomeSchema } from "~/features/meetings/schema";
import { registrationSchema } from "~/features/registration/schema";
import { cleanMultilineText, cleanText } from "~/lib/text";

/**
 * Issue 10: text fields are stored without control characters or
 * bidirectional overrides/isolates, in NFC. Written as an attacker would type them.
 */
const C0 = Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i));
const C1 = Array.from({ length: 0x21 }, (_, i) => String.fromCharCode(0x7f + i)); // DEL and U+0080–U+009F
const BIDI = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"];
// eslint-disable-next-line no-control-regex -- the invisible characters the fields must remove
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe("cleanText (single-line fields)", () => {
  it("removes NUL and the right-to-left override from a name", () => {
    expect(cleanText("Nguyễn\u0000 Văn \u202eAn")).toBe("Nguyễn Văn An");
    expect(cleanText("Trần\u0000Thị")).toBe("TrầnThị");
  });

  it("leaves no C0 or C1 control and no bidi override or isolate, whichever is typed", () => {
    for (const ch of [...C0, ...C1, ...BIDI]) {
      const cleaned = cleanText(`Hà${ch}Nội`);
      expect(cleaned, `U+${ch.charCodeAt(0).toString(16).padStart(4, "0")}`).not.toMatch(INVISIBLE);
      expect(["HàNội", "Hà Nội"]).toContain(cleaned);
    }
  });

  it("turns line breaks and tabs into single spaces, as before", () => {
    expect(cleanText(" Sở\tNgoại\r\nvụ\u0085Hà  Nội ")).toBe("Sở Ngoại vụ Hà Nội");
  });

  it("stores NFC, also where removing a control brings a letter and its mark together", () => {
    const decomposed = "Nguyễn".normalize("NFD");
    expect(cleanText(decomposed)).toBe("Nguyễn");
    expect(cleanText("Nguye\u0000\u0302\u0303n")).toBe("Nguyễn".normalize("NFC"));
    expect(cleanText("e\u202e\u0301")).toBe("é");
  });

  it("keeps the marks Vietnamese needs and the left-to-right/right-to-left marks", () => {
    expect(cleanText("Đắk Lắk – Buôn Ma Thuột")).toBe("Đắk Lắk – Buôn Ma Thuột");
    expect(cleanText("\u200fعربي\u200e")).toBe("\u200fعربي\u200e");
  });
});

describe("cleanMultilineText (multi-line fields)", () => {
  it("keeps line breaks and tabs, removes every other control and bidi override", () => {
    expect(cleanMultilineText("Dòng 1\u0000\r\nDòng\t2\u202e\rDòng 3\u0085Dòng 4\u000b\u000c\u0007")).toBe(
      "Dòng 1\nDòng\t2\nDòng 3\nDòng 4",
    );
    for (const ch of [...C0, ...C1, ...BIDI].filter((c) => c !== "\n" && c !== "\t" && c !== "\r" && c !== "\u0085")) {
      expect(cleanMultilineText(`a${ch}b`)).toBe("ab");
    }
  });

  it("is NFC", () => {
    expect(cleanMultilineText("Hội\nnghị".normalize("NFD"))).toBe("Hội\nnghị");
  });
});

describe("the shared zod helpers", () => {
  it("requiredText and optionalText store clean text and count its length after cleaning", () => {
    expect(parseWith(requiredText(10), "\u202eAn\u0000")).toEqual({ ok: true, data: "An" });
    expect(parseWith(requiredText(10), "\u0000\u202e\u2066")).toEqual({ ok: false, errors: { "": "errors.required" } });
    expect(parseWith(optionalText(3), "a\u0000b\u0001c")).toEqual({ ok: true, data: "abc" });
  });

  it("registration stores a name, position and dietary note without controls", () => {
    const parsed = parseWith(registrationSchema, {
      honorific: "mr",
      fullName: "Nguyễn\u0000 Văn \u202eAn",
      position: "Giám\u0007 đốc\u2067",
      organisationId: "1",
      email: "an\u0000@tinh.gov.vn",
      phone: "+84 24 3799 3000",
      mode: "in_person",
      interpretation: "none",
      dietary: "Ăn\u202dchay\u0000",
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.data).toMatchObject({
      fullName: "Nguyễn Văn An",
      position: "Giám đốc",
      email: "an@tinh.gov.vn",
      dietary: "Ănchay",
    });
  });

  it("a meeting's outcome (paragraphs) keeps its lines and loses controls", () => {
    const parsed = parseWith(meetingOutcomeSchema, {
      meetingId: "1",
      outcome: "Thỏa thuận:\u0000\r\n- hợp tác\u202e giáo dục\r\n",
      followUp: "",
    });
    expect(parsed).toEqual({
      ok: true,
      data: { meetingId: 1, outcome: "Thỏa thuận:\n- hợp tác giáo dục", followUp: "" },
    });
  });
});
