import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../db/schema";

/**
 * The handle a model works on: the process's database, or the caller's transaction when the
 * change is one step of a larger one. Functions that may run inside a transaction take it first.
 */
export type Db = Kysely<Database> | Transaction<Database>;
export type Trx = Transaction<Database>;

/** Who acts, for the audit log: an account (null for the public form or the system) and its address. */
export interface Actor {
  id: string | null;
  ip: string | null;
}

export type MessageParams = Record<string, string | number>;

/**
 * Why a model refused, in words the caller can show (a dictionary key) and with the kind that
 * decides the HTTP answer: forbidden 403, notFound 404, invalid 400, conflict 409, and tooMany
 * 429 (a limit on attempts: sign-in, the public form, password resets).
 * `field` names the form field the message belongs beside ("" or absent: the whole form).
 */
export type RefusalKind = "forbidden" | "notFound" | "invalid" | "conflict" | "tooMany";
export interface Refusal {
  kind: RefusalKind;
  key: string;
  params?: MessageParams;
  field?: string;
}
export type Refused = { ok: false; refusal: Refusal };
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- a result with nothing more than ok
export type Result<T extends object = {}> = ({ ok: true } & T) | Refused;

export function refuse(kind: RefusalKind, key: string, params?: MessageParams, field?: string): Refused {
  const refusal: Refusal = { kind, key };
  if (params) refusal.params = params;
  if (field) refusal.field = field;
  return { ok: false, refusal };
}
export const forbidden = (key: string, params?: MessageParams) => refuse("forbidden", key, params);
export const notFound = (key = "error.notFound.title", params?: MessageParams) => refuse("notFound", key, params);
export const invalid = (key: string, field?: string, params?: MessageParams) => refuse("invalid", key, params, field);
export const conflict = (key: string, params?: MessageParams, field?: string) => refuse("conflict", key, params, field);
export const tooMany = (key: string, params?: MessageParams) => refuse("tooMany", key, params);
