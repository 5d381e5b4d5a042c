/**
 * The outbox with several processes sending at once (npm start's primary beside a worker's "send
 * now", or two servers on one file): every message goes out exactly once, counted by its
 * X-Outbox-Id at a real SMTP server.
 */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb, nowIso } from "~/platform/db.server";
import { sendPendingEmails, stopOutboxDispatcher, type SendResult } from "~/platform/mailer.server";
import { queueEmail } from "~/platform/outbox.server";
import { resetRegistrations } from "../../helpers/factories";
import { inProcesses } from "../../helpers/processes";

/** Outbox ids in the order their messages arrived. */
const received: number[] = [];
/** Runs while the server holds a message's DATA (before "250 OK"), once. */
let duringFirstMessage: ((id: number) => Promise<void>) | null = null;

const server = new SMTPServer({
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  onData(stream, _session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (c: Buffer) => chunks.push(c));
    stream.on("end", () => {
      const id = Number(/^X-Outbox-Id: (\d+)/im.exec(Buffer.concat(chunks).toString())?.[1]);
      received.push(id);
      const hook = duringFirstMessage;
      duringFirstMessage = null;
      if (!hook) return callback();
      hook(id).then(
        () => callback(),
        (error: Error) => callback(error),
      );
    });
  },
});
let port = 0;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.server.address() as AddressInfo).port;
});
afterAll(async () => {
  stopOutboxDispatcher();
  delete process.env.SMTP_HOST;
  delete process.env.SMTP_PORT;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(async () => {
  await resetRegistrations();
  received.length = 0;
  duringFirstMessage = null;
  delete process.env.SMTP_HOST;
  delete process.env.SMTP_PORT;
});

/** Queued while SMTP is off (no pass is kicked), then SMTP pointed at the test's server. */
async function queue(count: number, subject: string): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < count; i++)
    ids.push(await queueEmail(getDb(), { to: `nhan-${i}@tinh.gov.vn`, subject, body: "…", kind: "test" }));
  Object.assign(process.env, { SMTP_HOST: "127.0.0.1", SMTP_PORT: String(port) });
  return ids;
}

const timesEach = (ids: number[]) => ids.map((id) => received.filter((r) => r === id).length);

describe("the outbox across processes", () => {
  it("sends each of sixty messages once when three processes pass over it again and again", async () => {
    const ids = await queue(60, "Ba tiến trình");
    // Thirty passes of four at most, ten per process, racing for the same rows.
    const answers = await inProcesses<SendResult>(
      3,
      { module: "~/platform/mailer.server", fn: "sendPendingEmails" },
      Array.from({ length: 30 }, () => [{ limit: 4 }]),
    );
    const results = answers.map((a) => (a.ok ? a.value : expect.fail(a.error)));
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(60);
    expect(received).toHaveLength(60);
    expect(timesEach(ids)).toEqual(ids.map(() => 1));
    const rows = await getDb().selectFrom("outbox").select(["sent_at", "claim_token", "attempts"]).execute();
    expect(rows.every((r) => r.sent_at !== null && r.claim_token === null && r.attempts === 0)).toBe(true);
  });

  it("skips what another process took after this pass's claim lapsed, instead of sending it again", async () => {
    const ids = await queue(6, "Hết hạn giữ chỗ");
    let other: SendResult | null = null;
    // While the first message is at the server, the pass's hold on the other five lapses (as if each
    // had been slow) and another process takes them and sends them.
    duringFirstMessage = async (inFlight) => {
      await getDb()
        .updateTable("outbox")
        .set({ claimed_until: new Date(Date.parse(nowIso()) - 1000).toISOString() })
        .where("id", "!=", inFlight)
        .where("claim_token", "is not", null)
        .execute();
      const [answer] = await inProcesses<SendResult>(
        1,
        { module: "~/platform/mailer.server", fn: "sendPendingEmails" },
        [[]],
      );
      other = answer.ok ? answer.value : expect.fail(answer.error);
    };
    const mine = await sendPendingEmails();
    expect(other).toMatchObject({ sent: 5, failed: 0 });
    expect(mine).toMatchObject({ sent: 1, failed: 0 });
    expect(timesEach(ids)).toEqual(ids.map(() => 1));
    const rows = await getDb().selectFrom("outbox").select(["sent_at", "claim_token"]).execute();
    expect(rows.every((r) => r.sent_at !== null && r.claim_token === null)).toBe(true);
  });
});
