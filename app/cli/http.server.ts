import { randomBytes } from "node:crypto";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { isCrossOriginWrite, securityHeaders } from "../lib/security";

/**
 * The HTTP layer around Remix: security headers on every response, refusal of
 * cross-origin writes, static files, and the load context (CSP nonce, client IP).
 */
export function createHttpApp(build: ServerBuild, options: { publicUrl: string; trustProxy: boolean }) {
  const app = express();
  app.disable("x-powered-by");
  if (options.trustProxy) app.set("trust proxy", true);
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
    res.status(403).type("text/plain; charset=utf-8").send(
      "403 — Yêu cầu bị từ chối vì được gửi từ một trang web khác.\nRequest refused: it was sent from another website.",
    );
  });

  app.use(compression());
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  app.use(express.static("public", { maxAge: "1h" }));
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: process.env.NODE_ENV,
      getLoadContext: (req, res) => ({ cspNonce: res.locals.cspNonce as string, clientIp: req.ip ?? req.socket.remoteAddress ?? "" }),
    }),
  );
  return app;
}
