/**
 * Reading a JSON document whose shape is checked by hand (the solvers' instance files): each helper
 * throws a ReadError with one line a person can act on, and `readJson` turns it into a result.
 */
export class ReadError extends Error {}

export const fail = (message: string): never => {
  throw new ReadError(message);
};

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** `root[key]` as a list of objects (absent: empty, unless required). */
export function list(root: Record<string, unknown>, key: string, required: boolean): Record<string, unknown>[] {
  const value = root[key];
  if (value === undefined && !required) return [];
  if (!Array.isArray(value)) return fail(`"${key}" must be an array`);
  return value.map((item, i) => (isObject(item) ? item : fail(`${key}[${i}] must be an object`)));
}

/** `item[key]` as a non-empty string. */
export function text(item: Record<string, unknown>, key: string, where: string): string {
  const v = item[key];
  if (typeof v !== "string" || v.trim() === "") return fail(`${where}: "${key}" must be a non-empty string`);
  return v;
}

/** Items by id; a repeated id is an error. */
export function uniqueIds<T extends { id: string }>(items: T[], kind: string): Map<string, T> {
  const byId = new Map<string, T>();
  for (const item of items) {
    if (byId.has(item.id)) fail(`duplicate ${kind} id "${item.id}"`);
    byId.set(item.id, item);
  }
  return byId;
}

/** Runs a reader; its ReadError becomes `{ ok: false, error }`, anything else is a bug and is thrown. */
export function readJson<T>(read: () => T): { ok: true; value: T } | { ok: false; error: string } {
  try {
    return { ok: true, value: read() };
  } catch (error) {
    if (error instanceof ReadError) return { ok: false, error: error.message };
    throw error;
  }
}
