import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb, nowIso } from "~/platform/db.server";
import { nowMs } from "~/lib/clock";
import {
  kickOutbox,
  outboxMessageId,
  sendPendingEmails,
  smtpSettings,
  smtpStatus,
  startOutboxDispatcher,
  stopOutboxDispatcher,
} from "~/platform/mailer.server";
import { queueEmail } from "~/platform/outbox.server";
import { action, loader } from "~/routes/admin.outbox";
import { organisationId, registerVisitor, resetRegistrations } from "../../helpers/factories";
import { call, jsonOf, signInAs } from "../../helpers/remix";
import { inProcesses } from "../../helpers/processes";

interface Received {
  from: string;
  to: string[];
  raw: Buffer;
}

/** A real SMTP server on 127.0.0.1 and an ephemeral port; refuses recipients whose address contains "tu-choi". */
const received: Received[] = [];
const auths: Array<{ username?: string; password?: string }> = [];
const server = new SMTPServer({
  disabledCommands: ["STARTTLS"],
  authOptional: true,
  allowInsecureAuth: true,
  logger: false,
  onAuth(auth, _session, callback) {
    auths.push({ username: auth.username ?? undefined, password: auth.password ?? undefined });
    callback(null, { user: auth.username });
  },
  onRcptTo(address, _session, callback) {
    if (address.address.includes("tu-choi"))
      return callback(Object.assign(new Error("Mailbox unavailable"), { responseCode: 550 }));
    callback();
  },
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (c: Buffer) => chunks.push(c));
    stream.on("end", () => {
      received.push({
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
        to: session.envelope.rcptTo.map((r) => r.address),
        raw: Buffer.concat(chunks),
      });
      callback();
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
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const SMTP_VARS = ["SMTP_URL", "SMTP_HOST", "SMTP_PORT", "SMTP_SECURE", "SMTP_USER", "SMTP_PASSWORD", "SMTP_FROM"];
function configure(vars: Record<string, string>) {
  for (const name of SMTP_VARS) delete process.env[name];
  Object.assign(process.env, vars);
}
const useTestServer = () =>
  configure({
    SMTP_HOST: "127.0.0.1",
    SMTP_PORT: String(port),
    SMTP_FROM: "Ban tổ chức Hội nghị Ngoại vụ <hoinghi@example.gov.vn>",
  });

beforeEach(async () => {
  await resetRegistrations();
  received.length = 0;
  auths.length = 0;
  configure({});
});
afterEach(() => stopOutboxDispatcher());

/** Minimal MIME reading: unfolded headers, RFC 2047 words, quoted-printable or base64 bodies, all as UTF-8. */
function parseMessage(raw: Buffer) {
  const text = raw.toString("latin1");
  const split = text.indexOf("\r\n\r\n");
  const headerText = text.slice(0, split).replace(/\r\n[ \t]+/g, " ");
  const headers = new Map<string, string>();
  for (const line of headerText.split("\r\n")) {
    const i = line.indexOf(":");
    headers.set(line.slice(0, i).toLowerCase(), line.slice(i + 1).trim());
  }
  const hexBytes = (s: string) =>
    Buffer.from(
      s.replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
      "latin1",
    );
  const decodeWords = (value: string) =>
    value.replace(/(=\?[^?]+\?[BQ]\?[^?]*\?=\s*)+/gi, (run) => {
      const bytes = [...run.matchAll(/=\?[^?]+\?([BQ])\?([^?]*)\?=/gi)].map(([, enc, data]) =>
        enc.toUpperCase() === "B" ? Buffer.from(data, "base64") : hexBytes(data.replace(/_/g, " ")),
      );
      return Buffer.concat(bytes).toString("utf8");
    });
  const encoding = (headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  const bodyRaw = text.slice(split + 4);
  const bodyBytes =
    encoding === "quoted-printable"
      ? hexBytes(bodyRaw.replace(/=\r\n/g, ""))
      : encoding === "base64"
        ? Buffer.from(bodyRaw, "base64")
        : Buffer.from(bodyRaw, "latin1");
  return {
    subject: decodeWords(headers.get("subject") ?? ""),
    from: decodeWords(headers.get("from") ?? ""),
    contentType: headers.get("content-type") ?? "",
    messageId: headers.get("message-id") ?? "",
    body: bodyBytes.toString("utf8").replace(/\r\n/g, "\n").replace(/\n$/, ""),
  };
}

const outboxRow = (id: number) =>
  getDb().selectFrom("outbox").selectAll().where("id", "=", id).executeTakeFirstOrThrow();

describe("settings from the environment", () => {
  it("reads SMTP_URL or SMTP_HOST/PORT/SECURE/USER/PASSWORD/FROM, and shows no secret", () => {
    expect(smtpSettings({})).toBeNull();
    expect(
      smtpSettings({
        SMTP_HOST: "smtp.mofa.gov.vn",
        SMTP_PORT: "465",
        SMTP_USER: "hoinghi@mofa.gov.vn",
        SMTP_PASSWORD: "bí-mật",
      }),
    ).toMatchObject({
      host: "smtp.mofa.gov.vn",
      port: 465,
      secure: true,
      from: "hoinghi@mofa.gov.vn",
    });
    expect(smtpSettings({ SMTP_HOST: "mail", SMTP_SECURE: "false" })).toMatchObject({
      port: 587,
      secure: false,
      from: "Hội nghị Ngoại vụ <no-reply@localhost>",
    });
    const status = smtpStatus({
      SMTP_URL: "smtps://u:p%40ss@smtp.example.gov.vn:465",
      SMTP_FROM: "Ban tổ chức <bt@example.gov.vn>",
    });
    expect(status).toEqual({
      configured: true,
      server: "smtp.example.gov.vn:465",
      from: "Ban tổ chức <bt@example.gov.vn>",
    });
  });
});

describe("sending the outbox", () => {
  it("does nothing, and records nothing, when SMTP is not configured", async () => {
    const id = await queueEmail(getDb(), { to: "a@tinh.gov.vn", subject: "Thử", body: "Nội dung", kind: "test" });
    expect(await sendPendingEmails({ limit: 10 })).toEqual({ configured: false, sent: 0, failed: 0, stopped: false });
    expect(startOutboxDispatcher()).toBe(false);
    kickOutbox();
    await new Promise((r) => setTimeout(r, 400));
    expect(received).toHaveLength(0);
    expect(await outboxRow(id)).toMatchObject({ sent_at: null, error: null, attempts: 0 });
  });

  it("sends queued registration e-mails oldest first with the right recipient, subject and Vietnamese body", async () => {
    useTestServer();
    const org = await organisationId("prov-ha-giang");
    await registerVisitor({ organisationId: org, fullName: "Nguyễn Thị Hương Giang", email: "giang@hagiang.gov.vn" });
    await registerVisitor({
      organisationId: org,
      fullName: "Hoàng Đức Thắng",
      email: "thang@hagiang.gov.vn",
      mode: "online",
    });
    const queued = await getDb().selectFrom("outbox").selectAll().orderBy("id").execute();
    expect(queued).toHaveLength(2);

    const result = await sendPendingEmails({ limit: 10 });
    expect(result).toEqual({ configured: true, sent: 2, failed: 0, stopped: false });
    expect(received.map((r) => r.to)).toEqual([["giang@hagiang.gov.vn"], ["thang@hagiang.gov.vn"]]);
    for (const [i, message] of received.entries()) {
      const parsed = parseMessage(message.raw);
      expect(message.from).toBe("hoinghi@example.gov.vn");
      expect(parsed.from).toContain("Ban tổ chức Hội nghị Ngoại vụ");
      expect(parsed.contentType).toMatch(/charset=utf-8/i);
      expect(parsed.subject).toBe(queued[i].subject);
      expect(parsed.body).toBe(queued[i].body_text);
      // One Message-ID per outbox row, the same on any try (a resend after a crash is a duplicate mail systems drop).
      expect(parsed.messageId).toBe(outboxMessageId(queued[i].id, queued[i].created_at));
    }
    expect(outboxMessageId(7, "2027-12-13T01:00:00.000Z", "https://ngoaivu.gov.vn")).toBe(
      `<outbox-7-${Date.parse("2027-12-13T01:00:00.000Z")}@ngoaivu.gov.vn>`,
    );
    expect(parseMessage(received[0].raw).body).toContain("Kính gửi Ông Nguyễn Thị Hương Giang");
    const after = await getDb().selectFrom("outbox").select(["sent_at", "error", "attempts"]).orderBy("id").execute();
    for (const row of after) {
      expect(row.sent_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(row).toMatchObject({ error: null, attempts: 0 });
    }
    // Nothing left: a second pass sends nothing again.
    expect(await sendPendingEmails({ limit: 10 })).toMatchObject({ sent: 0, failed: 0 });
    expect(received).toHaveLength(2);
  });

  it("honours the limit and logs in with SMTP_USER and SMTP_PASSWORD", async () => {
    configure({ SMTP_HOST: "127.0.0.1", SMTP_PORT: String(port), SMTP_USER: "hoinghi", SMTP_PASSWORD: "mật-khẩu-thư" });
    for (let i = 0; i < 3; i++)
      await queueEmail(getDb(), { to: `nguoi-${i}@tinh.gov.vn`, subject: `Thư ${i}`, body: "Xin chào", kind: "test" });
    expect(await sendPendingEmails({ limit: 2 })).toMatchObject({ sent: 2 });
    expect(received.map((r) => r.to[0])).toEqual(["nguoi-0@tinh.gov.vn", "nguoi-1@tinh.gov.vn"]);
    expect(auths[0]).toEqual({ username: "hoinghi", password: "mật-khẩu-thư" });
  });

  it("records a refusal (error, attempts + 1, sent_at null), keeps sending the others, and gives up after 5 tries", async () => {
    useTestServer();
    const refused = await queueEmail(getDb(), {
      to: "tu-choi@tinh.gov.vn",
      subject: "Bị từ chối",
      body: "…",
      kind: "test",
    });
    const fine = await queueEmail(getDb(), { to: "nhan@tinh.gov.vn", subject: "Được nhận", body: "…", kind: "test" });
    expect(await sendPendingEmails()).toEqual({ configured: true, sent: 1, failed: 1, stopped: false });
    const row = await outboxRow(refused);
    expect(row.sent_at).toBeNull();
    expect(row.attempts).toBe(1);
    expect(row.error).toContain("550");
    expect((await outboxRow(fine)).sent_at).not.toBeNull();

    // It waits before the next try: a minute after the first failure, five after the second.
    const waitAfter = async (minutes: number) => {
      const { not_before } = await outboxRow(refused);
      // The app's clock (CLOCK_OFFSET moves it a year on in the second pass).
      const wait = Date.parse(not_before!) - nowMs();
      expect(wait).toBeGreaterThan((minutes - 0.2) * 60_000);
      expect(wait).toBeLessThanOrEqual(minutes * 60_000);
    };
    await waitAfter(1);
    expect(await sendPendingEmails()).toMatchObject({ sent: 0, failed: 0 });
    expect((await outboxRow(refused)).attempts).toBe(1);
    const timePasses = () =>
      getDb()
        .updateTable("outbox")
        .set({ not_before: new Date(nowMs() - 1000).toISOString() })
        .where("id", "=", refused)
        .execute();
    await timePasses();
    await sendPendingEmails();
    expect((await outboxRow(refused)).attempts).toBe(2);
    await waitAfter(5);
    await getDb().updateTable("outbox").set({ attempts: 4 }).where("id", "=", refused).execute();
    await timePasses();
    await sendPendingEmails();
    expect((await outboxRow(refused)).attempts).toBe(5);
    await timePasses();
    // Given up: no further tries.
    expect(await sendPendingEmails()).toMatchObject({ sent: 0, failed: 0 });
    expect((await outboxRow(refused)).attempts).toBe(5);
  });

  it("stops the pass when the server cannot be reached, counting one try against the first message only", async () => {
    configure({ SMTP_HOST: "127.0.0.1", SMTP_PORT: "1" });
    const first = await queueEmail(getDb(), { to: "a@tinh.gov.vn", subject: "A", body: "…", kind: "test" });
    const second = await queueEmail(getDb(), { to: "b@tinh.gov.vn", subject: "B", body: "…", kind: "test" });
    expect(await sendPendingEmails()).toEqual({ configured: true, sent: 0, failed: 1, stopped: true });
    expect(await outboxRow(first)).toMatchObject({ sent_at: null, attempts: 1 });
    expect((await outboxRow(first)).error).toMatch(/ECONNECTION|ECONNREFUSED/);
    expect(await outboxRow(second)).toMatchObject({ sent_at: null, attempts: 0, error: null });
  });

  it("never sends a message twice when passes are asked for at the same time", async () => {
    useTestServer();
    for (let i = 0; i < 5; i++)
      await queueEmail(getDb(), { to: `dong-thoi-${i}@tinh.gov.vn`, subject: "Đồng thời", body: "…", kind: "test" });
    stopOutboxDispatcher(); // queueing kicked this process's own pass: only the three below may send
    // Three processes, each with its own connection and its own SMTP connection, at once.
    const answers = await inProcesses<Awaited<ReturnType<typeof sendPendingEmails>>>(
      3,
      { module: "~/platform/mailer.server", fn: "sendPendingEmails" },
      [[], [], []],
    );
    const results = answers.map((a) => (a.ok ? a.value : expect.fail(a.error)));
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(5);
    expect(received).toHaveLength(5);
    expect(new Set(received.map((r) => r.to[0])).size).toBe(5);
    const left = await getDb()
      .selectFrom("outbox")
      .select(["sent_at", "claim_token"])
      .where("subject", "=", "Đồng thời")
      .execute();
    expect(left.every((r) => r.sent_at !== null && r.claim_token === null)).toBe(true);
  });

  it("holds a grouped message until its minute is over", async () => {
    useTestServer();
    const id = await queueEmail(getDb(), {
      to: "gom-thu@tinh.gov.vn",
      subject: "Gộp",
      body: "…",
      kind: "meeting.digest",
      notBefore: new Date(Date.parse(nowIso()) + 60_000).toISOString(),
    });
    stopOutboxDispatcher();
    expect(await sendPendingEmails()).toMatchObject({ sent: 0 });
    await getDb()
      .updateTable("outbox")
      .set({ not_before: new Date(Date.parse(nowIso()) - 1000).toISOString() })
      .where("id", "=", id)
      .execute();
    expect(await sendPendingEmails()).toMatchObject({ sent: 1 });
    expect(received.map((r) => r.to[0])).toEqual(["gom-thu@tinh.gov.vn"]);
  });

  it("leaves a message another pass holds, and takes it once that claim has lapsed", async () => {
    useTestServer();
    const id = await queueEmail(getDb(), { to: "giu-cho@tinh.gov.vn", subject: "Đang giữ", body: "…", kind: "test" });
    stopOutboxDispatcher();
    const later = new Date(Date.parse(nowIso()) + 60_000).toISOString();
    await getDb()
      .updateTable("outbox")
      .set({ claim_token: "another-pass", claimed_until: later })
      .where("id", "=", id)
      .execute();
    expect(await sendPendingEmails()).toMatchObject({ sent: 0 });
    expect(received).toHaveLength(0);
    const earlier = new Date(Date.parse(nowIso()) - 1000).toISOString();
    await getDb().updateTable("outbox").set({ claimed_until: earlier }).where("id", "=", id).execute();
    expect(await sendPendingEmails()).toMatchObject({ sent: 1 });
    expect(received.map((r) => r.to[0])).toEqual(["giu-cho@tinh.gov.vn"]);
    expect(await outboxRow(id)).toMatchObject({ claim_token: null, claimed_until: null });
  });

  it("kickOutbox sends shortly after a commit; the dispatcher starts only when configured", async () => {
    useTestServer();
    await queueEmail(getDb(), { to: "kick@tinh.gov.vn", subject: "Ngay sau giao dịch", body: "…", kind: "test" });
    kickOutbox();
    kickOutbox();
    for (let i = 0; i < 50 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(received.map((r) => r.to[0])).toEqual(["kick@tinh.gov.vn"]);
    expect(startOutboxDispatcher()).toBe(true);
    expect(startOutboxDispatcher()).toBe(false);
  });
});

describe("the outbox page", () => {
  it("shows whether SMTP is configured, and the error and attempts of a failed message", async () => {
    const secretariat = await signInAs("secretariat");
    let data = await jsonOf<{ smtp: { configured: boolean }; canSend: boolean }>(
      await call(loader, { path: "/admin/outbox", cookie: secretariat }),
    );
    expect(data).toMatchObject({ smtp: { configured: false }, canSend: false });

    // Queued while SMTP is off, so that no automatic pass runs; then one pass by hand.
    await queueEmail(getDb(), { to: "tu-choi@tinh.gov.vn", subject: "Lỗi", body: "…", kind: "test" });
    useTestServer();
    await sendPendingEmails();
    const organiser = await signInAs("organiser");
    const page = await jsonOf<{
      smtp: { configured: boolean; server: string };
      canSend: boolean;
      counts: Record<string, number>;
      rows: Array<{ error: string; attempts: number }>;
    }>(await call(loader, { path: "/admin/outbox", cookie: organiser }));
    expect(page.smtp).toMatchObject({ configured: true, server: `127.0.0.1:${port}` });
    expect(page.canSend).toBe(true);
    expect(page.counts).toMatchObject({ retrying: 1, sent: 0 });
    expect(page.rows[0]).toMatchObject({ attempts: 1, error: expect.stringContaining("550") });
    data = await jsonOf(await call(loader, { path: "/admin/outbox", cookie: secretariat }));
    expect(data.canSend).toBe(false);
  });

  it("lets an organiser send now (audited), and refuses the secretariat and a delegate", async () => {
    // Queued while SMTP is off, so that only "send now" sends it.
    configure({});
    await queueEmail(getDb(), { to: "gui-ngay@tinh.gov.vn", subject: "Gửi ngay", body: "…", kind: "test" });
    useTestServer();
    for (const key of ["secretariat", "delegate"] as const) {
      const res = await call(action, { path: "/admin/outbox", form: { intent: "send" }, cookie: await signInAs(key) });
      expect(res.status).toBe(403);
    }
    expect(received).toHaveLength(0);
    const organiser = await signInAs("organiser");
    const res = await call(action, { path: "/admin/outbox", form: { intent: "send" }, cookie: organiser });
    expect(res.status).toBe(200);
    expect(await jsonOf(res)).toMatchObject({ result: { sent: 1, failed: 0 } });
    expect(received.map((r) => r.to[0])).toEqual(["gui-ngay@tinh.gov.vn"]);
    const audit = await getDb()
      .selectFrom("audit_log")
      .select(["action", "detail"])
      .where("action", "=", "outbox.send_now")
      .execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].detail!)).toMatchObject({ sent: 1 });

    configure({});
    const refused = await call(action, { path: "/admin/outbox", form: { intent: "send" }, cookie: organiser });
    expect(refused.status).toBe(400);
    expect(await jsonOf(refused)).toMatchObject({ error: "mailer.notConfiguredError" });
  });
});
