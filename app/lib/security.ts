/** Request-level security rules, pure so that they are unit-tested. */

/**
 * Only same-site, relative paths are followed after sign-in: "/admin" yes;
 * "//evil.example", "https://evil.example", "/\\evil" no, nor anything with a
 * control character (C0, DEL, C1). A Location header is ASCII, so other
 * characters are percent-encoded: "/Hà-Nội" → "/H%C3%A0-N%E1%BB%99i" (what the
 * browser would request for it anyway); text that cannot be encoded (a lone
 * surrogate) falls back.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (!to || typeof to !== "string") return fallback;
  const target = to.trim();
  if (!target.startsWith("/") || target.startsWith("//") || target.startsWith("/\\")) return fallback;
  // eslint-disable-next-line no-control-regex -- control characters are what this refuses
  if (/[\u0000-\u001f\u007f-\u009f\\]/.test(target)) return fallback;
  try {
    return target.replace(/[^\x21-\x7e]+/g, (run) => encodeURIComponent(run));
  } catch {
    return fallback;
  }
}

/**
 * TRUST_PROXY → how many reverse proxies in front of the app to trust for
 * X-Forwarded-For: unset, "false" or "0" none; "true" one; "2" two. The client's
 * address is then the one that many hops back, never the left-most entry, which
 * the client writes itself. Anything else stops the server from starting.
 */
export function parseTrustProxy(value: string | undefined): number {
  const text = (value ?? "").trim().toLowerCase();
  if (text === "" || text === "false" || text === "0") return 0;
  if (text === "true") return 1;
  if (/^[1-9]\d?$/.test(text)) return Number(text);
  throw new Error(
    `TRUST_PROXY must be true, false or the number of proxies in front of the app (1–99), not ${JSON.stringify(value)}`,
  );
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A state-changing request that a browser sent from another site. Browsers send
 * Origin on every cross-origin POST and Sec-Fetch-Site on all modern ones; a
 * request with neither is not from a browser page (curl, a load test) and is
 * not a CSRF risk.
 */
export function isCrossOriginWrite(input: {
  method: string;
  origin: string | null | undefined;
  secFetchSite: string | null | undefined;
  host: string | null | undefined;
  allowedOrigins?: string[];
}): boolean {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return false;
  if (input.origin && input.origin !== "null") {
    let originHost: string;
    try {
      originHost = new URL(input.origin).host;
    } catch {
      return true;
    }
    if (input.allowedOrigins?.includes(input.origin)) return false;
    return !input.host || originHost.toLowerCase() !== input.host.toLowerCase();
  }
  if (input.origin === "null") return true;
  return input.secFetchSite === "cross-site" || input.secFetchSite === "same-site";
}

/** Headers for every response. `nonce` allows exactly our own inline scripts. */
export function securityHeaders(nonce: string, options: { https: boolean }): Record<string, string> {
  const csp = [
    "default-src 'self'",
    // 'wasm-unsafe-eval' lets the check-in scanner compile its own WebAssembly (served from 'self'); no JS eval.
    `script-src 'self' 'nonce-${nonce}' 'wasm-unsafe-eval'`,
    // style attributes carry widths of bars and charts; no inline <style> from users.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  const headers: Record<string, string> = {
    "Content-Security-Policy": csp,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(self), microphone=(), geolocation=(), payment=()",
  };
  if (options.https) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  return headers;
}
