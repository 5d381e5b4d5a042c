import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { escapeText, foldLine, icsCalendar, sequenceFrom, sessionUid, type IcsEvent } from "~/lib/ics";

const events: IcsEvent[] = [
  {
    uid: sessionUid("programme", 3, "ngoaivu.test"),
    // 10:20–12:00 in Hà Nội (GMT+7)
    startsAt: "2021-12-13T03:20:00.000Z",
    endsAt: "2021-12-13T05:00:00.000Z",
    summary: "Phiên thảo luận 1: Ngoại giao kinh tế phục vụ phát triển địa phương",
    location: "Phòng họp 1",
    description: "Chủ trì: Nguyễn Thị Thu Hà, Bộ Ngoại giao; \"trích dẫn\" \\ dấu\nDòng thứ hai",
    url: "http://localhost:3000/programme#session-3",
    updatedAt: "2021-11-01T08:00:00.000Z",
  },
  {
    uid: sessionUid("programme", 8, "ngoaivu.test"),
    startsAt: "2021-12-14T08:30:00.000Z",
    endsAt: "2021-12-14T10:30:00.000Z",
    summary: "Phiên bế mạc",
    updatedAt: "2021-11-02T08:00:00.000Z",
  },
];

function parse(text: string) {
  const component = new ICAL.Component(ICAL.parse(text));
  return { component, events: component.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v)) };
}

describe("icsCalendar", () => {
  const text = icsCalendar({ name: "Chương trình Hội nghị Ngoại vụ", events, now: new Date("2021-12-01T00:00:00Z") });

  it("parses with ical.js and carries the calendar's properties", () => {
    const { component } = parse(text);
    expect(component.getFirstPropertyValue("version")).toBe("2.0");
    expect(component.getFirstPropertyValue("calscale")).toBe("GREGORIAN");
    expect(component.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(component.getFirstPropertyValue("x-wr-calname")).toBe("Chương trình Hội nghị Ngoại vụ");
    expect(component.getFirstPropertyValue("x-wr-timezone")).toBe("Asia/Ho_Chi_Minh");
  });

  it("gives the right instants, in UTC", () => {
    const { events: parsed } = parse(text);
    expect(parsed).toHaveLength(2);
    expect(parsed[0].startDate.toJSDate().toISOString()).toBe("2021-12-13T03:20:00.000Z");
    expect(parsed[0].endDate.toJSDate().toISOString()).toBe("2021-12-13T05:00:00.000Z");
    expect(parsed[0].startDate.zone.tzid).toBe("UTC");
    expect(parsed[1].startDate.toJSDate().toISOString()).toBe("2021-12-14T08:30:00.000Z");
  });

  it("keeps Vietnamese text, quotes, commas and line breaks intact", () => {
    const { events: parsed } = parse(text);
    expect(parsed[0].summary).toBe("Phiên thảo luận 1: Ngoại giao kinh tế phục vụ phát triển địa phương");
    expect(parsed[0].location).toBe("Phòng họp 1");
    expect(parsed[0].description).toBe(events[0].description);
    expect(parsed[0].summary.normalize("NFC")).toBe(parsed[0].summary);
  });

  it("keeps UIDs stable across two generations and derives SEQUENCE from updated_at", () => {
    const again = icsCalendar({ name: "x", events, now: new Date("2022-01-01T00:00:00Z") });
    expect(parse(again).events.map((e) => e.uid)).toEqual(parse(text).events.map((e) => e.uid));
    expect(parse(text).events[0].uid).toBe("programme-session-3@ngoaivu.test");
    expect(parse(text).events[0].sequence).toBe(sequenceFrom(events[0].updatedAt));
    const changed = icsCalendar({ name: "x", events: [{ ...events[0], updatedAt: "2021-11-05T08:00:00.000Z" }] });
    expect(parse(changed).events[0].sequence).toBeGreaterThan(parse(text).events[0].sequence);
    const lastModified = parse(text).component.getFirstSubcomponent("vevent")!.getFirstPropertyValue("last-modified") as ICAL.Time;
    expect(lastModified.toJSDate().toISOString()).toBe("2021-11-01T08:00:00.000Z");
  });

  it("ends every line with CRLF and folds at 75 octets without splitting a character", () => {
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const lines = text.split("\r\n").slice(0, -1);
    for (const line of lines) {
      expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
      expect(line).not.toContain("\uFFFD");
    }
    expect(lines.some((l) => l.startsWith(" "))).toBe(true);
  });
});

describe("escaping and folding", () => {
  it("escapes backslash, semicolon, comma and newlines", () => {
    expect(escapeText("a\\b;c,d\ne\r\nf")).toBe("a\\\\b\\;c\\,d\\ne\\nf");
  });

  it("folds a line of three-octet letters at character boundaries", () => {
    const line = `SUMMARY:${"ệ".repeat(60)}`;
    const folded = foldLine(line);
    const parts = folded.split("\r\n");
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      const bytes = Buffer.from(part, "utf8");
      expect(bytes.length).toBeLessThanOrEqual(75);
      expect(bytes.toString("utf8")).toBe(part);
    }
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join("")).toBe(line);
  });

  it("leaves a short line alone", () => {
    expect(foldLine("VERSION:2.0")).toBe("VERSION:2.0");
  });
});
