import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { Transform } from "node:stream";
import type { AppLoadContext, ServerBuild } from "@remix-run/node";
import { createReadableStreamFromReadable, createRequestHandler, writeReadableStreamToWritable } from "@remix-run/node";
import compression from "compression";
import express, { type Request as ExpressRequest, type Response as ExpressResponse } from "express";
import { DEFAULT_LOCALE, DOCUMENT_REQUEST_HEADER, isLocale, type Locale, type MessageKey } from "../platform/i18n";
import { translate } from "../platform/i18n/dictionary";
import { isCrossOriginWrite, securityHeaders } from "../lib/security";

/** Every request body is at most 1 MB, unless its path is listed in BODY_LIMITS. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/**
 * Paths that take more than DEFAULT_BODY_LIMIT (uploads): their bodies are
 * streamed to the route, which applies its own, exact limit, and counted on the
 * way. Add future upload routes here.
 */
export const BODY_LIMITS: ReadonlyArray<{ path: string | RegExp; limit: number }> = [
  // The CSV import: a 5 MB file, sent again as base64 (4/3 of it) with the confirm
  // form; the route refuses more than about 7.1 MB itself (MAX_REQUEST_BYTES).
  { path: "/admin/delegates/import", limit: 8 * 1024 * 1024 },
  // Exhibitors' photos: 5 MB each (MAX_PHOTO_BYTES), refused beside the field by the route, which
  // reads an oversized file to its end so that the form's other fields still come back to the page.
  { path: "/exhibition/apply", limit: 16 * 1024 * 1024 },
  // The booth CSV import: a 2 MB file, sent again as base64 with the confirm form; the route refuses
  // a larger file itself, with its own message (admin.exhibition.plan_.import.tsx).
  { path: "/admin/exhibition/plan/import", limit: 4 * 1024 * 1024 },
  // Documents: a 600,000-character Markdown body, URL-encoded (a Vietnamese letter can take 9 bytes),
  // and images of 5 MB (DOCUMENT_LIMITS); the routes refuse more themselves.
  { path: /^\/admin\/documents\/(new|\d+)$/, limit: 12 * 1024 * 1024 },
  { path: /^\/programme\/sessions\/\d+\/summary$/, limit: 8 * 1024 * 1024 },
];

/** After a 413, what the client is still sending is read and thrown away for this long, and this much, then the connection is cut. */
const LINGER_MS = 2_000;
const LINGER_BYTES = 16 * 1024 * 1024;

const FORM_TYPES = ["application/x-www-form-urlencoded", "multipart/form-data"];
/** Methods that Remix treats as form submissions (actions). */
const MUTATION_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export interface HttpOptions {
  publicUrl: string;
  /** Reverse proxies in front of the app whose X-Forwarded-For entry is believed (parseTrustProxy): false or 0 none, true one. */
  trustProxy: boolean | number;
}

/**
 * The HTTP layer around Remix: security headers on every response, refusal of
 * cross-origin writes, static files, body limits (413) and form-only writes
 * (415/400) before Remix reads anything, and the load context (CSP nonce, client IP).
 */
export function createHttpApp(build: ServerBuild, options: HttpOptions) {
  const app = express();
  app.disable("x-powered-by");
  // A number of hops, never `true`: Express would then take the left-most
  // X-Forwarded-For address, which the client chooses (decision 005).
  const hops =
    options.trustProxy === true ? 1 : options.trustProxy === false ? 0 : Math.max(0, Math.floor(options.trustProxy));
  if (hops > 0) app.set("trust proxy", hops);
  const https = options.publicUrl.startsWith("https://");
  const allowedOrigins = [new URL(options.publicUrl).origin];

  app.use((req, res, next) => {
    const nonce = randomBytes(16).toString("base64");
    res.locals.cspNonce = nonce;
    for (const [name, value] of Object.entries(securityHeaders(nonce, { https }))) res.setHeader(name, value);
    next();
  });

  app.use((req, res, next) => {
    const refused = isCrossOriginWrite({
      method: req.method,
      origin: req.get("origin"),
      secFetchSite: req.get("sec-fetch-site"),
      host: req.get("host"),
      allowedOrigins,
    });
    if (!refused) return next();
    res
      .status(403)
      .type("text/plain; charset=utf-8")
      .send(
        "403 — Yêu cầu bị từ chối vì được gửi từ một trang web khác.\nRequest refused: it was sent from another website.",
      );
  });

  app.use(compression());
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  app.use(express.static("public", { maxAge: "1h" }));
  app.use(guardBody);

  const handleRequest = createRequestHandler(build, process.env.NODE_ENV);
  app.all("*", async (req, res, next) => {
    const controller = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) controller.abort();
    });
    res.locals.abort = () => controller.abort();
    // A route that answered without reading the whole body (a 403 before an upload):
    // the rest is drained, not kept, so that the connection can serve the next request.
    res.on("finish", () => {
      if (!req.complete) drain(req);
    });
    try {
      const request = remixRequest(req, res, controller.signal);
      const context: AppLoadContext = {
        cspNonce: res.locals.cspNonce as string,
        clientIp: req.ip ?? req.socket.remoteAddress ?? "",
      };
      const response = await handleRequest(request, context);
      // The body grew past its limit while the route read it: the 413 has been sent.
      if (res.headersSent && res.locals.refused) return void (await response.body?.cancel().catch(() => {}));
      await sendResponse(res, response);
    } catch (error) {
      if (res.locals.refused) return;
      next(error);
    }
  });
  return app;
}

/**
 * Refuses, before Remix reads a byte of it, a body over its path's limit (413:
 * Content-Length up front, then counted while it arrives, since Content-Length
 * may be absent) and a write that is not a form (415, or 400 for a multipart
 * body that does not parse). Small bodies are read here whole and handed to
 * Remix; upload paths (BODY_LIMITS) are streamed through a counter.
 */
async function guardBody(req: ExpressRequest, res: ExpressResponse, next: express.NextFunction) {
  if (req.method === "GET" || req.method === "HEAD") return next();
  const limit = bodyLimitFor(req.path);
  const declared = req.headers["content-length"] === undefined ? null : Number(req.headers["content-length"]);
  if (declared !== null && declared > limit) return refuseTooLarge(req, res, limit);

  const type = formType(req.get("content-type"));
  if (MUTATION_METHODS.has(req.method) && !type) return refuse(req, res, 415, "error.notForm");

  if (limit !== DEFAULT_BODY_LIMIT) {
    res.locals.body = countedBody(req, limit, () => {
      (res.locals.abort as (() => void) | undefined)?.();
      refuseTooLarge(req, res, limit);
    });
    return next();
  }

  let body: Buffer | "tooLarge" | "aborted";
  try {
    body = await readBody(req, limit);
  } catch {
    body = "aborted";
  }
  if (body === "aborted") return; // The client went away; nobody to answer.
  if (body === "tooLarge") return refuseTooLarge(req, res, limit);
  if (type === "multipart/form-data") {
    try {
      await new Response(asBody(body), { headers: { "Content-Type": req.get("content-type")! } }).formData();
    } catch {
      return refuse(req, res, 400, "error.badForm");
    }
  }
  res.locals.body = body;
  next();
}

export function bodyLimitFor(path: string): number {
  const normalised = path.toLowerCase().replace(/\/+$/, "");
  return (
    BODY_LIMITS.find((l) => (typeof l.path === "string" ? l.path === normalised : l.path.test(normalised)))?.limit ??
    DEFAULT_BODY_LIMIT
  );
}

/** "multipart/form-data; boundary=…" → "multipart/form-data"; anything but a form → null. */
export function formType(contentType: string | undefined): string | null {
  const type = (contentType ?? "").split(";")[0].trim().toLowerCase();
  return FORM_TYPES.includes(type) ? type : null;
}

/** Reads a body whole, but never more than `limit` bytes of it. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | "tooLarge" | "aborted"> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let seen = 0;
    const done = (result: Buffer | "tooLarge" | "aborted") => {
      req.off("data", onData).off("end", onEnd).off("error", onError).off("close", onClose);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > limit) return done("tooLarge");
      chunks.push(chunk);
    };
    const onEnd = () => done(Buffer.concat(chunks, seen));
    const onError = (error: Error) => {
      req.off("data", onData).off("end", onEnd).off("error", onError).off("close", onClose);
      reject(error);
    };
    const onClose = () => done("aborted");
    req.on("data", onData).on("end", onEnd).on("error", onError).on("close", onClose);
  });
}

/** The body as a stream for Remix that fails, and calls `onTooLarge`, once more than `limit` bytes have come. */
function countedBody(req: IncomingMessage, limit: number, onTooLarge: () => void): ReadableStream<Uint8Array> {
  let seen = 0;
  let tooLarge = false;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen <= limit) return callback(null, chunk);
      if (!tooLarge) {
        tooLarge = true;
        req.unpipe(counter);
        onTooLarge();
      }
      callback(new Error("request body too large"));
    },
  });
  counter.on("error", () => {}); // Reported to Remix through the stream; the 413 is already sent.
  req.pipe(counter);
  return createReadableStreamFromReadable(counter);
}

function remixRequest(req: ExpressRequest, res: ExpressResponse, signal: AbortSignal): Request {
  const [, forwardedPort] = req.get("x-forwarded-host")?.split(":") ?? [];
  const [, hostPort] = req.get("host")?.split(":") ?? [];
  const port = [forwardedPort, hostPort].map((p) => Number.parseInt(p ?? "", 10)).find(Number.isSafeInteger);
  const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  headers.delete(DOCUMENT_REQUEST_HEADER);
  if (req.method === "GET" && !url.searchParams.has("_data")) headers.set(DOCUMENT_REQUEST_HEADER, "1");
  const init: RequestInit & { duplex?: "half" } = { method: req.method, headers, signal };
  if (req.method !== "GET" && req.method !== "HEAD") {
    const body = res.locals.body as Buffer | ReadableStream<Uint8Array>;
    init.body = body instanceof ReadableStream ? body : asBody(body);
    init.duplex = "half";
  }
  return new Request(url.href, init);
}

/** Buffer.concat's buffers own a plain ArrayBuffer, which is what fetch's types ask for. */
const asBody = (buffer: Buffer) => buffer as Uint8Array<ArrayBuffer>;

/** As @remix-run/express sends Remix's answer. */
async function sendResponse(res: ExpressResponse, response: Response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers.entries()) res.append(name, value);
  if (/text\/event-stream/i.test(response.headers.get("Content-Type") ?? "")) res.flushHeaders();
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

/** 413, then what the client still sends is drained (not kept), so it can read the answer; a client that goes on too long is cut off. */
function refuseTooLarge(req: IncomingMessage, res: ExpressResponse, limit: number) {
  refuse(req, res, 413, "error.tooLarge", { max: Math.round((limit / (1024 * 1024)) * 10) / 10 });
  drain(req);
}

const draining = new WeakSet<IncomingMessage>();

/** Reads and throws away the rest of a body, for at most LINGER_MS and LINGER_BYTES, then cuts the connection. */
function drain(req: IncomingMessage) {
  if (draining.has(req) || req.readableEnded) return;
  draining.add(req);
  req.unpipe();
  let drained = 0;
  const cut = () => req.socket.destroy();
  const timer = setTimeout(cut, LINGER_MS);
  timer.unref();
  req.on("data", (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > LINGER_BYTES) cut();
  });
  req.on("end", () => clearTimeout(timer));
  req.on("close", () => clearTimeout(timer));
  req.resume();
}

/** A small translated page, in the language of the `?lang=` parameter or the `lang` cookie (Vietnamese by default). */
function refuse(
  req: IncomingMessage,
  res: ExpressResponse,
  status: number,
  key: "error.tooLarge" | "error.notForm" | "error.badForm",
  params?: Record<string, number>,
) {
  res.locals.refused = true;
  if (res.headersSent) return;
  const locale = requestLocale(req.url ?? "/", req.headers.cookie);
  res
    .status(status)
    .type("text/html; charset=utf-8")
    .send(refusalPage(locale, key, params));
}

export function refusalPage(
  locale: Locale,
  key: "error.tooLarge" | "error.notForm" | "error.badForm",
  params?: Record<string, number>,
): string {
  const t = (k: MessageKey) => escapeHtml(translate(locale, k, params));
  return `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t(`${key}.title`)} · ${t("app.shortName")}</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; color: #1e293b">
<main><h1 style="font-size: 1.5rem">${t(`${key}.title`)}</h1><p>${t(`${key}.body`)}</p><p><a href="/">${t("common.backHome")}</a></p></main>
</body>
</html>
`;
}

/** `?lang=` first, then the `lang` cookie, then Vietnamese: how pages choose for a visitor. */
export function requestLocale(url: string, cookieHeader: string | undefined): Locale {
  let query: string | null = null;
  try {
    query = new URL(url, "http://localhost").searchParams.get("lang");
  } catch {
    /* not a URL we can read: no choice from it */
  }
  if (isLocale(query)) return query;
  for (const part of (cookieHeader ?? "").split(";")) {
    const [name, value] = part.trim().split("=");
    if (name === "lang" && isLocale(value)) return value;
  }
  return DEFAULT_LOCALE;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
