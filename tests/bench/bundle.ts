/**
 * npx tsx tests/bench/bundle.ts [--no-build] — what each page costs the browser
 * to download: the JavaScript it loads (raw, gzip at level 6 as the compression
 * middleware sends it, and brotli for information), the HTML document itself and
 * the loader data inlined in it (window.__remixContext). Builds the app first
 * (`npx remix build`) unless --no-build, then serves the build on a fresh demo
 * database like the other benches. Prints JSON.
 */
import { spawnSync } from "node:child_process";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { DEMO_ACCOUNTS, DEMO_PASSWORDS } from "../../seeds/seed";
import { signIn, startServer } from "./server";

const PORT = Number(process.env.BENCH_PORT || 3403);

type Account = keyof typeof DEMO_PASSWORDS;

/** The pages to weigh, and who looks at them (no account: a visitor). */
const PAGES: { path: string; as?: Account }[] = [
  { path: "/" },
  { path: "/register" },
  { path: "/programme" },
  { path: "/login" },
  { path: "/my-agenda", as: "delegate" },
  { path: "/meetings", as: "delegate" },
  { path: "/admin/delegates", as: "organiser" },
];

interface Asset {
  rawBytes: number;
  gzipBytes: number;
  brotliBytes: number;
}

interface PageFigures {
  path: string;
  scripts: number;
  jsRawBytes: number;
  jsGzipBytes: number;
  jsBrotliBytes: number;
  htmlRawBytes: number;
  htmlGzipBytes: number;
  remixContextBytes: number;
}

function weigh(bytes: Buffer): Asset {
  return {
    rawBytes: bytes.byteLength,
    // Level 6 is zlib's default and what the compression middleware uses.
    gzipBytes: gzipSync(bytes, { level: 6 }).byteLength,
    // Brotli at its default quality (11): what a pre-compressing CDN would send.
    brotliBytes: brotliCompressSync(bytes).byteLength,
  };
}

/**
 * Fetches a resource uncompressed: undici's fetch would otherwise ask for gzip
 * and hand back decoded bytes anyway, so identity keeps the measurement ours.
 */
async function get(url: string, cookie?: string): Promise<Buffer> {
  const res = await fetch(url, {
    headers: { "accept-encoding": "identity", ...(cookie ? { cookie } : {}) },
    redirect: "manual",
  });
  // A redirect here means a failed sign-in or a missing permission: the figures would be /login's.
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

/**
 * The scripts an HTML document makes the browser load: <script src>, <link
 * rel="modulepreload">, and the imports in inline module scripts (Remix imports
 * the root and route modules there and the entry with import("…")). Strings
 * elsewhere in the inline script — window.__remixManifest lists every route's
 * module — are not loads, so only import statements count.
 */
function scriptsInHtml(html: string): string[] {
  const found: string[] = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const [, attributes, body] = m;
    const src = /\bsrc\s*=\s*["']([^"']+)["']/i.exec(attributes);
    if (src) found.push(src[1]);
    else if (/\btype\s*=\s*["']module["']/i.test(attributes)) found.push(...importsInModule(body));
  }
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    if (!/\brel\s*=\s*["']modulepreload["']/i.test(m[0])) continue;
    const href = /\bhref\s*=\s*["']([^"']+)["']/i.exec(m[0]);
    if (href) found.push(href[1]);
  }
  return found;
}

/** `import x from "…"`, `import "…"` and `import("…")` with a literal specifier. */
function importsInModule(code: string): string[] {
  const found: string[] = [];
  for (const m of code.matchAll(/(?:^|[;\s}])import\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g)) found.push(m[1]);
  for (const m of code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) found.push(m[1]);
  return found;
}

/** Only the static imports: a chunk's import("…") loads on demand (the check-in camera), not with the page. */
function staticImports(code: string): string[] {
  return [...code.matchAll(/(?:^|[;\s}])import\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g)].map((m) => m[1]);
}

/** The byte length of the JSON assigned to window.__remixContext (the loader data and the router state). */
function remixContextBytes(html: string): number {
  const m = /window\.__remixContext\s*=\s*([\s\S]*?);?\s*<\/script>/.exec(html);
  return m ? Buffer.byteLength(m[1]) : 0;
}

async function main() {
  if (!process.argv.includes("--no-build")) {
    // The build's own chatter goes to stderr so that stdout stays one JSON document.
    const build = spawnSync("npx", ["remix", "build"], { stdio: ["ignore", 2, 2] });
    if (build.status !== 0) throw new Error("remix build failed");
  }
  const server = await startServer(PORT);
  try {
    const { url } = server;
    const cookies = new Map<Account, string>();
    const cookieFor = async (account: Account) => {
      if (!cookies.has(account)) {
        const { email } = DEMO_ACCOUNTS.find((a) => a.key === account)!;
        cookies.set(account, await signIn(url, email, DEMO_PASSWORDS[account]));
      }
      return cookies.get(account)!;
    };

    // Built assets are content-hashed and identical for every page: fetch and weigh each once.
    const assets = new Map<string, Promise<{ code: string; size: Asset }>>();
    const asset = (href: string) => {
      if (!assets.has(href))
        assets.set(
          href,
          get(href).then((bytes) => ({ code: bytes.toString("utf8"), size: weigh(bytes) })),
        );
      return assets.get(href)!;
    };

    const pages: PageFigures[] = [];
    for (const page of PAGES) {
      const pageUrl = `${url}${page.path}`;
      const htmlBytes = await get(pageUrl, page.as && (await cookieFor(page.as)));
      const html = htmlBytes.toString("utf8");

      // Remix preloads the whole static graph, but follow each module's imports too, so
      // that a chunk missing from the preloads would still be counted.
      const loaded = new Set<string>();
      const queue = scriptsInHtml(html).map((s) => new URL(s, pageUrl).href);
      while (queue.length) {
        const href = queue.shift()!;
        if (loaded.has(href)) continue;
        loaded.add(href);
        const { code } = await asset(href);
        queue.push(...staticImports(code).map((s) => new URL(s, href).href));
      }

      const sizes = await Promise.all([...loaded].map(async (href) => (await asset(href)).size));
      const sum = (key: keyof Asset) => sizes.reduce((total, s) => total + s[key], 0);
      const document = weigh(htmlBytes);
      pages.push({
        path: page.path,
        scripts: loaded.size,
        jsRawBytes: sum("rawBytes"),
        jsGzipBytes: sum("gzipBytes"),
        jsBrotliBytes: sum("brotliBytes"),
        htmlRawBytes: document.rawBytes,
        htmlGzipBytes: document.gzipBytes,
        remixContextBytes: remixContextBytes(html),
      });
    }

    const modules = await Promise.all(
      [...assets].map(async ([href, a]) => ({ file: new URL(href).pathname, gzipBytes: (await a).size.gzipBytes })),
    );
    const biggestModules = modules.sort((a, b) => b.gzipBytes - a.gzipBytes).slice(0, 10);
    console.log(JSON.stringify({ pages, biggestModules }, null, 2));
  } finally {
    await server.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
