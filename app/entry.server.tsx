import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { resolveLocale } from "~/auth/request.server";
import { installMessageBundles, reportUnsentMessages, RequestLocaleProvider } from "~/components/i18n";
import { NonceProvider } from "~/components/nonce";
import { bundleMessages, isMessageKey } from "~/http/i18n.server";

const ABORT_DELAY = 5_000;

// A page showing a message that its loaders did not send fails the tests rather than shipping.
if (process.env.NODE_ENV !== "production") reportUnsentMessages(isMessageKey);
// Pages name their messages' bundles; the server renders them from the dictionary.
installMessageBundles(bundleMessages);

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = (loadContext as { cspNonce?: string }).cspNonce ?? "";
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        {/* The language for a page rendered without the root's data (an unknown address): the cookie's. */}
        <RequestLocaleProvider value={resolveLocale(request)}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </RequestLocaleProvider>
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

/** Logged server-side only; the person sees the translated error page, never a stack. */
export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  // An unknown URL is a 404 page, not a fault.
  if ((error as { status?: number } | null)?.status === 404) return;
  console.error(error);
}
