import ICAL from "ical.js";
import { afterEach, describe, expect, it, vi } from "vitest";
import { now as clockNow } from "~/lib/clock";
import { escapeText, foldLine, icsCalendar, icsDateTime, sequenceFrom, sessionUid, type IcsEvent } from "~/lib/ics";

const events: IcsEvent[] = [
  {
    uid: sessionUid(3, "ngoaivu.test"),
    // 10:20–12:00 in Hà Nội (GMT+7)
    startsAt: "2021-12-13T03:20:00.000Z",
    endsAt: "2021-12-13T05:00:00.000Z",
    summary: "Phiên thảo luận 1: Ngoại giao kinh tế phục vụ phát triển địa phương",
    location: "Phòng họp 1",
    description: 'Chủ trì: Nguyễn Thị Thu Hà, Bộ Ngoại giao; "trích dẫn" \\ dấu\nDòng thứ hai',
    url: "http://localhost:3000/programme#session-3",
    updatedAt: "2021-11-01T08:00:00.000Z",
    sequence: 2,
  },
  {
    uid: sessionUid(8, "ngoaivu.test"),
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
  // Built inside each test, not while the file is collected, so a broken writer fails a test.
  const calendar = () =>
    icsCalendar({ name: "Chương trình Hội nghị Ngoại vụ", events, now: new Date("2021-12-01T00:00:00Z") });

  it("parses with ical.js and carries the calendar's properties", () => {
    const text = calendar();
    const { component } = parse(text);
    expect(component.getFirstPropertyValue("version")).toBe("2.0");
    expect(component.getFirstPropertyValue("calscale")).toBe("GREGORIAN");
    expect(component.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(component.getFirstPropertyValue("x-wr-calname")).toBe("Chương trình Hội nghị Ngoại vụ");
    expect(component.getFirstPropertyValue("x-wr-timezone")).toBe("Asia/Ho_Chi_Minh");
  });

  it("gives the right instants, in UTC", () => {
    const text = calendar();
    const { events: parsed } = parse(text);
    expect(parsed).toHaveLength(2);
    expect(parsed[0].startDate.toJSDate().toISOString()).toBe("2021-12-13T03:20:00.000Z");
    expect(parsed[0].endDate.toJSDate().toISOString()).toBe("2021-12-13T05:00:00.000Z");
    expect(parsed[0].startDate.zone.tzid).toBe("UTC");
    expect(parsed[1].startDate.toJSDate().toISOString()).toBe("2021-12-14T08:30:00.000Z");
  });

  it("keeps Vietnamese text, quotes, commas and line breaks intact", () => {
    const text = calendar();
    const { events: parsed } = parse(text);
    expect(parsed[0].summary).toBe("Phiên thảo luận 1: Ngoại giao kinh tế phục vụ phát triển địa phương");
    expect(parsed[0].location).toBe("Phòng họp 1");
    expect(parsed[0].description).toBe(events[0].description);
    expect(parsed[0].summary.normalize("NFC")).toBe(parsed[0].summary);
  });

  it("keeps UIDs stable across two generations, one per session whatever the feed", () => {
    const text = calendar();
    const again = icsCalendar({ name: "x", events, now: new Date("2022-01-01T00:00:00Z") });
    expect(parse(again).events.map((e) => e.uid)).toEqual(parse(text).events.map((e) => e.uid));
    expect(parse(text).events[0].uid).toBe("session-3@ngoaivu.test");
    expect(sessionUid(3, "ngoaivu.test")).not.toBe(sessionUid(4, "ngoaivu.test"));
    const lastModified = parse(text)
      .component.getFirstSubcomponent("vevent")!
      .getFirstPropertyValue("last-modified") as ICAL.Time;
    expect(lastModified.toJSDate().toISOString()).toBe("2021-11-01T08:00:00.000Z");
  });

  it("writes the event's own SEQUENCE counter when it has one, else one derived from updated_at", () => {
    const text = calendar();
    expect(parse(text).events[0].sequence).toBe(2);
    expect(parse(text).events[1].sequence).toBe(sequenceFrom(events[1].updatedAt));
    const changed = icsCalendar({ name: "x", events: [{ ...events[0], sequence: 3 }] });
    expect(parse(changed).events[0].sequence).toBe(3);
    const zero = icsCalendar({ name: "x", events: [{ ...events[0], sequence: 0 }] });
    expect(parse(zero).events[0].sequence).toBe(0);
    const later = icsCalendar({ name: "x", events: [{ ...events[1], updatedAt: "2021-11-05T08:00:00.000Z" }] });
    expect(parse(later).events[0].sequence).toBeGreaterThan(parse(text).events[1].sequence);
  });

  it("ends every line with CRLF and folds at 75 octets without splitting a character", () => {
    const text = calendar();
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

describe("icsCalendar properties", () => {
  afterEach(() => vi.useRealTimers());
  const veventLines = (text: string) =>
    text
      .replace(/\r\n /g, "")
      .split("BEGIN:VEVENT\r\n")
      .slice(1)
      .map((block) => block.split("\r\n"));

  it("names its producer and stamps every event with the download time", () => {
    const text = icsCalendar({ name: "x", events, now: new Date("2021-12-01T08:30:15.250Z") });
    expect(text.split("\r\n").slice(0, 3)).toEqual([
      "BEGIN:VCALENDAR",
      "PRODID:-//Bo Ngoai giao Viet Nam//Hoi nghi Ngoai vu//VI",
      "VERSION:2.0",
    ]);
    for (const lines of veventLines(text)) expect(lines).toContain("DTSTAMP:20211201T083015Z");
  });

  it("stamps with the app's clock when no time is given", () => {
    vi.useFakeTimers({ now: new Date("2021-12-01T08:30:15.000Z") });
    const text = icsCalendar({ name: "x", events: [events[1]] });
    expect(veventLines(text)[0]).toContain(`DTSTAMP:${icsDateTime(clockNow())}`);
  });

  it("writes LOCATION, DESCRIPTION and URL only for an event that has them", () => {
    const [full, bare] = veventLines(
      icsCalendar({
        name: "x",
        events: [events[0], { ...events[1], location: null, description: "", url: null }],
        now: new Date("2021-12-01T00:00:00Z"),
      }),
    );
    expect(full).toContain("LOCATION:Phòng họp 1");
    expect(full).toContain("URL:http://localhost:3000/programme#session-3");
    expect(full.some((l) => l.startsWith("DESCRIPTION:Chủ trì"))).toBe(true);
    expect(bare.filter((l) => /^(LOCATION|DESCRIPTION|URL)[:;]/.test(l))).toEqual([]);
    expect(bare).toEqual([
      "UID:session-8@ngoaivu.test",
      "DTSTAMP:20211201T000000Z",
      "DTSTART:20211214T083000Z",
      "DTEND:20211214T103000Z",
      "SUMMARY:Phiên bế mạc",
      "LAST-MODIFIED:20211102T080000Z",
      `SEQUENCE:${sequenceFrom(events[1].updatedAt)}`,
      "END:VEVENT",
      "END:VCALENDAR",
      "",
    ]);
  });
});

describe("date-times and SEQUENCE", () => {
  it("writes an instant in UTC without separators or milliseconds, from text or a Date", () => {
    expect(icsDateTime("2021-12-13T01:00:00.000Z")).toBe("20211213T010000Z");
    expect(icsDateTime("2021-12-13T08:00:00+07:00")).toBe("20211213T010000Z");
    expect(icsDateTime(new Date("2021-12-13T01:02:03.456Z"))).toBe("20211213T010203Z");
  });

  it("counts SEQUENCE in whole seconds since 2020, never below 0", () => {
    expect(sequenceFrom("2020-01-01T00:00:00.000Z")).toBe(0);
    expect(sequenceFrom("2020-01-01T00:01:40.999Z")).toBe(100);
    expect(sequenceFrom("2021-01-01T00:00:00.000Z")).toBe(366 * 86400);
    expect(sequenceFrom("2019-12-31T23:59:59.000Z")).toBe(0);
    expect(sequenceFrom("not a date")).toBe(0);
  });
});

describe("escaping and folding", () => {
  it("writes text in NFC", () => {
    expect(escapeText("Nguyễn".normalize("NFD"))).toBe("Nguyễn".normalize("NFC"));
  });

  it("folds ASCII at exactly 75 octets, then 74 after each leading space", () => {
    const line = `DESCRIPTION:${"x".repeat(200)}`;
    const parts = foldLine(line).split("\r\n");
    expect(parts.map((p) => p.length)).toEqual([75, 75, 64]);
    expect(parts.slice(1).every((p) => p.startsWith(" "))).toBe(true);
    expect(foldLine("x".repeat(75))).toBe("x".repeat(75));
    expect(foldLine("x".repeat(76))).toBe(`${"x".repeat(75)}\r\n x`);
  });

  it.each([
    ["\u007f", 1],
    ["\u0080", 2],
    ["\u07ff", 2],
    ["\u0800", 3],
    ["\uffff", 3],
    ["\u{10000}", 4],
    ["😀", 4],
  ])("counts %j as %i octet(s) when folding", (char, octets) => {
    // As many whole characters as fit in the first 75 octets stay on the first line.
    const perLine = Math.floor(75 / octets);
    const folded = foldLine(char.repeat(perLine + 1)).split("\r\n");
    expect(folded[0]).toBe(char.repeat(perLine));
    expect(folded[1]).toBe(` ${char}`);
  });

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
