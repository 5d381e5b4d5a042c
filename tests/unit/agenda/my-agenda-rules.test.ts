import { describe, expect, it } from "vitest";
import {
  agendaReasons,
  canFavourite,
  changesCalendar,
  groupByDay,
  isForEveryone,
  SESSION_KINDS,
  type SessionKind,
} from "~/features/agenda/rules";

const HCM = "Asia/Ho_Chi_Minh";
const free = (kind: SessionKind) => ({ kind, requires_signup: 0 });
const tie = { role: null, signedUp: false, favourite: false };

describe("who attends what", () => {
  it("puts plenaries, the diplomatic corps and the exhibition opening on everyone's agenda, unless they ask for sign-up", () => {
    expect(SESSION_KINDS.filter((k) => isForEveryone(free(k)))).toEqual([
      "plenary",
      "diplomatic_corps",
      "exhibition_opening",
    ]);
    expect(isForEveryone({ kind: "plenary", requires_signup: 1 })).toBe(false);
  });

  it("offers a favourite only for sessions without sign-up that are not for everyone, a break or a meeting block", () => {
    expect(SESSION_KINDS.filter((k) => canFavourite(free(k)))).toEqual(["discussion", "other"]);
    expect(canFavourite({ kind: "discussion", requires_signup: 1 })).toBe(false);
    expect(canFavourite({ kind: "discussion", requires_signup: true })).toBe(false);
  });
});

describe("agendaReasons", () => {
  it("says why a session is on the agenda, the strongest first", () => {
    expect(agendaReasons({ ...free("plenary"), ...tie, role: "chair" }, true)).toEqual(["role", "everyone"]);
    expect(agendaReasons({ kind: "discussion", requires_signup: 1, ...tie, signedUp: true }, true)).toEqual([
      "signedUp",
    ]);
    expect(agendaReasons({ ...free("discussion"), ...tie, favourite: true }, true)).toEqual(["favourite"]);
    expect(agendaReasons({ ...free("exhibition_opening"), ...tie }, true)).toEqual(["everyone"]);
  });

  it("leaves off what ties no one: a session not chosen, a break, a favourite that now asks for sign-up", () => {
    expect(agendaReasons({ ...free("discussion"), ...tie }, true)).toEqual([]);
    expect(agendaReasons({ ...free("break"), ...tie }, true)).toEqual([]);
    expect(agendaReasons({ kind: "discussion", requires_signup: 1, ...tie, favourite: true }, true)).toEqual([]);
  });

  it("keeps a registration that is no longer live to the sessions it speaks at or signed up for", () => {
    expect(agendaReasons({ ...free("plenary"), ...tie }, false)).toEqual([]);
    expect(agendaReasons({ ...free("discussion"), ...tie, favourite: true }, false)).toEqual([]);
    expect(agendaReasons({ ...free("plenary"), ...tie, role: "speaker" }, false)).toEqual(["role"]);
  });
});

describe("changesCalendar", () => {
  const base = {
    starts_at: "2026-12-13T01:00:00.000Z",
    ends_at: "2026-12-13T03:00:00.000Z",
    room_id: 1,
    title_vi: "Phiên khai mạc",
    title_en: "Opening",
  };
  it("counts a new time, room or title as a change, nothing else", () => {
    expect(changesCalendar(base, { ...base })).toBe(false);
    expect(changesCalendar(base, { ...base, starts_at: "2026-12-13T01:30:00.000Z" })).toBe(true);
    expect(changesCalendar(base, { ...base, ends_at: "2026-12-13T03:30:00.000Z" })).toBe(true);
    expect(changesCalendar(base, { ...base, room_id: null })).toBe(true);
    expect(changesCalendar(base, { ...base, title_vi: "Phiên khai mạc toàn thể" })).toBe(true);
    expect(changesCalendar(base, { ...base, title_en: "Opening plenary" })).toBe(true);
  });
});

describe("groupByDay", () => {
  it("groups by the conference's day, not UTC's, in time order", () => {
    const items = [
      { id: "closing", starts_at: "2026-12-14T08:30:00.000Z", ends_at: "2026-12-14T10:30:00.000Z" },
      // 06:30 on 14 Dec in Hà Nội is still 13 Dec in UTC.
      { id: "early", starts_at: "2026-12-13T23:30:00.000Z", ends_at: "2026-12-14T00:30:00.000Z" },
      { id: "meeting", starts_at: "2026-12-13T03:20:00.000Z", ends_at: "2026-12-13T03:40:00.000Z" },
      { id: "discussion", starts_at: "2026-12-13T03:20:00.000Z", ends_at: "2026-12-13T05:00:00.000Z" },
      { id: "opening", starts_at: "2026-12-13T01:00:00.000Z", ends_at: "2026-12-13T03:00:00.000Z" },
    ];
    const days = groupByDay(items, HCM);
    expect(days.map((d) => [d.day, d.items.map((i) => i.id)])).toEqual([
      ["2026-12-13", ["opening", "meeting", "discussion"]],
      ["2026-12-14", ["early", "closing"]],
    ]);
    expect(groupByDay([], HCM)).toEqual([]);
  });
});
