/**
 * The audit log read as sentences in the reader's language: "Nguyễn Thị Thu Hà duyệt đăng ký
 * của Lê Văn Hùng: chờ duyệt → đã duyệt". Pure: the read side (audit.server.ts) resolves who
 * acted and on what (names, titles), this turns an entry into words. Unit-tested for every
 * action code that recordAudit writes.
 */
import { fillMessage, type Locale } from "./i18n";
import { auditEn } from "./audit-messages.en";
import { auditVi, type AuditMessageKey } from "./audit-messages.vi";

const MESSAGES: Record<Locale, Record<AuditMessageKey, string>> = { vi: auditVi, en: auditEn };

// Not action codes: who, what, statuses, kinds, and the ".self" variants (the person acted on their own record).
const NOT_ACTIONS = /^(actor|target|status|kind|jobKind)\.|^unknown$|\.self$/;

/** Every action code with a sentence of its own. */
export const AUDIT_ACTIONS = (Object.keys(auditVi) as AuditMessageKey[]).filter((k) => !NOT_ACTIONS.test(k));

/** Kinds of action, for the filter: the family an action code belongs to ("meeting_request.accept" → "meeting"). */
export const AUDIT_KINDS = [
  "agreement",
  "auth",
  "conference",
  "document",
  "exhibition",
  "invitation",
  "job",
  "meeting",
  "outbox",
  "proceedings",
  "quota",
  "registration",
  "room",
  "session",
  "user",
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

export function auditKindOf(action: string): AuditKind | null {
  const family = action.split(".")[0].split("_")[0];
  return (AUDIT_KINDS as readonly string[]).includes(family) ? (family as AuditKind) : null;
}

/** The action codes of a kind (what the filter looks for). */
export function actionsOfKind(kind: AuditKind): string[] {
  return AUDIT_ACTIONS.filter((a) => auditKindOf(a) === kind);
}

export function auditKindLabel(kind: AuditKind, locale: Locale): string {
  return MESSAGES[locale][`kind.${kind}`];
}

/** One audit entry as the read side gives it. */
export interface AuditLine {
  action: string;
  /** The JSON stored with the entry, or null. */
  detail: string | null;
  /** Who acted (null: the system, or a visitor who was not signed in). */
  actorName: string | null;
  /** What they acted on, in words (a person's name, a session's title), when known. */
  target: string | null;
  entityId: string | null;
}

const VISITOR_ACTIONS = new Set([
  "registration.request",
  "registration.request_known_address",
  "user.password_reset_request",
]);
const STATUSES = new Set(["pending", "approved", "waitlisted", "rejected", "cancelled"]);

function parseDetail(detail: string | null): Record<string, unknown> {
  if (!detail) return {};
  try {
    const value: unknown = JSON.parse(detail);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function isAction(action: string): action is AuditMessageKey {
  return (AUDIT_ACTIONS as string[]).includes(action);
}

/** The sentence for one entry, in `locale`; an action without a sentence of its own reads "who: code". */
export function auditSentence(line: AuditLine, locale: Locale): string {
  const m = MESSAGES[locale];
  const detail = parseDetail(line.detail);
  const actor =
    line.actorName ??
    (VISITOR_ACTIONS.has(line.action)
      ? m["actor.visitor"]
      : line.action === "session.join_online"
        ? m["actor.onlineDelegate"]
        : m["actor.system"]);
  const target = line.target ?? (line.entityId ? fillMessage(locale, m["target.unknown"], { id: line.entityId }) : "");
  const n = typeof detail.n === "number" ? detail.n : Array.isArray(detail.ids) ? detail.ids.length : 0;
  const self = `${line.action}.self`;
  const template =
    line.actorName !== null && line.actorName === line.target && self in m
      ? m[self as AuditMessageKey]
      : isAction(line.action)
        ? m[line.action]
        : m.unknown;
  let text = fillMessage(locale, template, { actor, target, n, action: line.action });
  // A change of status says from what to what: "…: chờ duyệt → đã duyệt".
  const { from, to } = detail;
  if (typeof from === "string" && typeof to === "string" && STATUSES.has(from) && STATUSES.has(to)) {
    text += `: ${m[`status.${from}` as AuditMessageKey]} → ${m[`status.${to}` as AuditMessageKey]}`;
  }
  return text;
}
