/**
 * Sends the outbox by SMTP when the environment configures it. The outbox row is
 * written in the business transaction; sending happens afterwards, outside any
 * transaction (SQLite would block every writer while we talk to the mail server).
 * Delivery is at least once: a crash between SMTP's "250 OK" and the update
 * sends that message again on the next pass.
 */
import cluster from "node:cluster";
import { randomUUID } from "node:crypto";
import nodemailer from "nodemailer";
import { sql } from "kysely";
import { getDb, nowIso } from "~/platform/db.server";
import { recordAudit } from "./audit.server";
import type { Db } from "./types";

export const MAX_ATTEMPTS = 5;
/**
 * How long a message waits after its n-th failed try (1, 5, 30 minutes, then 2 hours): a mailbox
 * that is full or a server that greylists gets hours, not the minute five quick tries would take.
 */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000] as const;

/** When a message that has now failed `attempts` times may be tried again. */
export function nextTryAt(attempts: number, from: number): string {
  const delay = RETRY_DELAYS_MS[Math.min(Math.max(attempts, 1), RETRY_DELAYS_MS.length) - 1];
  return new Date(from + delay).toISOString();
}
export const DISPATCH_INTERVAL_MS = 15_000;

/** One Message-ID per outbox row (its id and creation instant, so a new database's row 1 is another mail), at the site's host. */
export function outboxMessageId(id: number, createdAt: string, publicUrl = process.env.PUBLIC_URL): string {
  let host = "localhost";
  try {
    host = new URL(publicUrl || "http://localhost").hostname || host;
  } catch {
    /* keep localhost */
  }
  return `<outbox-${id}-${Date.parse(createdAt)}@${host}>`;
}
/** A cluster worker's message to the primary (npm start), which alone runs the dispatcher: send soon. */
export const KICK_OUTBOX_MESSAGE = "kick-outbox";
const KICK_DELAY_MS = 200;
const MAX_BACKOFF_MS = 15 * 60_000;

export interface SmtpSettings {
  url: string | null;
  host: string | null;
  port: number;
  secure: boolean;
  user: string | null;
  password: string | null;
  from: string;
}

type Env = Record<string, string | undefined>;
const value = (env: Env, name: string) => (env[name] ?? "").trim() || null;

/** The SMTP settings from the environment, or null when none are given (the outbox is then only stored). */
export function smtpSettings(env: Env = process.env): SmtpSettings | null {
  const url = value(env, "SMTP_URL");
  const host = value(env, "SMTP_HOST");
  if (!url && !host) return null;
  const secureText = value(env, "SMTP_SECURE");
  const portText = value(env, "SMTP_PORT");
  const secure = secureText ? /^(1|true|yes)$/i.test(secureText) : portText === "465";
  const port = Number(portText) || (secure ? 465 : 587);
  const user = value(env, "SMTP_USER");
  let fallbackHost = "localhost";
  try {
    fallbackHost = new URL(value(env, "PUBLIC_URL") ?? "http://localhost").hostname;
  } catch {
    // keep localhost
  }
  const from = value(env, "SMTP_FROM") ?? (user?.includes("@") ? user : `Hội nghị Ngoại vụ <no-reply@${fallbackHost}>`);
  return { url, host, port, secure, user, password: env.SMTP_PASSWORD || null, from: from.normalize("NFC") };
}

/** What the outbox page may show: never the user name or password. */
export function smtpStatus(env: Env = process.env): {
  configured: boolean;
  server: string | null;
  from: string | null;
} {
  const s = smtpSettings(env);
  if (!s) return { configured: false, server: null, from: null };
  let server = s.host ? `${s.host}:${s.port}` : null;
  if (s.url) {
    try {
      const u = new URL(s.url);
      server = `${u.hostname}${u.port ? `:${u.port}` : ""}`;
    } catch {
      server = "SMTP_URL";
    }
  }
  return { configured: true, server, from: s.from };
}

const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

function createTransport(s: SmtpSettings) {
  if (s.url) return nodemailer.createTransport({ url: s.url, ...TIMEOUTS });
  return nodemailer.createTransport({
    host: s.host!,
    port: s.port,
    secure: s.secure,
    auth: s.user ? { user: s.user, pass: s.password ?? "" } : undefined,
    ...TIMEOUTS,
  });
}

/** Errors that say nothing about this message but about the server: stop the pass, try later. */
const CONNECTION_ERRORS = new Set([
  "ECONNECTION",
  "ETIMEDOUT",
  "ESOCKET",
  "EDNS",
  "EAUTH",
  "ETLS",
  "EPROXY",
  "ECONFIG",
]);

function describeError(error: unknown, s: SmtpSettings): { text: string; connection: boolean } {
  const e = error as { code?: string; response?: string; message?: string };
  let text = [e.code, e.response ?? e.message ?? String(error)].filter(Boolean).join(": ");
  // Never keep a secret in the table that organisers read.
  let urlPassword: string | null = null;
  try {
    urlPassword = s.url ? new URL(s.url).password || null : null;
  } catch {
    // an unparsable URL has no password to hide
  }
  const secrets = [s.password, urlPassword, urlPassword && decodeURIComponent(urlPassword)];
  for (const secret of secrets) if (secret) text = text.split(secret).join("***");
  return { text: text.slice(0, 500), connection: CONNECTION_ERRORS.has(e.code ?? "") };
}

export interface SendResult {
  configured: boolean;
  sent: number;
  failed: number;
  /** The server could not be reached: the rest of the batch was left for later. */
  stopped: boolean;
}

/** How long a pass holds the messages it claimed; a pass that dies lets them go after this. */
const CLAIM_MS = 10 * 60_000;

async function runPass(s: SmtpSettings, limit: number): Promise<SendResult> {
  const result: SendResult = { configured: true, sent: 0, failed: 0, stopped: false };
  const db = getDb();
  // Claim first, in one statement: another process's pass skips what this one holds.
  const token = randomUUID();
  const now = nowIso();
  const rows = (
    await db
      .updateTable("outbox")
      .set({ claim_token: token, claimed_until: new Date(Date.parse(now) + CLAIM_MS).toISOString() })
      .where("id", "in", (eb) =>
        eb
          .selectFrom("outbox")
          .select("id")
          .where("sent_at", "is", null)
          .where("attempts", "<", MAX_ATTEMPTS)
          .where((w) => w.or([w("not_before", "is", null), w("not_before", "<=", now)]))
          .where((w) => w.or([w("claimed_until", "is", null), w("claimed_until", "<", now)]))
          .orderBy("created_at")
          .orderBy("id")
          .limit(Math.max(1, Math.min(limit, 1000))),
      )
      .returning(["id", "to_email", "subject", "body_text", "created_at", "attempts"])
      .execute()
  ).sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id - b.id);
  if (rows.length === 0) return result;
  const mine = (id: number) =>
    db.updateTable("outbox").where("id", "=", id).where("claim_token", "=", token).where("sent_at", "is", null);
  const transport = createTransport(s);
  try {
    for (const row of rows) {
      // The batch's claim may have lapsed while earlier messages were slow (another process may
      // then hold this one): renew it for this message, atomically, and skip it if it is no longer ours.
      const renewed = await mine(row.id)
        .set({ claimed_until: new Date(Date.parse(nowIso()) + CLAIM_MS).toISOString() })
        .executeTakeFirst();
      if (Number(renewed.numUpdatedRows) !== 1) continue;
      try {
        await transport.sendMail({
          from: s.from,
          to: { name: "", address: row.to_email },
          subject: row.subject.normalize("NFC"),
          text: row.body_text.normalize("NFC"),
          headers: { "X-Outbox-Id": String(row.id) },
          // The same Message-ID on every try: if a crash resends a mail the server had already
          // accepted (between its "250" and our write), mail systems that de-duplicate drop the copy.
          messageId: outboxMessageId(row.id, row.created_at),
        });
        await mine(row.id).set({ sent_at: nowIso(), error: null, claim_token: null, claimed_until: null }).execute();
        result.sent += 1;
      } catch (error) {
        const { text, connection } = describeError(error, s);
        await mine(row.id)
          .set({
            error: text,
            attempts: sql<number>`attempts + 1`,
            not_before: nextTryAt(row.attempts + 1, Date.parse(nowIso())),
            claim_token: null,
            claimed_until: null,
          })
          .execute();
        result.failed += 1;
        if (connection) {
          result.stopped = true;
          break;
        }
      }
    }
  } finally {
    transport.close();
    // What this pass claimed but did not try goes back to the queue at once.
    await db
      .updateTable("outbox")
      .set({ claim_token: null, claimed_until: null })
      .where("claim_token", "=", token)
      .execute();
  }
  return result;
}

/**
 * At start-up, before any pass runs: a pass killed mid-way (SIGKILL, a power cut) left its claim
 * on up to a batch of messages, which would then wait CLAIM_MS (10 minutes) although no process
 * holds them any more. Like recoverInterruptedJobs, this assumes one server per database file.
 */
export async function releaseOrphanedClaims(db: Db): Promise<number> {
  const result = await db
    .updateTable("outbox")
    .set({ claim_token: null, claimed_until: null })
    .where("sent_at", "is", null)
    .where("claim_token", "is not", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Kept on globalThis: start.ts (tsx) and the Remix build each load this module, and must share one queue. */
interface DispatcherState {
  chain: Promise<unknown>;
  busy: boolean;
  interval: ReturnType<typeof setInterval> | null;
  kick: ReturnType<typeof setTimeout> | null;
  failures: number;
  retryAt: number;
}
const g = globalThis as typeof globalThis & { __outboxDispatcher?: DispatcherState };
const state = (g.__outboxDispatcher ??= {
  chain: Promise.resolve(),
  busy: false,
  interval: null,
  kick: null,
  failures: 0,
  retryAt: 0,
});

/**
 * Sends unsent messages (fewer than MAX_ATTEMPTS tries), oldest first. Passes
 * are queued one after another, never run at once. Never throws.
 */
export function sendPendingEmails({ limit = 50 }: { limit?: number } = {}): Promise<SendResult> {
  const s = smtpSettings();
  if (!s) return Promise.resolve({ configured: false, sent: 0, failed: 0, stopped: false });
  const pass = state.chain.then(async () => {
    state.busy = true;
    try {
      const result = await runPass(s, limit);
      state.failures = result.stopped ? state.failures + 1 : 0;
      state.retryAt = result.stopped
        ? Date.now() + Math.min(MAX_BACKOFF_MS, DISPATCH_INTERVAL_MS * 2 ** state.failures)
        : 0;
      return result;
    } catch (error) {
      console.warn(`outbox: sending failed: ${describeError(error, s).text}`);
      return { configured: true, sent: 0, failed: 0, stopped: true };
    } finally {
      state.busy = false;
    }
  });
  state.chain = pass;
  return pass;
}

function tick() {
  // Skip when a pass is under way or the server was unreachable a moment ago.
  if (state.busy || Date.now() < state.retryAt || !smtpSettings()) return;
  void sendPendingEmails({ limit: 100 }).then((r) => {
    if (r.sent || r.failed) console.log(`outbox: ${r.sent} sent, ${r.failed} failed`);
  });
}

/** Sends the outbox every ~15 s while the server runs; nothing at all when SMTP is not configured. */
export function startOutboxDispatcher(): boolean {
  const status = smtpStatus();
  if (!status.configured || state.interval) return false;
  console.log(`outbox: sending through ${status.server} as ${status.from}`);
  state.interval = setInterval(tick, DISPATCH_INTERVAL_MS);
  state.interval.unref();
  kickOutbox();
  return true;
}

export function stopOutboxDispatcher(): void {
  if (state.interval) clearInterval(state.interval);
  if (state.kick) clearTimeout(state.kick);
  state.interval = state.kick = null;
  // A stopped dispatcher starts afresh: no back-off left over from an unreachable server.
  state.failures = 0;
  state.retryAt = 0;
}

/** Right after a transaction that queued e-mail commits: one pass ~200 ms later (calls in between share it). */
export function kickOutbox(): void {
  if (state.kick || !smtpSettings()) return;
  if (cluster.isWorker && process.send) {
    process.send({ type: KICK_OUTBOX_MESSAGE });
    return;
  }
  state.kick = setTimeout(() => {
    state.kick = null;
    tick();
  }, KICK_DELAY_MS);
  state.kick.unref();
}

/** "Send now" on the outbox page: one pass, with its outcome in the audit log. */
export async function sendOutboxNow(actor: { id: string; ip: string | null }): Promise<SendResult> {
  const result = await sendPendingEmails({ limit: 200 });
  await recordAudit(getDb(), {
    actorId: actor.id,
    action: "outbox.send_now",
    entity: "outbox",
    detail: { sent: result.sent, failed: result.failed, stopped: result.stopped },
    ip: actor.ip,
  });
  return result;
}

/** Counts for the outbox page: sent, waiting, failed and retrying, given up. */
export async function outboxDeliveryCounts() {
  const row = await getDb()
    .selectFrom("outbox")
    .select([
      sql<number>`sum(case when sent_at is not null then 1 else 0 end)`.as("sent"),
      sql<number>`sum(case when sent_at is null and attempts = 0 then 1 else 0 end)`.as("waiting"),
      sql<number>`sum(case when sent_at is null and attempts > 0 and attempts < ${MAX_ATTEMPTS} then 1 else 0 end)`.as(
        "retrying",
      ),
      sql<number>`sum(case when sent_at is null and attempts >= ${MAX_ATTEMPTS} then 1 else 0 end)`.as("gaveUp"),
    ])
    .executeTakeFirstOrThrow();
  return {
    sent: Number(row.sent ?? 0),
    waiting: Number(row.waiting ?? 0),
    retrying: Number(row.retrying ?? 0),
    gaveUp: Number(row.gaveUp ?? 0),
  };
}
