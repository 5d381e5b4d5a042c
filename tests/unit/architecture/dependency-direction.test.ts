import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { posix } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * The dependency rule of docs/ARCHITECTURE.md, read from the source: imports run one way,
 * lib ← platform ← auth ← components ← features ← http ← routes (and root, entry, cli), and
 * between features people ← registration ← agenda ← meetings, with exhibition on people and
 * registration only, and proceedings (the book gathers everything) on all of them. Type-only imports count too: a type is a dependency.
 * Files under db/ may name the app's types (`import type`), never its code.
 */

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));

const LAYERS = ["lib", "platform", "auth", "components", "features", "http", "top"] as const;
type Layer = (typeof LAYERS)[number];

/** What each feature may use of the others. */
const FEATURE_USES: Record<string, readonly string[]> = {
  people: [],
  registration: ["people"],
  agenda: ["people", "registration"],
  meetings: ["people", "registration", "agenda"],
  exhibition: ["people", "registration"],
  proceedings: ["people", "registration", "agenda", "meetings", "exhibition"],
};

interface Place {
  layer: Layer | "db" | "outside";
  feature?: string;
}

export function placeOf(path: string): Place {
  const parts = path.split("/");
  if (parts[0] === "db") return { layer: "db" };
  if (parts[0] !== "app") return { layer: "outside" };
  const top = parts[1];
  if (top === "features") return { layer: "features", feature: parts[2] };
  if (top === "lib" || top === "platform" || top === "auth" || top === "components" || top === "http")
    return { layer: top };
  return { layer: "top" }; // routes/, cli/, root.tsx, entry.*.tsx
}

/** Why `from` may not import `to`, or null when it may. */
export function wrongWay(from: string, to: string, typeOnly: boolean): string | null {
  const a = placeOf(from);
  const b = placeOf(to);
  if (b.layer === "outside") return null;
  if (a.layer === "db") return b.layer === "db" || typeOnly ? null : "db/ may name the app's types only (import type)";
  if (a.layer === "outside" || b.layer === "db") return null;
  if (a.layer === "features" && b.layer === "features") {
    if (a.feature === b.feature) return null;
    const uses = FEATURE_USES[a.feature ?? ""];
    if (!uses) return `unknown feature "${a.feature}": add it to the rule`;
    return uses.includes(b.feature ?? "") ? null : `feature ${a.feature} may not use feature ${b.feature}`;
  }
  if (a.layer === "top") return null;
  return LAYERS.indexOf(b.layer) > LAYERS.indexOf(a.layer) ? `${a.layer} may not use ${b.layer}` : null;
}

const EXTENSIONS = ["", ".ts", ".tsx", ".mjs", ".js", "/index.ts", "/index.tsx"];

function resolveImport(importer: string, spec: string): string | null {
  let base: string;
  if (spec.startsWith("~/")) base = `app/${spec.slice(2)}`;
  else if (spec.startsWith("~db/")) base = `db/${spec.slice(4)}`;
  else if (spec.startsWith(".")) base = posix.normalize(posix.join(posix.dirname(importer), spec));
  else return null; // a package
  for (const ext of EXTENSIONS) {
    const candidate = base + ext;
    if (existsSync(ROOT + candidate) && statSync(ROOT + candidate).isFile()) return candidate;
  }
  throw new Error(`${importer}: cannot resolve "${spec}"`);
}

/** Every import and re-export of a source file, static or dynamic, with whether it is type-only. */
export function importsOf(source: string): Array<{ spec: string; typeOnly: boolean }> {
  const found: Array<{ spec: string; typeOnly: boolean }> = [];
  const statics = /(?:^|[\n;])\s*(import|export)\s+(type\s+)?(?:[^;"'`]*?\s+from\s+)?["']([^"']+)["']/g;
  for (const m of source.matchAll(statics)) found.push({ spec: m[3], typeOnly: Boolean(m[2]) });
  for (const m of source.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) found.push({ spec: m[1], typeOnly: false });
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(ROOT + dir, { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [path] : [];
  });
}

describe("the dependency rule", () => {
  it("knows the layers and the order of the features", () => {
    expect(wrongWay("app/lib/time.ts", "app/platform/i18n/index.ts", true)).toBe("lib may not use platform");
    expect(wrongWay("app/platform/i18n/index.ts", "app/features/meetings/messages.vi.ts", false)).toBe(
      "platform may not use features",
    );
    expect(wrongWay("app/components/i18n.tsx", "app/root.tsx", true)).toBe("components may not use top");
    expect(
      wrongWay("app/features/people/conference.server.ts", "app/features/registration/places.server.ts", false),
    ).toBe("feature people may not use feature registration");
    expect(
      wrongWay("app/features/agenda/agenda.server.ts", "app/features/meetings/meeting-mail.server.ts", false),
    ).toBe("feature agenda may not use feature meetings");
    expect(wrongWay("app/features/exhibition/booths.server.ts", "app/features/agenda/agenda.server.ts", false)).toBe(
      "feature exhibition may not use feature agenda",
    );
    expect(
      wrongWay("app/features/meetings/meetings.server.ts", "app/features/agenda/agenda.server.ts", false),
    ).toBeNull();
    expect(wrongWay("app/features/meetings/meetings.server.ts", "app/platform/db.server.ts", false)).toBeNull();
    expect(wrongWay("app/http/conference.server.ts", "app/features/people/conference.server.ts", false)).toBeNull();
    expect(wrongWay("app/features/people/users.server.ts", "app/http/refusal.server.ts", false)).toBe(
      "features may not use http",
    );
    expect(wrongWay("app/routes/meetings/route.tsx", "app/routes/meetings/placed.tsx", false)).toBeNull();
    expect(wrongWay("db/schema.ts", "app/auth/roles.ts", true)).toBeNull();
    expect(wrongWay("db/schema.ts", "app/auth/roles.ts", false)).toMatch(/types only/);
  });

  it("reads static, re-exported, type-only and dynamic imports", () => {
    const source = [
      `import { a } from "~/lib/a";`,
      `import type { B } from "./b";`,
      `import {\n  c,\n  type D,\n} from "../c";`,
      `export { e } from "~/platform/e";`,
      `export * from "./f";`,
      `import "./side-effect";`,
      `const g = await import("~/features/g");`,
      `const text = "import x from 'nowhere'";`,
    ].join("\n");
    expect(importsOf(source)).toEqual([
      { spec: "~/lib/a", typeOnly: false },
      { spec: "./b", typeOnly: true },
      { spec: "../c", typeOnly: false },
      { spec: "~/platform/e", typeOnly: false },
      { spec: "./f", typeOnly: false },
      { spec: "./side-effect", typeOnly: false },
      { spec: "~/features/g", typeOnly: false },
    ]);
  });

  it("holds for every file of the app and of db/", () => {
    const files = [...sourceFiles("app"), ...sourceFiles("db")];
    expect(files.length).toBeGreaterThan(150);
    const wrong: string[] = [];
    for (const file of files) {
      for (const { spec, typeOnly } of importsOf(readFileSync(ROOT + file, "utf8"))) {
        const target = resolveImport(file, spec);
        if (!target) continue;
        const why = wrongWay(file, target, typeOnly);
        if (why) wrong.push(`${file} → ${target}: ${why}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it("has every feature folder in the rule", () => {
    for (const feature of readdirSync(ROOT + "app/features")) expect(Object.keys(FEATURE_USES)).toContain(feature);
  });
});
