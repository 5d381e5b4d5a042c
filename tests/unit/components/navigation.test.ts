import { describe, expect, it } from "vitest";
import { isCurrent, navigationFor } from "~/components/navigation";

describe("the navigation", () => {
  it("gives a delegate every page of theirs, the bilateral meetings included", () => {
    expect(navigationFor("delegate").map((i) => i.to)).toEqual([
      "/",
      "/programme",
      "/my-registration",
      "/my-agenda",
      "/meetings",
      "/exhibition",
      "/agreements",
      "/organisations",
    ]);
  });

  it("marks the page and its sub-pages as current, the home page only on itself", () => {
    expect(isCurrent("/", "/")).toBe(true);
    expect(isCurrent("/", "/programme")).toBe(false);
    expect(isCurrent("/admin/delegates", "/admin/delegates")).toBe(true);
    expect(isCurrent("/admin/delegates", "/admin/delegates/12")).toBe(true);
    // A prefix of the name is not a sub-page, and /meetings is not /admin/meetings.
    expect(isCurrent("/admin/agenda", "/admin/agendas")).toBe(false);
    expect(isCurrent("/meetings", "/admin/meetings")).toBe(false);
  });
});
