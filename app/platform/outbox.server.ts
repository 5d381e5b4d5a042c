import type { Kysely, Transaction } from "kysely";
import type { Database } from "../../db/schema";
import { getDb, nowIso } from "~/platform/db.server";
import { kickOutbox } from "./mailer.server";
import { redactOneTimeLinks } from "~/lib/secrets";

export interface OutgoingEmail {
  to: string;
  subject: string;
  body: string;
  kind: string;
  registrationId?: number | null;
  /** Not to be sent before this instant (a grouped message collecting the next minute's news). */
  notBefore?: string | null;
}

/** Every outgoing e-mail is written here first (in the caller's transaction). */
export async function queueEmail(db: Kysely<Database> | Transaction<Database>, email: OutgoingEmail): Promise<number> {
  const row = await db
    .insertInto("outbox")
    .values({
      to_email: email.to,
      subject: email.subject,
      body_text: email.body,
      kind: email.kind,
      created_at: nowIso(),
      sent_at: null,
      error: null,
      registration_id: email.registrationId ?? null,
      not_before: email.notBefore ?? null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  // A pass starts 200 ms later and waits for this transaction (one connection); a rollback sends nothing.
  kickOutbox();
  return row.id;
}

export const OUTBOX_PAGE_SIZE = 50;

export async function listOutbox({ page = 1 }: { page?: number }) {
  const db = getDb();
  const [{ total }] = await db
    .selectFrom("outbox")
    .select((eb) => eb.fn.countAll<number>().as("total"))
    .execute();
  const rows = await db
    .selectFrom("outbox")
    .selectAll()
    .orderBy("id", "desc")
    .limit(OUTBOX_PAGE_SIZE)
    .offset((Math.max(1, page) - 1) * OUTBOX_PAGE_SIZE)
    .execute();
  // Staff read the outbox; the one-time links in it stay with their recipients.
  return {
    rows: rows.map((r) => ({ ...r, body_text: redactOneTimeLinks(r.body_text) })),
    total: Number(total),
    pageSize: OUTBOX_PAGE_SIZE,
  };
}
