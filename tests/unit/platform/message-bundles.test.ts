import { describe, expect, it } from "vitest";
import {
  bundleMessages,
  bundleScript,
  pageMessages,
  requestMessages,
  rootMessages,
  sendRootMessages,
} from "~/http/i18n.server";
import { DOCUMENT_REQUEST_HEADER, isMessageBundle, MESSAGE_BUNDLES_GLOBAL } from "~/platform/i18n";

const page = (path: string, document: boolean) =>
  new Request(`http://localhost${path}`, { headers: document ? { [DOCUMENT_REQUEST_HEADER]: "1" } : {} });

describe("messages sent by name (bundles)", () => {
  it("names the platform's and each page's capabilities' messages, in one language", () => {
    expect(bundleMessages("vi.platform")).toBe(rootMessages("vi"));
    expect(bundleMessages("en.agenda")).toEqual(pageMessages("en", "agenda"));
    expect(bundleMessages("vi.agenda+meetings")).toEqual(pageMessages("vi", "agenda", "meetings"));
    // The same object each time, so that a page's merge is cached.
    expect(bundleMessages("vi.agenda+meetings")).toBe(bundleMessages("vi.agenda+meetings"));
  });

  it("knows no other name", () => {
    for (const name of [
      "fr.platform",
      "vi",
      "vi.",
      "vi.nothing",
      "vi.agenda+nothing",
      "vi.agenda.extra",
      "vi.__proto__",
    ])
      expect(bundleMessages(name), name).toBeNull();
  });

  it("makes a script that fills the bundles' global, with a hash of its content", () => {
    const { script, hash } = bundleScript("en.registration")!;
    expect(hash).toMatch(/^[0-9a-f]{16}$/);
    const self: Record<string, Record<string, Record<string, string>>> = {};
    new Function("self", script)(self);
    expect(self[MESSAGE_BUNDLES_GLOBAL]["en.registration"]).toEqual(pageMessages("en", "registration"));
    expect(bundleScript("vi.registration")!.hash).not.toBe(hash);
  });

  it("names the bundle on a page's first load and sends the messages inline otherwise", async () => {
    const first = await requestMessages(page("/programme", true), "agenda");
    expect(isMessageBundle(first) && first).toEqual({
      bundle: "vi.agenda",
      src: `/i18n/vi.agenda.${bundleScript("vi.agenda")!.hash}.js`,
    });
    // A navigation in the browser (Remix's data request) or a loader called directly.
    expect(await requestMessages(page("/programme", false), "agenda")).toEqual(pageMessages("vi", "agenda"));
    expect(sendRootMessages(page("/", true), "en")).toEqual({
      bundle: "en.platform",
      src: `/i18n/en.platform.${bundleScript("en.platform")!.hash}.js`,
    });
    expect(sendRootMessages(page("/", false), "en")).toBe(rootMessages("en"));
    expect(await requestMessages(page("/", true))).toEqual({});
  });
});
