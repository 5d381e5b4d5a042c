import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleScript } from "~/http/i18n.server";
import * as messagesScript from "~/routes/i18n.$file";
import * as programme from "~/routes/programme";
import { sourceBuild, startApp, type RunningApp } from "../../helpers/http-app";

let app: RunningApp;
beforeAll(async () => {
  app = await startApp(
    await sourceBuild([
      { id: "routes/i18n.$file", path: "i18n/:file", module: messagesScript },
      { id: "routes/programme", path: "programme", module: programme },
    ]),
  );
});
afterAll(() => app.close());

describe("/i18n/:file, the messages' scripts", () => {
  it("serves a bundle under its hash, cached for good", async () => {
    const { hash, script } = bundleScript("vi.agenda")!;
    const res = await fetch(`${app.url}/i18n/vi.agenda.${hash}.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(await res.text()).toBe(script);
  });

  it("serves today's content, not cached, under an old hash", async () => {
    const res = await fetch(`${app.url}/i18n/en.platform.0123456789abcdef.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-cache");
    expect(await res.text()).toBe(bundleScript("en.platform")!.script);
  });

  it("knows no other file", async () => {
    for (const file of [
      "vi.nothing.0123456789abcdef.js",
      "vi.agenda.js",
      "../package.json",
      "fr.platform.0123456789abcdef.js",
    ]) {
      const res = await fetch(`${app.url}/i18n/${encodeURIComponent(file)}`);
      expect(res.status, file).toBe(404);
    }
  });

  it("a page's first load names its bundles and loads them; a data request gets the messages inline", async () => {
    const html = await (await fetch(`${app.url}/programme`)).text();
    const agenda = `/i18n/vi.agenda.${bundleScript("vi.agenda")!.hash}.js`;
    // Blocking (neither async nor defer): Remix's module script is async and must find them run.
    const tag = new RegExp(`<script src="${agenda.replace(/[.+]/g, "\\$&")}"[^>]*>`).exec(html)?.[0];
    expect(tag).toBeDefined();
    expect(tag).not.toMatch(/\b(async|defer)\b/);
    expect(html).toContain(`/i18n/vi.platform.${bundleScript("vi.platform")!.hash}.js`);
    // The dictionary is not inlined in the page.
    expect(html).not.toContain('"programme.title":');
    const data = await (await fetch(`${app.url}/programme?_data=routes%2Fprogramme`)).json();
    expect(data.messages["programme.title"]).toBe("Chương trình hội nghị");
    // A client cannot ask for the page's treatment on a data request.
    const forged = await fetch(`${app.url}/programme?_data=routes%2Fprogramme`, {
      headers: { "x-ngoaivu-document-request": "1" },
    });
    expect((await forged.json()).messages["programme.title"]).toBe("Chương trình hội nghị");
  });
});
