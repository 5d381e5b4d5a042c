import { createHash } from "node:crypto";

/**
 * HTTP validation for public documents that everyone downloads at the same moments (the programme's
 * PDF and calendar after each announcement): an ETag computed from the data the document is made
 * of, so a client that has it gets 304 before anything is drawn, and the drawn bytes are kept for
 * the next client while the data stays the same.
 */
export function etagOf(...parts: unknown[]): string {
  return `W/"${createHash("sha1").update(JSON.stringify(parts)).digest("base64url")}"`;
}

/** Whether the request's If-None-Match names this ETag (weak comparison, a list or "*"). */
export function matches(request: Request, etag: string): boolean {
  const header = request.headers.get("If-None-Match");
  if (!header) return false;
  if (header.trim() === "*") return true;
  const bare = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => bare(tag) === bare(etag));
}

/** Public, but checked with the server every time (a changed session shows at once). */
export const REVALIDATE = "public, max-age=0, must-revalidate";

export function notModified(etag: string): Response {
  return new Response(null, { status: 304, headers: { ETag: etag, "Cache-Control": REVALIDATE } });
}

/** A few documents by ETag, the newest kept (the programme in two languages, before and after a change). */
export class DocumentCache<T> {
  readonly #entries = new Map<string, T>();
  constructor(readonly size = 4) {}

  async get(etag: string, make: () => Promise<T>): Promise<T> {
    const hit = this.#entries.get(etag);
    if (hit !== undefined) {
      this.#entries.delete(etag);
      this.#entries.set(etag, hit);
      return hit;
    }
    const value = await make();
    this.#entries.set(etag, value);
    while (this.#entries.size > this.size) this.#entries.delete(this.#entries.keys().next().value as string);
    return value;
  }
}
