// An independent check of a result against the hard rules of the design note.
// Deliberately simple and sharing no code with the solver (only the types).
import type { Instance, Result } from "./instance";
import { plural } from "../../../lib/plural";

export function validateResult(instance: Instance, result: Result): string[] {
  const violations: string[] = [];
  const slotIds = new Set(instance.slots.map((s) => s.id));
  const tableIds = new Set(instance.tables.map((t) => t.id));
  const requests = new Map(instance.requests.map((r) => [r.id, r]));
  const parties = new Map(instance.parties.map((p) => [p.id, p]));

  const placedCount = new Map<string, number>();
  const tableUse = new Map<string, string>();
  const partyUse = new Map<string, string>();
  const meetingsOf = new Map<string, number>();

  for (const m of result.meetings) {
    const request = requests.get(m.request);
    if (!request) {
      violations.push(`meeting for unknown request "${m.request}"`);
      continue;
    }
    if (!slotIds.has(m.slot)) violations.push(`request "${m.request}" is in unknown slot "${m.slot}"`);
    if (!tableIds.has(m.table)) violations.push(`request "${m.request}" is at unknown table "${m.table}"`);
    placedCount.set(m.request, (placedCount.get(m.request) ?? 0) + 1);

    const tableKey = `${m.table}|${m.slot}`;
    const atTable = tableUse.get(tableKey);
    if (atTable !== undefined) {
      violations.push(`table "${m.table}" holds "${atTable}" and "${m.request}" in slot "${m.slot}"`);
    } else tableUse.set(tableKey, m.request);

    for (const partyId of [request.a, request.b]) {
      const key = `${partyId}|${m.slot}`;
      const busy = partyUse.get(key);
      if (busy !== undefined) {
        violations.push(`"${partyId}" is in "${busy}" and "${m.request}" in slot "${m.slot}"`);
      } else partyUse.set(key, m.request);
      const party = parties.get(partyId);
      if (party?.available !== undefined && !party.available.includes(m.slot)) {
        violations.push(`"${partyId}" is not available in slot "${m.slot}" (request "${m.request}")`);
      }
      meetingsOf.set(partyId, (meetingsOf.get(partyId) ?? 0) + 1);
    }
  }

  for (const [id, n] of placedCount) {
    if (n > 1) violations.push(`request "${id}" is placed ${n} times`);
  }
  for (const party of instance.parties) {
    const n = meetingsOf.get(party.id) ?? 0;
    if (party.maxMeetings !== undefined && n > party.maxMeetings) {
      violations.push(
        `"${party.id}" has ${plural("en", n, { one: "# meeting", other: "# meetings" })}, more than its maximum of ${party.maxMeetings}`,
      );
    }
  }
  for (const lock of instance.locked) {
    const kept = result.meetings.some(
      (m) => m.request === lock.request && m.slot === lock.slot && m.table === lock.table,
    );
    if (!kept)
      violations.push(`locked meeting "${lock.request}" is not kept in slot "${lock.slot}" at table "${lock.table}"`);
  }

  const unscheduledCount = new Map<string, number>();
  for (const u of result.unscheduled) {
    if (!requests.has(u.request)) violations.push(`unscheduled entry for unknown request "${u.request}"`);
    if (typeof u.reason !== "string" || u.reason.trim() === "") {
      violations.push(`unscheduled request "${u.request}" has no reason`);
    }
    if (placedCount.has(u.request)) violations.push(`request "${u.request}" is both placed and unscheduled`);
    unscheduledCount.set(u.request, (unscheduledCount.get(u.request) ?? 0) + 1);
  }
  for (const [id, n] of unscheduledCount) {
    if (n > 1) violations.push(`request "${id}" is listed as unscheduled ${n} times`);
  }
  for (const request of instance.requests) {
    if (!placedCount.has(request.id) && !unscheduledCount.has(request.id)) {
      violations.push(`request "${request.id}" is neither placed nor listed as unscheduled`);
    }
  }
  return violations;
}
