import { describe, expect, it } from "vitest";
import { delegateFilterParams, parseDelegateFilters } from "~/lib/delegate-filters";
import { joinWindow } from "~/lib/join";
import {
  badgeCodeFrom,
  delegateMayCancel,
  holdsInPersonPlace,
  normaliseBadgeCode,
  organiserMayMove,
  waitReason,
} from "~/lib/registration";

describe("places", () => {
  const counts = (used: number, capacity: number, organisationUsed = 0, quota: number | null = null) => ({ used, capacity, organisationUsed, quota });

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

describe("badge codes", () => {
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
    const f = parseDelegateFilters(new URLSearchParams("q=ha%20noi&status=approved&mode=teleport&kind=province&organisation=12&sort=name&dir=desc&page=3"));
    expect(f).toEqual({ q: "ha noi", status: "approved", mode: null, kind: "province", organisationId: 12, sort: "name", desc: true, page: 3 });
    expect(delegateFilterParams(f, { page: 1 }).toString()).toBe("q=ha+noi&status=approved&kind=province&organisation=12&sort=name&dir=desc");
    expect(parseDelegateFilters(new URLSearchParams("page=-2&organisation=abc&sort=drop"))).toMatchObject({ page: 1, organisationId: null, sort: "created" });
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
