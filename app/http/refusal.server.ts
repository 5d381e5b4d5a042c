import { json } from "@remix-run/node";
import type { Refusal, RefusalKind } from "~/platform/types";

const STATUS: Record<RefusalKind, 400 | 403 | 404 | 409 | 429> = {
  invalid: 400,
  forbidden: 403,
  notFound: 404,
  conflict: 409,
  tooMany: 429,
};

/** The HTTP status a refusal of this kind answers with. */
export function statusOf(kind: RefusalKind): 400 | 403 | 404 | 409 | 429 {
  return STATUS[kind];
}

/** The errors object forms show: the message beside its field, or over the whole form (""). */
export function refusalErrors(refusal: Refusal): Record<string, string> {
  return { [refusal.field ?? ""]: refusal.key };
}

/**
 * An action's answer to a refusal: the page's own action data (intent, values…) with the
 * refusal's message and params, at the refusal's status. Every route answers refusals this way.
 */
export function replyRefusal<T extends object>(refusal: Refusal, data: T = {} as T) {
  return json({ ...data, errors: refusalErrors(refusal), params: refusal.params }, { status: statusOf(refusal.kind) });
}

/**
 * An action's answer to a refusal where a missing row is the 404 page: notFound stops with the
 * error page (throwRefusal), any other kind answers with the page's action data (replyRefusal).
 */
export function replyOrNotFound<T extends object>(refusal: Refusal, data: T = {} as T) {
  if (refusal.kind === "notFound") throwRefusal(refusal);
  return replyRefusal(refusal, data);
}

/** For loaders: stops with the error page of the refusal's status (translated by the root's boundary). */
export function throwRefusal(refusal: Refusal): never {
  throw json({ message: refusal.key, params: refusal.params }, { status: statusOf(refusal.kind) });
}

/** Stops with the 404 page. */
export function notFound(key = "error.notFound.title"): never {
  throw json({ message: key }, { status: 404 });
}

/** A row id from the URL or a form: a positive integer, or null. */
export function idOf(value: string | null | undefined): number | null {
  const id = Number(value);
  return !value || !Number.isSafeInteger(id) || id < 1 || String(id) !== value.trim() ? null : id;
}

/** A row id from the URL or a form: a positive integer, or the 404 page. */
export function parseId(value: string | null | undefined): number {
  const id = idOf(value);
  if (id === null) notFound();
  return id;
}
