import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build, type Plugin } from "esbuild";
import { describe, expect, it } from "vitest";
import { en, vi } from "~/http/i18n.server";
import { FALLBACK_KEYS } from "~/platform/i18n/fallback";

/**
 * No page's browser code carries a dictionary: the browser translates with the messages its
 * loaders sent. Each route is bundled the way Remix's classic compiler bundles it for the
 * browser (only the exports the browser uses — the loader and action go — with `.server`
 * modules emptied and unused imports dropped), our code only (packages left out), and the
 * bundle may hold no message text but the few fallback ones (app/platform/i18n/fallback.ts).
 */
const APP = fileURLToPath(new URL("../../../app/", import.meta.url));
const BROWSER_EXPORTS = [
  "default",
  "meta",
  "links",
  "handle",
  "ErrorBoundary",
  "Layout",
  "shouldRevalidate",
  "HydrateFallback",
  "clientLoader",
  "clientAction",
];

const resolveLikeRemix: Plugin = {
  name: "like-remix",
  setup(b) {
    const file = (base: string) =>
      [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`].find(
        (f) => existsSync(f) && statSync(f).isFile(),
      );
    // Style sheets and packages: not ours to weigh.
    b.onResolve({ filter: /\.css$/ }, (args) => ({ path: args.path, external: true }));
    b.onResolve({ filter: /^[^./~]/ }, (args) => ({ path: args.path, external: true }));
    b.onResolve({ filter: /^~\// }, (args) => ({ path: file(`${APP}${args.path.slice(2)}`) ?? args.path }));
    b.onLoad({ filter: /\.server(\.tsx?)?$/ }, () => ({ contents: "module.exports = {};", loader: "js" }));
  },
};

function routeFiles(): string[] {
  const dir = `${APP}routes/`;
  const files = readdirSync(dir).flatMap((f) =>
    statSync(dir + f).isDirectory() ? [`${dir}${f}/route.tsx`] : f.endsWith(".tsx") ? [dir + f] : [],
  );
  return [`${APP}root.tsx`, ...files];
}

/** The browser's exports of a route module, as Remix keeps them. */
function browserExports(file: string): string[] {
  const source = readFileSync(file, "utf8");
  return BROWSER_EXPORTS.filter((n) =>
    n === "default"
      ? /^export default /m.test(source)
      : new RegExp(`^export (?:async )?(?:const|function|let) ${n}\\b`, "m").test(source),
  );
}

async function browserCode(file: string, names = browserExports(file)): Promise<string> {
  const result = await build({
    stdin: { contents: `export { ${names.join(", ")} } from ${JSON.stringify(file)};`, resolveDir: APP, loader: "ts" },
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    jsx: "automatic",
    treeShaking: true,
    logLevel: "silent",
    define: { "process.env.NODE_ENV": '"production"' },
    plugins: [resolveLikeRemix],
  });
  return result.outputFiles[0].text;
}

/** Texts long enough to mean a dictionary came along, not a word that a component happens to write. */
const fallback = new Set<string>(FALLBACK_KEYS);
const texts = [...Object.entries(vi), ...Object.entries(en)]
  .filter(([key, text]) => !fallback.has(key) && text.length >= 24 && !text.includes("{"))
  .map(([, text]) => JSON.stringify(text).slice(1, -1));

describe("the browser's code", () => {
  it("holds no dictionary on any page", { timeout: 60_000 }, async () => {
    expect(texts.length).toBeGreaterThan(500);
    const pages = routeFiles().filter((file) => browserExports(file).length > 0);
    expect(pages.length).toBeGreaterThan(25);
    for (const file of pages) {
      const code = await browserCode(file);
      expect(code, file).toContain("useT");
      const found = texts.filter((t) => code.includes(t));
      expect(found, file.slice(APP.length)).toEqual([]);
    }
  });

  it("would notice a dictionary if one came along", async () => {
    // The import's header tables read registration's dictionary: that is why the page imports import-message.ts.
    const code = await browserCode(`${APP}features/registration/delegate-import.ts`, ["mapHeader"]);
    expect(texts.some((t) => code.includes(t))).toBe(true);
  });
});
