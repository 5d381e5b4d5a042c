import type { Instance, MeetingRequest } from "~/features/meetings/scheduler/instance";
import { parseInstance } from "~/features/meetings/scheduler/instance";

/** Small scheduler instances for the unit tests: n twenty-minute slots, n tables, a request, a parsed instance. */
export const slots = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    id: `s${i + 1}`,
    start: new Date(Date.UTC(2026, 11, 13, 7, i * 20)).toISOString(),
    end: new Date(Date.UTC(2026, 11, 13, 7, i * 20 + 20)).toISOString(),
  }));
export const tables = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `T${i + 1}` }));
export const req = (id: string, a: string, b: string, priority: 1 | 2 | 3 = 1): MeetingRequest => ({
  id,
  a,
  b,
  priority,
});
/** Two slots and one table unless the test says otherwise; throws if the instance is malformed. */
export const make = (i: Partial<Instance> & Pick<Instance, "parties" | "requests">): Instance => {
  const parsed = parseInstance({ slots: slots(2), tables: tables(1), locked: [], ...i });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.instance;
};
