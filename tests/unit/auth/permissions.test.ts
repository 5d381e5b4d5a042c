import { describe, expect, it } from "vitest";
import { navigationFor } from "~/components/navigation";
import { can, PERMISSIONS, ROLE_PERMISSIONS } from "~/auth/permissions";
import { ROLES } from "~/auth/roles";

describe("permissions", () => {
  it("gives organisers every permission but applying for a booth, which is the exhibitors' own", () => {
    for (const p of PERMISSIONS) expect(can("organiser", p), p).toBe(p !== "apply:exhibition");
    expect(can("exhibitor", "apply:exhibition")).toBe(true);
    for (const role of ["delegate", "secretariat"] as const) expect(can(role, "apply:exhibition")).toBe(false);
    expect(can("secretariat", "read:exhibition:any")).toBe(true);
    expect(can("secretariat", "update:exhibition")).toBe(false);
  });
  it("keeps organiser actions from delegates and exhibitors", () => {
    for (const role of ["delegate", "exhibitor"] as const) {
      expect(can(role, "update:conference")).toBe(false);
      expect(can(role, "invite:user")).toBe(false);
      expect(can(role, "read:audit_log")).toBe(false);
      expect(can(role, "read:organisation")).toBe(true);
    }
  });
  it("lets the secretariat read people but not change them", () => {
    expect(can("secretariat", "read:user:any")).toBe(true);
    expect(can("secretariat", "invite:user")).toBe(false);
    expect(can(null, "read:conference")).toBe(false);
  });
  it("defines a permission set for every role", () => {
    expect(Object.keys(ROLE_PERMISSIONS).sort()).toEqual([...ROLES].sort());
  });
});

describe("navigation by role", () => {
  const paths = (role: Parameters<typeof navigationFor>[0]) => navigationFor(role).map((i) => i.to);
  it("differs by role", () => {
    expect(paths(null)).toEqual(["/", "/programme"]);
    expect(paths("organiser")).toEqual([
      "/",
      "/programme",
      "/my-registration",
      "/my-agenda",
      "/meetings",
      "/exhibition",
      "/agreements",
      "/admin/dashboard",
      "/admin/delegates",
      "/admin/agenda",
      "/admin/meetings",
      "/admin/exhibition",
      "/admin/documents",
      "/admin/proceedings",
      "/admin/prints",
      "/admin/checkin",
      "/organisations",
      "/admin/conference",
      "/admin/people",
      "/admin/outbox",
      "/admin/audit",
    ]);
    expect(paths("secretariat")).toEqual([
      "/",
      "/programme",
      "/my-registration",
      "/my-agenda",
      "/meetings",
      "/exhibition",
      "/agreements",
      "/admin/dashboard",
      "/admin/delegates",
      "/admin/exhibition",
      "/admin/documents",
      "/admin/proceedings",
      "/admin/prints",
      "/organisations",
      "/admin/people",
      "/admin/outbox",
    ]);
    expect(paths("delegate")).toEqual([
      "/",
      "/programme",
      "/my-registration",
      "/my-agenda",
      "/meetings",
      "/exhibition",
      "/agreements",
      "/organisations",
    ]);
    expect(paths("exhibitor")).toEqual([
      "/",
      "/programme",
      "/my-registration",
      "/my-agenda",
      "/meetings",
      "/exhibition",
      "/exhibition/apply",
      "/organisations",
    ]);
  });
});
