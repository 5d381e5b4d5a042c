import { readdirSync, statSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "~/platform/db.server";
import { sourceBuild, startApp, type RouteSource, type RunningApp } from "../../helpers/http-app";
import { demoAccount, signInAs, type DemoKey } from "../../helpers/remix";

/**
 * Every page rendered on the demo in both languages through the real server, from the route
 * sources. The browser gets only the messages its loaders send (the root the platform's, each
 * route its capabilities'); a page that shows a key it was not sent makes the server render
 * call console.error, which fails the test (tests/helpers/database.ts). Titles are translated.
 */
const ROUTES_DIR = new URL("../../../app/routes/", import.meta.url);

/** "admin.delegates.$id.tsx" → "admin/delegates/:id"; folder routes ("meetings/route.tsx") by their folder. */
function pageRoutes(): Promise<RouteSource[]> {
  const files = readdirSync(ROUTES_DIR).filter((f) =>
    statSync(new URL(f, ROUTES_DIR)).isDirectory() ? true : f.endsWith(".tsx"),
  );
  return Promise.all(
    files.map(async (f) => {
      const name = f.replace(/\.tsx$/, "");
      // A trailing underscore only takes a route out of its parent's layout ("programme_.sessions.$id").
      const segments = name
        .split(".")
        .filter((s) => s !== "_index")
        .map((s) => (s.endsWith("_") && s.length > 1 ? s.slice(0, -1) : s));
      const file = statSync(new URL(f, ROUTES_DIR)).isDirectory()
        ? new URL(`${f}/route.tsx`, ROUTES_DIR)
        : new URL(f, ROUTES_DIR);
      const module = (await import(/* @vite-ignore */ file.href)) as Record<string, unknown>;
      return {
        id: `routes/${name}`,
        path: segments.map((s) => (s.startsWith("$") ? `:${s.slice(1)}` : s)).join("/"),
        module,
      };
    }),
  );
}

let app: RunningApp;
const cookies = new Map<DemoKey, string>();
let ids: { registration: number; session: number; party: number; request: number; document: number; published: number };

beforeAll(async () => {
  app = await startApp(await sourceBuild(await pageRoutes()));
  for (const key of ["delegate", "organiser"] as const) cookies.set(key, await signInAs(key));
  const db = getDb();
  const [registration, session, party, request, document, published] = await Promise.all([
    db.selectFrom("registrations").select("id").orderBy("id").executeTakeFirstOrThrow(),
    db.selectFrom("sessions").select("id").orderBy("id").executeTakeFirstOrThrow(),
    db.selectFrom("meeting_requests").select("from_organisation_id as id").orderBy("id").executeTakeFirstOrThrow(),
    db.selectFrom("meeting_requests").select("id").orderBy("id").executeTakeFirstOrThrow(),
    db.selectFrom("documents").select("id").orderBy("id").executeTakeFirstOrThrow(),
    db.selectFrom("sessions").select("id").where("published", "=", 1).orderBy("id").executeTakeFirstOrThrow(),
  ]);
  ids = {
    registration: registration.id,
    session: session.id,
    party: party.id,
    request: request.id,
    document: document.id,
    published: published.id,
  };
}, 120_000);
afterAll(() => app?.close());

/** The page in a language: the cookie's for a visitor, the account's for someone signed in. */
async function page(path: string, locale: "vi" | "en", as?: DemoKey) {
  if (as) await getDb().updateTable("users").set({ locale }).where("email", "=", demoAccount(as).email).execute();
  const cookie = [`lang=${locale}`, as ? cookies.get(as) : null].filter(Boolean).join("; ");
  const res = await fetch(`${app.url}${path}`, { headers: { Cookie: cookie }, redirect: "manual" });
  const html = await res.text();
  return {
    status: res.status,
    html,
    title: /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? null,
    lang: /<html lang="(\w+)"/.exec(html)?.[1],
  };
}

const PAGES: Array<{ path: () => string; label?: string; as?: DemoKey; status?: number }> = [
  { path: () => "/" },
  { path: () => "/login" },
  { path: () => "/register" },
  { path: () => "/programme" },
  { path: () => "/forgot-password" },
  { path: () => "/invite/not-a-token", status: 404 },
  { path: () => "/join/not-a-token", status: 404 },
  { path: () => "/programme", as: "delegate" },
  { path: () => "/my-registration", as: "delegate" },
  { path: () => "/my-agenda", as: "delegate" },
  { path: () => "/meetings", as: "delegate" },
  { path: () => "/account", as: "delegate" },
  { path: () => "/organisations", as: "delegate" },
  { path: () => "/admin/dashboard", as: "organiser" },
  { path: () => "/admin/delegates", as: "organiser" },
  { path: () => `/admin/delegates/${ids.registration}`, label: "/admin/delegates/:registration", as: "organiser" },
  { path: () => "/admin/delegates/import", as: "organiser" },
  { path: () => "/admin/agenda", as: "organiser" },
  { path: () => `/admin/agenda/${ids.session}`, label: "/admin/agenda/:session", as: "organiser" },
  { path: () => "/admin/rooms", as: "organiser" },
  { path: () => "/admin/meetings", as: "organiser" },
  { path: () => "/admin/meetings?preview=1", as: "organiser" },
  { path: () => "/admin/meetings/settings", as: "organiser" },
  { path: () => `/admin/meetings/parties/${ids.party}`, label: "/admin/meetings/parties/:party", as: "organiser" },
  {
    path: () => `/admin/meetings/requests/${ids.request}`,
    label: "/admin/meetings/requests/:request",
    as: "organiser",
  },
  { path: () => "/admin/checkin", as: "organiser" },
  { path: () => "/admin/quotas", as: "organiser" },
  { path: () => "/admin/conference", as: "organiser" },
  { path: () => "/admin/people", as: "organiser" },
  { path: () => "/admin/outbox", as: "organiser" },
  { path: () => "/admin/audit", as: "organiser" },
  { path: () => "/admin/proceedings", as: "organiser" },
  { path: () => "/admin/documents", as: "organiser" },
  { path: () => "/admin/documents/new", as: "organiser" },
  { path: () => `/admin/documents/${ids.document}`, label: "/admin/documents/:document", as: "organiser" },
  { path: () => "/admin/prints", as: "organiser" },
  { path: () => "/agreements", as: "organiser" },
  { path: () => "/agreements", as: "delegate" },
  { path: () => "/agreements/new", as: "delegate" },
  { path: () => `/programme/sessions/${ids.published}`, label: "/programme/sessions/:session" },
  {
    path: () => `/programme/sessions/${ids.published}/summary`,
    label: "/programme/sessions/:session/summary",
    as: "organiser",
  },
];

describe("every page, in Vietnamese and in English", () => {
  for (const p of PAGES) {
    it(`${p.as ?? "a visitor"} opening ${p.label ?? p.path()} gets every text it shows, and a translated title`, async () => {
      const [vi, en] = [await page(p.path(), "vi", p.as), await page(p.path(), "en", p.as)];
      for (const [locale, answer] of [
        ["vi", vi],
        ["en", en],
      ] as const) {
        expect(answer.status, `${locale} ${p.path()}`).toBe(p.status ?? 200);
        expect(answer.lang).toBe(locale);
        expect(answer.title).toMatch(/(Hội nghị Ngoại vụ|External Affairs Conference)$/);
      }
      expect(vi.title).toMatch(/Hội nghị Ngoại vụ$/);
      expect(en.title).toMatch(/External Affairs Conference$/);
      // Only the active language's messages ride along: one of the platform's, in each language.
      expect(vi.html).toContain("Chuyển đến nội dung chính");
      expect(vi.html).not.toContain("Skip to main content");
      expect(en.html).toContain("Skip to main content");
      expect(en.html).not.toContain("Chuyển đến nội dung chính");
    });
  }

  it("an unknown address answers a 404 page in the visitor's language, without the root's data", async () => {
    for (const [locale, title, heading] of [
      ["vi", "Không tìm thấy trang · Hội nghị Ngoại vụ", "Không tìm thấy trang"],
      ["en", "Page not found · External Affairs Conference", "Page not found"],
    ] as const) {
      const answer = await page("/no-such-page", locale);
      expect(answer.status).toBe(404);
      expect(answer.lang).toBe(locale);
      expect(answer.title).toBe(title);
      expect(answer.html).toContain(`<h1 class="mt-1">${heading}</h1>`);
    }
  });

  it("a refused page is translated, its title included", async () => {
    const answer = await page("/admin/people", "en", "delegate");
    expect(answer.status).toBe(403);
    expect(answer.title).toBe("You do not have access to this page · External Affairs Conference");
    expect(answer.html).toContain("You do not have access to this page");
  });
});
