import type { LoaderFunctionArgs } from "@remix-run/node";
import { bundleScript } from "~/http/i18n.server";

/**
 * A bundle of messages as a script (/i18n/vi.agenda.<hash>.js): public, like the pages' texts.
 * The address carries the hash of its content, so the script is cached for good; an address with
 * another hash (a page from before an update) gets today's content, not cached.
 */
export function loader({ params }: LoaderFunctionArgs) {
  const match = /^([a-z]{2}\.[a-z+]+)\.([0-9a-f]{16})\.js$/.exec(params.file ?? "");
  const bundle = match ? bundleScript(match[1]) : null;
  if (!match || !bundle) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain" } });
  return new Response(bundle.script, {
    headers: {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": bundle.hash === match[2] ? "public, max-age=31536000, immutable" : "no-cache",
    },
  });
}
