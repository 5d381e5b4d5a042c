import { createServer, type Server, type Socket } from "node:net";

/** One message the capture server accepted (answered 250 to its DATA). */
export interface CapturedMail {
  outboxId: number | null;
  to: string[];
  subject: string;
}

/**
 * A tiny SMTP server for the crash test: enough of RFC 5321 for nodemailer (no STARTTLS, no AUTH),
 * keeping every accepted message's X-Outbox-Id so that the test can count how often each outbox
 * row was delivered.
 */
export interface SmtpCapture {
  url: string;
  mails: CapturedMail[];
  /** How many times each outbox id was accepted. */
  deliveries(): Map<number, number>;
  close(): Promise<void>;
}

function headerOf(message: string, name: string): string {
  const head = message.split(/\r?\n\r?\n/, 1)[0] ?? "";
  // Unfold continuation lines first (a long subject is folded by nodemailer).
  const unfolded = head.replace(/\r?\n[ \t]+/g, " ");
  const line = unfolded.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line ? line.slice(name.length + 1).trim() : "";
}

function serve(socket: Socket, mails: CapturedMail[]) {
  let buffer = "";
  let inData = false;
  let data: string[] = [];
  let recipients: string[] = [];
  const reply = (line: string) => socket.write(`${line}\r\n`);
  socket.setEncoding("utf8");
  socket.on("error", () => undefined);
  reply("220 crash-test ESMTP");
  socket.on("data", (chunk: string) => {
    buffer += chunk;
    let end: number;
    while ((end = buffer.indexOf("\r\n")) >= 0) {
      const line = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (inData) {
        if (line === ".") {
          inData = false;
          const message = data.join("\r\n");
          const id = Number(headerOf(message, "X-Outbox-Id"));
          mails.push({ outboxId: Number.isInteger(id) && id > 0 ? id : null, to: recipients, subject: "" });
          mails[mails.length - 1].subject = headerOf(message, "Subject");
          data = [];
          recipients = [];
          reply("250 2.0.0 queued");
        } else data.push(line.startsWith("..") ? line.slice(1) : line);
        continue;
      }
      const verb = line.slice(0, 4).toUpperCase();
      if (verb === "EHLO") reply("250-crash-test\r\n250-8BITMIME\r\n250 SMTPUTF8");
      else if (verb === "HELO") reply("250 crash-test");
      else if (verb === "MAIL") {
        recipients = [];
        reply("250 2.1.0 ok");
      } else if (verb === "RCPT") {
        recipients.push(line.replace(/^RCPT TO:\s*<?([^>]*)>?.*$/i, "$1"));
        reply("250 2.1.5 ok");
      } else if (verb === "DATA") {
        inData = true;
        reply("354 end with <CRLF>.<CRLF>");
      } else if (verb === "RSET") {
        recipients = [];
        reply("250 ok");
      } else if (verb === "NOOP") reply("250 ok");
      else if (verb === "QUIT") {
        reply("221 bye");
        socket.end();
      } else reply("502 5.5.2 not implemented");
    }
  });
}

export async function startSmtpCapture(port: number): Promise<SmtpCapture> {
  const mails: CapturedMail[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    serve(socket, mails);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    deliveries() {
      const counts = new Map<number, number>();
      for (const m of mails) if (m.outboxId !== null) counts.set(m.outboxId, (counts.get(m.outboxId) ?? 0) + 1);
      return counts;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
