import { describe, expect, it } from "vitest";
import { conferenceDays, findClashes, overlaps, type TimedSession } from "~/features/agenda/rules";
import { formatInstant, offsetLabel, zonedDate, zonesDiffer } from "~/lib/time";

const HCM = "Asia/Ho_Chi_Minh";
const context = {
  conferenceStartsAt: "2026-12-13T01:00:00.000Z",
  conferenceEndsAt: "2026-12-14T10:30:00.000Z",
  timeZone: HCM,
  roomCapacity: 150,
};
// 13 Dec 2026, 10:20–12:00 Hà Nội time.
const planned = {
  id: null,
  startsAt: "2026-12-13T03:20:00.000Z",
  endsAt: "2026-12-13T05:00:00.000Z",
  roomId: 2,
  people: [11, 12],
  capacity: 100,
};
const other = (over: Partial<TimedSession> & { id: number }): TimedSession => ({
  startsAt: "2026-12-13T03:00:00.000Z",
  endsAt: "2026-12-13T04:00:00.000Z",
  roomId: 9,
  people: [],
  ...over,
});

describe("overlaps", () => {
  it("treats touching sessions as free and any shared minute as an overlap", () => {
    expect(overlaps({ startsAt: "a1", endsAt: "a3" }, { startsAt: "a3", endsAt: "a5" })).toBe(false);
    expect(overlaps({ startsAt: "a3", endsAt: "a5" }, { startsAt: "a1", endsAt: "a3" })).toBe(false);
    expect(overlaps({ startsAt: "a1", endsAt: "a9" }, { startsAt: "a3", endsAt: "a5" })).toBe(true);
    expect(overlaps({ startsAt: "a3", endsAt: "a5" }, { startsAt: "a1", endsAt: "a9" })).toBe(true);
    expect(overlaps({ startsAt: "a1", endsAt: "a2" }, { startsAt: "a3", endsAt: "a5" })).toBe(false);
    expect(overlaps({ startsAt: "a3", endsAt: "a5" }, { startsAt: "a1", endsAt: "a2" })).toBe(false);
    expect(
      overlaps(
        { startsAt: "2026-12-13T03:00Z", endsAt: "2026-12-13T04:00Z" },
        { startsAt: "2026-12-13T03:59Z", endsAt: "2026-12-13T05:00Z" },
      ),
    ).toBe(true);
  });
});

describe("findClashes", () => {
  it("finds nothing for a free room and free people", () => {
    expect(
      findClashes(
        planned,
        [
          other({ id: 1 }),
          other({ id: 2, roomId: 2, startsAt: "2026-12-13T05:00:00.000Z", endsAt: "2026-12-13T06:00:00.000Z" }),
        ],
        context,
      ),
    ).toEqual([]);
  });

  it("names the session that holds the room or the person", () => {
    const clashes = findClashes(planned, [other({ id: 5, roomId: 2 }), other({ id: 6, people: [12, 40] })], context);
    expect(clashes).toEqual([
      { kind: "room", sessionId: 5 },
      { kind: "person", sessionId: 6, registrationId: 12 },
    ]);
  });

  it("ignores the session itself when it is being moved", () => {
    expect(findClashes({ ...planned, id: 5 }, [other({ id: 5, roomId: 2, people: [11] })], context)).toEqual([]);
  });

  it("refuses an end before the start, a day outside the conference and more places than the room has", () => {
    expect(findClashes({ ...planned, endsAt: planned.startsAt }, [], context)).toEqual([{ kind: "order" }]);
    expect(
      findClashes(
        { ...planned, startsAt: "2026-12-15T01:00:00.000Z", endsAt: "2026-12-15T02:00:00.000Z" },
        [],
        context,
      ),
    ).toEqual([{ kind: "outside", firstDay: "2026-12-13", lastDay: "2026-12-14" }]);
    expect(findClashes({ ...planned, capacity: 151 }, [], context)).toEqual([{ kind: "capacity", roomCapacity: 150 }]);
    // 07:30 on the first day is still the conference's day, in Hà Nội time (00:30 UTC).
    expect(
      findClashes(
        { ...planned, startsAt: "2026-12-13T00:30:00.000Z", endsAt: "2026-12-13T01:00:00.000Z" },
        [],
        context,
      ),
    ).toEqual([]);
  });

  it("lets a session run to midnight of the last day, not past it", () => {
    // 22:00–24:00 on 14 December in Hà Nội ends at 00:00 on the 15th: still the last day.
    expect(
      findClashes(
        { ...planned, startsAt: "2026-12-14T15:00:00.000Z", endsAt: "2026-12-14T17:00:00.000Z" },
        [],
        context,
      ),
    ).toEqual([]);
    // 23:00 on the 14th to 01:00 on the 15th runs past it.
    expect(
      findClashes(
        { ...planned, startsAt: "2026-12-14T16:00:00.000Z", endsAt: "2026-12-14T18:00:00.000Z" },
        [],
        context,
      ),
    ).toEqual([{ kind: "outside", firstDay: "2026-12-13", lastDay: "2026-12-14" }]);
    // 23:00 on the 12th is the day before the first.
    expect(
      findClashes(
        { ...planned, startsAt: "2026-12-12T16:00:00.000Z", endsAt: "2026-12-12T18:00:00.000Z" },
        [],
        context,
      ),
    ).toEqual([{ kind: "outside", firstDay: "2026-12-13", lastDay: "2026-12-14" }]);
  });

  it("checks places against the room only when both are known, a full room being fine", () => {
    expect(findClashes({ ...planned, capacity: 150 }, [], context)).toEqual([]);
    expect(findClashes({ ...planned, capacity: null }, [], context)).toEqual([]);
    expect(findClashes({ ...planned, capacity: 500 }, [], { ...context, roomCapacity: null })).toEqual([]);
  });

  it("does not call two sessions without a room a room clash", () => {
    expect(findClashes({ ...planned, roomId: null }, [other({ id: 7, roomId: null })], context)).toEqual([]);
    expect(
      findClashes({ ...planned, roomId: null, people: [40] }, [other({ id: 7, roomId: null, people: [40] })], context),
    ).toEqual([{ kind: "person", sessionId: 7, registrationId: 40 }]);
  });

  it("lists the conference's days in its own zone", () => {
    expect(conferenceDays(context.conferenceStartsAt, context.conferenceEndsAt, HCM)).toEqual([
      "2026-12-13",
      "2026-12-14",
    ]);
    // 23:30 UTC on the 12th is already the 13th in Hà Nội.
    expect(conferenceDays("2026-12-12T23:30:00.000Z", "2026-12-13T10:00:00.000Z", HCM)).toEqual(["2026-12-13"]);
  });
});

describe("time shown to viewers abroad", () => {
  const start = "2026-12-13T01:00:00.000Z"; // 08:00 on 13 December in Hà Nội
  it("shows a Los Angeles viewer the day before, with the zone named", () => {
    expect(formatInstant(start, HCM, "vi", "dateTime")).toBe("08:00 13/12/2026");
    expect(formatInstant(start, "America/Los_Angeles", "en", "dateTime")).toBe("12/12/2026, 17:00");
    expect(zonedDate(start, "America/Los_Angeles")).toBe("2026-12-12");
    expect(offsetLabel(start, "America/Los_Angeles")).toBe("GMT-8");
    expect(zonesDiffer(start, HCM, "America/Los_Angeles")).toBe(true);
  });
  it("shows a half-hour zone to the minute", () => {
    expect(formatInstant(start, "Asia/Kolkata", "en", "time")).toBe("06:30");
    expect(offsetLabel(start, "Asia/Kolkata")).toBe("GMT+5:30");
    expect(formatInstant(start, "Australia/Adelaide", "en", "time")).toBe("11:30");
  });
});
