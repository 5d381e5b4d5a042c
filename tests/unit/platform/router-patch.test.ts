import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

// The server loads Remix's router as CommonJS (through @remix-run/server-runtime): that build is patched.
const require = createRequire(import.meta.url);
const routerPath = require.resolve("@remix-run/router");
const router = require("@remix-run/router") as typeof import("@remix-run/router");

const routes = [
  {
    id: "root",
    path: "",
    children: [
      { id: "home", index: true },
      { id: "programme", path: "programme" },
      { id: "session", path: "programme/sessions/:id" },
      { id: "agenda", path: "admin/agenda/:id" },
      { id: "Exact", path: "Exact", caseSensitive: true },
      { id: "splat", path: "files/*" },
    ],
  },
];
const ids = (path: string) => router.matchRoutes(routes, path)?.map((m) => [m.route.id, m.params]) ?? null;

describe("the router as the server runs it (patch-package: patches/@remix-run+router+*.patch)", () => {
  it("is the patched build (npm install's postinstall ran patch-package)", () => {
    expect(routerPath).toMatch(/router\.cjs\.js$/);
    const source = readFileSync(routerPath, "utf8");
    expect(source).toContain("const compiledPaths = new Map();");
    expect(source).toContain("const rankedBranches = new WeakMap();");
  });

  it("matches as before, the same on every call", () => {
    for (let round = 0; round < 3; round++) {
      expect(ids("/")).toEqual([
        ["root", {}],
        ["home", {}],
      ]);
      expect(ids("/programme/")).toEqual([
        ["root", {}],
        ["programme", {}],
      ]);
      expect(ids("/programme/sessions/7")?.[1]).toEqual(["session", { id: "7" }]);
      expect(ids("/programme/sessions/8")?.[1]).toEqual(["session", { id: "8" }]);
      expect(ids("/admin/agenda/3")?.[1]).toEqual(["agenda", { id: "3" }]);
      expect(ids("/files/a/b.pdf")?.[1]).toEqual(["splat", { "*": "a/b.pdf" }]);
      expect(ids("/PROGRAMME")?.[1]).toEqual(["programme", {}]);
      expect(ids("/Exact")?.[1]).toEqual(["Exact", {}]);
      expect(ids("/exact")).toBeNull();
      expect(ids("/nowhere")).toBeNull();
    }
  });

  it("keeps matchPath's case and end options apart", () => {
    expect(router.matchPath({ path: "/a", caseSensitive: true }, "/A")).toBeNull();
    expect(router.matchPath({ path: "/a", caseSensitive: false }, "/A")).not.toBeNull();
    expect(router.matchPath({ path: "/a", end: false }, "/a/b")?.pathnameBase).toBe("/a");
    expect(router.matchPath({ path: "/a", end: true }, "/a/b")).toBeNull();
  });

  it("matches a new tree of routes by its own branches", () => {
    const other = [{ id: "only", path: "programme/sessions/:slug" }];
    expect(router.matchRoutes(other, "/programme/sessions/x")?.[0].params).toEqual({ slug: "x" });
    expect(ids("/programme/sessions/x")?.[1]).toEqual(["session", { id: "x" }]);
  });
});
