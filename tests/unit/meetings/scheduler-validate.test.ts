import { describe, expect, it } from "vitest";
import { parseInstance, type Instance, type Result } from "~/features/meetings/scheduler/instance";
import { validateResult } from "~/features/meetings/scheduler/validate";

const slot = (id: string, h: number) => ({
  id,
  start: `2026-12-13T${h}:00:00+07:00`,
  end: `2026-12-13T${h}:20:00+07:00`,
});
const base: Instance = {
  slots: [slot("s1", 14), slot("s2", 15)],
  tables: [{ id: "T1" }, { id: "T2" }],
  parties: [{ id: "A" }, { id: "B", available: ["s1"] }, { id: "C", maxMeetings: 1 }, { id: "D" }, { id: "E" }],
  requests: [
    { id: "r1", a: "A", b: "B", priority: 3 },
    { id: "r2", a: "C", b: "D", priority: 2 },
    { id: "r3", a: "A", b: "C", priority: 1 },
    { id: "r4", a: "A", b: "E", priority: 1 },
  ],
  locked: [{ request: "r2", slot: "s2", table: "T2" }],
};
const good: Result = {
  meetings: [
    { request: "r1", slot: "s1", table: "T1" },
    { request: "r2", slot: "s2", table: "T2" },
    { request: "r4", slot: "s2", table: "T1" },
  ],
  unscheduled: [{ request: "r3", reason: "C has reached its maximum of 1 meeting" }],
};
const check = (change: (r: Result) => void) => {
  const result: Result = structuredClone(good);
  change(result);
  return validateResult(base, result);
};

describe("validateResult", () => {
  it("accepts a valid result", () => {
    expect(parseInstance(base).ok).toBe(true);
    expect(validateResult(base, good)).toEqual([]);
  });

  it.each<[string, (r: Result) => void, RegExp]>([
    ["a request placed twice", (r) => r.meetings.push({ request: "r1", slot: "s2", table: "T2" }), /placed 2 times/],
    ["a party in two meetings at once", (r) => (r.meetings[2].slot = "s1"), /"A" is in "r1" and "r4" in slot "s1"/],
    ["a party outside its availability", (r) => (r.meetings[0].slot = "s2"), /"B" is not available in slot "s2"/],
    ["two meetings at one table", (r) => (r.meetings[2].table = "T2"), /table "T2" holds "r2" and "r4"/],
    [
      "a cap exceeded",
      (r) => (r.meetings.push({ request: "r3", slot: "s1", table: "T2" }), (r.unscheduled = [])),
      /"C" has 2 meetings, more than its maximum of 1/,
    ],
    [
      "a locked meeting moved",
      (r) => ((r.meetings[1].table = "T1"), (r.meetings[2].table = "T2")),
      /locked meeting "r2" is not kept/,
    ],
    ["a locked meeting dropped", (r) => r.meetings.splice(1, 1), /locked meeting "r2" is not kept/],
    [
      "a locked meeting moved to another slot at its table",
      (r) => (r.meetings[1].slot = "s1"),
      /locked meeting "r2" is not kept in slot "s2" at table "T2"/,
    ],
    ["a request neither placed nor listed", (r) => (r.unscheduled = []), /"r3" is neither placed nor listed/],
    [
      "a request placed and unscheduled",
      (r) => r.unscheduled.push({ request: "r1", reason: "x" }),
      /"r1" is both placed and unscheduled/,
    ],
    ["an unscheduled request without a reason", (r) => (r.unscheduled[0].reason = " "), /"r3" has no reason/],
    [
      "an unscheduled request listed twice",
      (r) => r.unscheduled.push({ request: "r3", reason: "x" }),
      /listed as unscheduled 2 times/,
    ],
    ["an unknown request", (r) => r.meetings.push({ request: "r9", slot: "s1", table: "T2" }), /unknown request "r9"/],
    [
      "an unknown unscheduled request",
      (r) => r.unscheduled.push({ request: "r9", reason: "x" }),
      /unknown request "r9"/,
    ],
    ["an unknown slot", (r) => (r.meetings[2].slot = "s7"), /unknown slot "s7"/],
    ["an unknown table", (r) => (r.meetings[2].table = "T9"), /unknown table "T9"/],
    [
      "a locked place given to another request",
      (r) => ((r.meetings[1].request = "r3"), (r.unscheduled = [{ request: "r2", reason: "x" }])),
      /locked meeting "r2" is not kept in slot "s2" at table "T2"/,
    ],
    [
      "an unscheduled request whose reason is missing",
      (r) => delete (r.unscheduled[0] as { reason?: string }).reason,
      /"r3" has no reason/,
    ],
  ])("catches %s", (_name, change, message) => {
    const violations = check(change);
    expect(
      violations.some((v) => message.test(v)),
      violations.join("\n"),
    ).toBe(true);
  });
});

describe("validateResult on maxima", () => {
  it("counts a single meeting against a maximum of none", () => {
    const instance: Instance = {
      ...base,
      parties: base.parties.map((p) => (p.id === "E" ? { ...p, maxMeetings: 0 } : p)),
    };
    expect(validateResult(instance, good)).toEqual(['"E" has 1 meeting, more than its maximum of 0']);
  });
  it("accepts a party exactly at its maximum and names every party over it", () => {
    const instance: Instance = {
      ...base,
      parties: base.parties.map((p) =>
        p.id === "A" ? { ...p, maxMeetings: 2 } : p.id === "D" ? { ...p, maxMeetings: 0 } : p,
      ),
    };
    expect(validateResult(instance, good)).toEqual(['"D" has 1 meeting, more than its maximum of 0']);
  });
});

describe("parseInstance", () => {
  // Malformed instances are built on purpose: the parser must refuse what the types would not allow.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  type Loose = any;
  const withChange = (change: (i: Loose) => void) => {
    const copy: Loose = structuredClone(base);
    change(copy);
    return parseInstance(copy);
  };
  it("defaults priority to 1 and keeps the rest", () => {
    const parsed = withChange((i) => delete i.requests[3].priority);
    expect(parsed.ok && parsed.instance.requests[3].priority).toBe(1);
    expect(parsed.ok && parsed.instance.locked).toEqual(base.locked);
  });
  it.each<[string, unknown, string]>([
    ["not an object", [1, 2], "the instance must be a JSON object"],
    ["null", null, "the instance must be a JSON object"],
    ["a string", "slots", "the instance must be a JSON object"],
    ["missing slots", { tables: [], parties: [], requests: [] }, '"slots" must be an array'],
    ["missing tables", { slots: [], parties: [], requests: [] }, '"tables" must be an array'],
    ["missing parties", { slots: [], tables: [], requests: [] }, '"parties" must be an array'],
    ["missing requests", { slots: [], tables: [], parties: [] }, '"requests" must be an array'],
    [
      "locked that is not a list",
      { slots: [], tables: [], parties: [], requests: [], locked: {} },
      '"locked" must be an array',
    ],
    [
      "a field the format does not have",
      { slots: [], tables: [], parties: [], requests: [], extra: 1 },
      'instance: unknown field "extra"',
    ],
    ["a slot that is null", { slots: [null], tables: [], parties: [], requests: [] }, "slots[0] must be an object"],
    [
      "a table that is a list",
      { slots: [], tables: [["T1"]], parties: [], requests: [] },
      "tables[0] must be an object",
    ],
    ["a party that is text", { slots: [], tables: [], parties: ["A"], requests: [] }, "parties[0] must be an object"],
  ])("refuses %s", (_n, json, message) => {
    expect(parseInstance(json)).toEqual({ ok: false, error: message });
  });

  it("takes a missing locked list as none", () => {
    const { locked: _locked, ...rest } = structuredClone(base);
    expect(parseInstance(rest)).toEqual({ ok: true, instance: { ...rest, locked: [] } });
  });

  it("keeps availability, maxima of 0 and a locked meeting at its party's maximum", () => {
    const parsed = withChange((i) => {
      i.parties[4].maxMeetings = 0;
      i.parties[3].maxMeetings = 1; // D's one locked meeting is at its maximum
      i.parties[1].available = ["s1", "s2"];
    });
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.instance.parties[4]).toEqual({ id: "E", maxMeetings: 0 });
      expect(parsed.instance.parties[3]).toEqual({ id: "D", maxMeetings: 1 });
      expect(parsed.instance.parties[1]).toEqual({ id: "B", available: ["s1", "s2"] });
    }
  });

  it("passes on errors that are not about the instance", () => {
    const json = { tables: [], parties: [], requests: [] };
    Object.defineProperty(json, "slots", {
      enumerable: true,
      get: () => {
        throw new RangeError("boom");
      },
    });
    expect(() => parseInstance(json)).toThrow(RangeError);
  });
  it.each<[string, (i: Loose) => void, RegExp]>([
    ["an unknown party", (i) => (i.requests[0].b = "Z"), /request "r1" names unknown party "Z"/],
    ["an unknown slot in available", (i) => (i.parties[1].available = ["s9"]), /unknown slot "s9"/],
    ["a duplicate request id", (i) => (i.requests[1].id = "r1"), /duplicate request id "r1"/],
    ["a duplicate party id", (i) => (i.parties[1].id = "A"), /duplicate party id "A"/],
    ["a duplicate slot id", (i) => (i.slots[1].id = "s1"), /duplicate slot id "s1"/],
    ["a request to oneself", (i) => (i.requests[0].b = "A"), /asks "A" to meet itself/],
    ["a priority of 4", (i) => (i.requests[0].priority = 4), /priority must be 1, 2 or 3/],
    ["a negative cap", (i) => (i.parties[0].maxMeetings = -1), /maxMeetings/],
    ["a bad time", (i) => (i.slots[0].start = "soon"), /ISO date-times/],
    ["a locked meeting on an unknown table", (i) => (i.locked[0].table = "T7"), /unknown table "T7"/],
    ["a locked meeting in an unknown slot", (i) => (i.locked[0].slot = "s7"), /unknown slot "s7"/],
    ["a locked unknown request", (i) => (i.locked[0].request = "r7"), /unknown request "r7"/],
    [
      "two locked meetings at one table",
      (i) => i.locked.push({ request: "r4", slot: "s2", table: "T2" }),
      /"r2" and "r4" clash at table "T2"/,
    ],
    [
      "two locked meetings for one party",
      (i) => i.locked.push({ request: "r3", slot: "s2", table: "T1" }),
      /both need "C" in slot "s2"/,
    ],
    [
      "a locked meeting outside availability",
      (i) => i.locked.push({ request: "r1", slot: "s2", table: "T1" }),
      /where "B" is not available/,
    ],
    ["an unknown field", (i) => (i.requests[0].prio = 2), /unknown field "prio"/],
    ["a slot id that is not text", (i) => (i.slots[1].id = 2), /^slots\[1\]: "id" must be a non-empty string$/],
    ["an empty slot id", (i) => (i.slots[1].id = ""), /^slots\[1\]: "id" must be a non-empty string$/],
    ["a blank slot end", (i) => (i.slots[0].end = "  "), /^slots\[0\]: "end" must be a non-empty string$/],
    ["an unknown slot field", (i) => (i.slots[0].room = "A"), /^slots\[0\]: unknown field "room"$/],
    [
      "a slot that ends as it starts",
      (i) => (i.slots[0].end = i.slots[0].start),
      /^slot "s1": end must be after start$/,
    ],
    [
      "a slot that ends before it starts",
      (i) => (i.slots[0].end = "2026-12-13T13:00:00+07:00"),
      /^slot "s1": end must be after start$/,
    ],
    ["an unknown table field", (i) => (i.tables[1].seats = 4), /^tables\[1\]: unknown field "seats"$/],
    ["a table without an id", (i) => delete i.tables[1].id, /^tables\[1\]: "id" must be a non-empty string$/],
    ["a duplicate table id", (i) => (i.tables[1].id = "T1"), /^duplicate table id "T1"$/],
    ["an unknown party field", (i) => (i.parties[2].name = "C"), /^parties\[2\]: unknown field "name"$/],
    [
      "availability that is not a list",
      (i) => (i.parties[1].available = "s1"),
      /^party "B": "available" must be an array of slot ids$/,
    ],
    [
      "availability that is not slot ids",
      (i) => (i.parties[1].available = [1]),
      /^party "B": "available" must be an array of slot ids$/,
    ],
    [
      "a slot listed twice in availability",
      (i) => (i.parties[1].available = ["s1", "s1"]),
      /^party "B" lists slot "s1" twice in "available"$/,
    ],
    [
      "a cap that is text",
      (i) => (i.parties[0].maxMeetings = "2"),
      /^party "A": "maxMeetings" must be a whole number ≥ 0$/,
    ],
    [
      "a cap that is a fraction",
      (i) => (i.parties[0].maxMeetings = 1.5),
      /^party "A": "maxMeetings" must be a whole number ≥ 0$/,
    ],
    ["a request without an id", (i) => (i.requests[2].id = " "), /^requests\[2\]: "id" must be a non-empty string$/],
    ["an unknown first party", (i) => (i.requests[2].a = "Q"), /^request "r3" names unknown party "Q"$/],
    [
      "a locked meeting without a table",
      (i) => delete i.locked[0].table,
      /^locked\[0\]: "table" must be a non-empty string$/,
    ],
    [
      "a request locked twice",
      (i) => i.locked.push({ request: "r2", slot: "s1", table: "T1" }),
      /^request "r2" is locked twice$/,
    ],
    [
      "locked meetings over a party's maximum",
      (i) => ((i.parties[2].maxMeetings = 1), i.locked.push({ request: "r3", slot: "s1", table: "T1" })),
      /^"C" has more locked meetings than its maximum of 1$/,
    ],
    [
      "locked meetings over a maximum of none",
      (i) => (i.parties[3].maxMeetings = 0),
      /^"D" has more locked meetings than its maximum of 0$/,
    ],
  ])("refuses %s", (_name, change, message) => {
    const parsed = withChange(change);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error).toMatch(message);
      expect(parsed.error).not.toContain("\n");
    }
  });
});
