import { fail, isObject, list, readJson, text, uniqueIds } from "~/lib/json-reader";
// The bilateral meeting scheduler's file format (docs: shared/design/meeting-scheduling.md).
// Pure: no database, no Remix. parseInstance is strict so the solver can trust its input.

export type Slot = { id: string; start: string; end: string };
export type Table = { id: string };
export type Party = { id: string; available?: string[]; maxMeetings?: number };
export type MeetingRequest = { id: string; a: string; b: string; priority: 1 | 2 | 3 };
export type Meeting = { request: string; slot: string; table: string };
export type Unscheduled = { request: string; reason: string };

export type Instance = {
  slots: Slot[];
  tables: Table[];
  parties: Party[];
  requests: MeetingRequest[];
  locked: Meeting[];
};

export type Result = { meetings: Meeting[]; unscheduled: Unscheduled[] };

export type ParseOutcome = { ok: true; instance: Instance } | { ok: false; error: string };

function onlyKeys(item: Record<string, unknown>, allowed: string[], where: string) {
  for (const key of Object.keys(item)) {
    if (!allowed.includes(key)) fail(`${where}: unknown field "${key}"`);
  }
}

function parse(json: unknown): Instance {
  if (!isObject(json)) fail("the instance must be a JSON object");
  const root = json as Record<string, unknown>;
  onlyKeys(root, ["slots", "tables", "parties", "requests", "locked"], "instance");

  const slots = list(root, "slots", true).map((s, i): Slot => {
    const where = `slots[${i}]`;
    onlyKeys(s, ["id", "start", "end"], where);
    const slot = { id: text(s, "id", where), start: text(s, "start", where), end: text(s, "end", where) };
    const start = Date.parse(slot.start);
    const end = Date.parse(slot.end);
    if (Number.isNaN(start) || Number.isNaN(end)) fail(`slot "${slot.id}": start and end must be ISO date-times`);
    if (end <= start) fail(`slot "${slot.id}": end must be after start`);
    return slot;
  });
  const slotById = uniqueIds(slots, "slot");

  const tables = list(root, "tables", true).map((t, i): Table => {
    onlyKeys(t, ["id"], `tables[${i}]`);
    return { id: text(t, "id", `tables[${i}]`) };
  });
  const tableById = uniqueIds(tables, "table");

  const parties = list(root, "parties", true).map((p, i): Party => {
    const where = `parties[${i}]`;
    onlyKeys(p, ["id", "available", "maxMeetings"], where);
    const party: Party = { id: text(p, "id", where) };
    if (p.available !== undefined) {
      if (!Array.isArray(p.available)) fail(`party "${party.id}": "available" must be an array of slot ids`);
      const available = p.available as unknown[];
      const seen = new Set<string>();
      for (const s of available) {
        if (typeof s !== "string") return fail(`party "${party.id}": "available" must be an array of slot ids`);
        if (!slotById.has(s)) fail(`party "${party.id}" is available in unknown slot "${s}"`);
        if (seen.has(s)) fail(`party "${party.id}" lists slot "${s}" twice in "available"`);
        seen.add(s);
      }
      party.available = [...seen];
    }
    if (p.maxMeetings !== undefined) {
      const m = p.maxMeetings;
      if (typeof m !== "number" || !Number.isInteger(m) || m < 0) {
        fail(`party "${party.id}": "maxMeetings" must be a whole number ≥ 0`);
      }
      party.maxMeetings = m as number;
    }
    return party;
  });
  const partyById = uniqueIds(parties, "party");

  const requests = list(root, "requests", true).map((r, i): MeetingRequest => {
    const where = `requests[${i}]`;
    onlyKeys(r, ["id", "a", "b", "priority"], where);
    const id = text(r, "id", where);
    const a = text(r, "a", where);
    const b = text(r, "b", where);
    if (!partyById.has(a)) fail(`request "${id}" names unknown party "${a}"`);
    if (!partyById.has(b)) fail(`request "${id}" names unknown party "${b}"`);
    if (a === b) fail(`request "${id}" asks "${a}" to meet itself`);
    const priority = r.priority === undefined ? 1 : r.priority;
    if (priority !== 1 && priority !== 2 && priority !== 3) fail(`request "${id}": priority must be 1, 2 or 3`);
    return { id, a, b, priority: priority as 1 | 2 | 3 };
  });
  const requestById = uniqueIds(requests, "request");

  const locked = list(root, "locked", false).map((m, i): Meeting => {
    const where = `locked[${i}]`;
    onlyKeys(m, ["request", "slot", "table"], where);
    const meeting = {
      request: text(m, "request", where),
      slot: text(m, "slot", where),
      table: text(m, "table", where),
    };
    if (!requestById.has(meeting.request)) fail(`locked meeting names unknown request "${meeting.request}"`);
    if (!slotById.has(meeting.slot)) fail(`locked meeting "${meeting.request}" is in unknown slot "${meeting.slot}"`);
    if (!tableById.has(meeting.table))
      fail(`locked meeting "${meeting.request}" is at unknown table "${meeting.table}"`);
    return meeting;
  });
  checkLocked(locked, requestById, partyById);
  return { slots, tables, parties, requests, locked };
}

// Locked meetings must obey the hard rules among themselves, or no valid result exists.
function checkLocked(locked: Meeting[], requestById: Map<string, MeetingRequest>, partyById: Map<string, Party>) {
  const requestSeen = new Set<string>();
  const tableSlot = new Map<string, string>();
  const partySlot = new Map<string, string>();
  const count = new Map<string, number>();
  for (const m of locked) {
    if (requestSeen.has(m.request)) fail(`request "${m.request}" is locked twice`);
    requestSeen.add(m.request);
    const ts = `${m.table}\u0000${m.slot}`;
    const other = tableSlot.get(ts);
    if (other) fail(`locked meetings "${other}" and "${m.request}" clash at table "${m.table}" in slot "${m.slot}"`);
    tableSlot.set(ts, m.request);
    const request = requestById.get(m.request)!;
    for (const p of [request.a, request.b]) {
      const ps = `${p}\u0000${m.slot}`;
      const clash = partySlot.get(ps);
      if (clash) fail(`locked meetings "${clash}" and "${m.request}" both need "${p}" in slot "${m.slot}"`);
      partySlot.set(ps, m.request);
      const party = partyById.get(p)!;
      if (party.available && !party.available.includes(m.slot)) {
        fail(`locked meeting "${m.request}" is in slot "${m.slot}" where "${p}" is not available`);
      }
      const n = (count.get(p) ?? 0) + 1;
      count.set(p, n);
      if (party.maxMeetings !== undefined && n > party.maxMeetings) {
        fail(`"${p}" has more locked meetings than its maximum of ${party.maxMeetings}`);
      }
    }
  }
}

/** Validates the design note's format strictly; the error is one line a person can act on. */
export function parseInstance(json: unknown): ParseOutcome {
  const read = readJson(() => parse(json));
  return read.ok ? { ok: true, instance: read.value } : read;
}
