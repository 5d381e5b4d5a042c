import { describe, expect, it } from "vitest";
import { delegateFilterParams, parseDelegateFilters } from "~/features/registration/delegate-filters";
import { joinWindow } from "~/features/registration/join";
import { ORGANISATION_KINDS } from "~/auth/roles";
import {
  BADGE_CATEGORIES,
  STATUSES,
  badgeCodeFrom,
  delegateMayCancel,
  holdsInPersonPlace,
  normaliseBadgeCode,
  organiserMayMove,
  waitReason,
} from "~/features/registration/rules";

describe("places", () => {
  const counts = (used: number, capacity: number, organisationUsed = 0, quota: number | null = null) => ({
    used,
    capacity,
    organisationUsed,
    quota,
  });

  it("holds an in-person place while pending or approved only", () => {
    expect(holdsInPersonPlace({ mode: "in_person", status: "pending" })).toBe(true);
    expect(holdsInPersonPlace({ mode: "in_person", status: "approved" })).toBe(true);
    expect(holdsInPersonPlace({ mode: "in_person", status: "waitlisted" })).toBe(false);
    expect(holdsInPersonPlace({ mode: "online", status: "approved" })).toBe(false);
  });

  it("says why an in-person registration must wait: the conference or the organisation's quota is full", () => {
    expect(waitReason(counts(9, 10))).toBeNull();
    expect(waitReason(counts(10, 10))).toBe("capacity");
    expect(waitReason(counts(3, 10, 3, 3))).toBe("quota");
    expect(waitReason(counts(10, 10, 3, 3))).toBe("capacity");
    expect(waitReason(counts(3, 10, 2, 3))).toBeNull();
    expect(waitReason(counts(0, 0))).toBe("capacity");
  });

  it("knows which status moves are allowed", () => {
    expect(organiserMayMove("pending", "approved")).toBe(true);
    expect(organiserMayMove("waitlisted", "approved")).toBe(true);
    expect(organiserMayMove("cancelled", "approved")).toBe(false);
    expect(organiserMayMove("approved", "waitlisted")).toBe(false);
    expect(delegateMayCancel("approved")).toBe(true);
    expect(delegateMayCancel("rejected")).toBe(false);
  });
});

describe("status moves", () => {
  // The organisers' table of moves: anything not listed is refused.
  const allowed = new Set([
    "pending→approved",
    "pending→rejected",
    "waitlisted→approved",
    "waitlisted→rejected",
    "approved→rejected",
    "approved→pending",
    "rejected→pending",
    "rejected→approved",
    "cancelled→pending",
  ]);
  it.each(STATUSES.flatMap((from) => STATUSES.map((to) => [from, to] as const)))(
    "an organiser may move %s → %s only if the table says so",
    (from, to) => {
      expect(organiserMayMove(from, to)).toBe(allowed.has(`${from}→${to}`));
    },
  );

  it("lets a delegate cancel a pending, approved or waitlisted registration only", () => {
    expect(STATUSES.filter(delegateMayCancel)).toEqual(["pending", "approved", "waitlisted"]);
  });
});

describe("badge categories", () => {
  it("give every organisation kind its own colour and its own Vietnamese code", () => {
    expect(Object.keys(BADGE_CATEGORIES).sort()).toEqual([...ORGANISATION_KINDS].sort());
    const colours = ORGANISATION_KINDS.map((k) => BADGE_CATEGORIES[k].colour);
    for (const c of colours) expect(c).toMatch(/^#[0-9a-f]{6}$/);
    expect(new Set(colours).size).toBe(ORGANISATION_KINDS.length);
    expect(Object.fromEntries(ORGANISATION_KINDS.map((k) => [k, BADGE_CATEGORIES[k].code]))).toEqual({
      ministry: "BN",
      province: "ĐP",
      mission: "CQĐD",
      foreign: "QT",
      enterprise: "DN",
      other: "KH",
    });
  });
});

describe("badge codes", () => {
  const bytes = (...b: number[]) => new Uint8Array(b);
  it("spell the low 60 bits, five at a time, lowest first", () => {
    expect(badgeCodeFrom(bytes(0, 0, 0, 0, 0, 0, 0, 0))).toBe("0000-0000-0000");
    expect(badgeCodeFrom(bytes(0, 0, 0, 0, 0, 0, 0, 1))).toBe("1000-0000-0000");
    expect(badgeCodeFrom(bytes(0, 0, 0, 0, 0, 0, 0, 31))).toBe("Z000-0000-0000");
    expect(badgeCodeFrom(bytes(0, 0, 0, 0, 0, 0, 0, 32))).toBe("0100-0000-0000");
    expect(badgeCodeFrom(bytes(0, 0, 0, 0, 0, 0, 1, 0))).toBe("0800-0000-0000");
    expect(badgeCodeFrom(bytes(255, 255, 255, 255, 255, 255, 255, 255))).toBe("ZZZZ-ZZZZ-ZZZZ");
    // The top 4 of the 64 bits are not used.
    expect(badgeCodeFrom(bytes(0xf0, 0, 0, 0, 0, 0, 0, 0))).toBe("0000-0000-0000");
    expect(badgeCodeFrom(bytes(0x08, 0, 0, 0, 0, 0, 0, 0))).toBe("0000-0000-000G");
  });

  it("read the first 8 bytes only", () => {
    expect(badgeCodeFrom(bytes(1, 2, 3, 4, 5, 6, 7, 8, 9, 10))).toBe(badgeCodeFrom(bytes(1, 2, 3, 4, 5, 6, 7, 8)));
  });

  it("are 12 unambiguous characters from 60 random bits", () => {
    const code = badgeCodeFrom(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]));
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(badgeCodeFrom(new Uint8Array([8, 7, 6, 5, 4, 3, 2, 1]))).not.toBe(code);
  });

  it("accept what a person types: lower case, no dashes, O for 0 and I/L for 1", () => {
    expect(normaliseBadgeCode("hnvv-2021-0001")).toBe("HNVV-2021-0001");
    expect(normaliseBadgeCode(" HNVV 2O2I 000L ")).toBe("HNVV-2021-0001");
    expect(normaliseBadgeCode("HNVV20210001")).toBe("HNVV-2021-0001");
    expect(normaliseBadgeCode("HNVV-2021")).toBeNull();
    expect(normaliseBadgeCode("UUUU-2021-0001")).toBeNull();
  });
});

describe("delegate list filters", () => {
  it("reads only known values from the URL and writes back only what differs from the defaults", () => {
    const f = parseDelegateFilters(
      new URLSearchParams(
        "q=ha%20noi&status=approved&mode=teleport&kind=province&organisation=12&sort=name&dir=desc&page=3",
      ),
    );
    expect(f).toEqual({
      q: "ha noi",
      status: "approved",
      mode: null,
      kind: "province",
      organisationId: 12,
      sort: "name",
      desc: true,
      page: 3,
    });
    expect(delegateFilterParams(f, { page: 1 }).toString()).toBe(
      "q=ha+noi&status=approved&kind=province&organisation=12&sort=name&dir=desc",
    );
    expect(parseDelegateFilters(new URLSearchParams("page=-2&organisation=abc&sort=drop"))).toMatchObject({
      page: 1,
      organisationId: null,
      sort: "created",
    });
  });
});

describe("join window", () => {
  const start = "2026-12-13T01:00:00.000Z";
  const end = "2026-12-13T03:00:00.000Z";
  it("opens 15 minutes before the start and closes at the end", () => {
    expect(joinWindow(start, end, new Date("2026-12-13T00:44:00Z"))).toBe("early");
    expect(joinWindow(start, end, new Date("2026-12-13T00:45:00Z"))).toBe("open");
    expect(joinWindow(start, end, new Date("2026-12-13T03:00:00Z"))).toBe("open");
    expect(joinWindow(start, end, new Date("2026-12-13T03:00:01Z"))).toBe("ended");
  });
});
