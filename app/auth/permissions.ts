import type { Role } from "./roles";

/**
 * Permissions as "action:entity[:own|any]" strings (epic-stack ADR 028). The
 * server checks them in every loader and action; the UI only hides what the
 * server would refuse anyway.
 */
export const PERMISSIONS = [
  "read:conference",
  "update:conference",
  "read:organisation",
  "read:user:any",
  "invite:user",
  "update:user:any",
  "read:audit_log",
  "read:outbox",
  "update:user:own",
  "register:self",
  "read:registration:any",
  "update:registration:any",
  "import:registration",
  "export:registration",
  "print:badge",
  "checkin:registration",
  "read:dashboard",
  "update:quota",
  "update:agenda",
  "update:exhibition",
  "read:exhibition:any",
  "apply:exhibition",
  "update:document",
  "read:agreement:any",
  "update:agreement:any",
  "build:proceedings",
  "record:agreement",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const everyone: Permission[] = ["read:conference", "read:organisation", "update:user:own", "register:self"];

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  organiser: new Set<Permission>([
    ...everyone,
    "update:conference",
    "read:user:any",
    "invite:user",
    "update:user:any",
    "read:audit_log",
    "read:outbox",
    "read:registration:any",
    "update:registration:any",
    "import:registration",
    "export:registration",
    "print:badge",
    "checkin:registration",
    "read:dashboard",
    "update:quota",
    "update:agenda",
    "update:exhibition",
    "read:exhibition:any",
    "update:document",
    "read:agreement:any",
    "update:agreement:any",
    "build:proceedings",
    "record:agreement",
  ]),
  secretariat: new Set<Permission>([
    ...everyone,
    "read:user:any",
    "read:outbox",
    "read:registration:any",
    "export:registration",
    "print:badge",
    "read:dashboard",
    "read:exhibition:any",
    "update:document",
    "read:agreement:any",
    "update:agreement:any",
    "build:proceedings",
    "record:agreement",
  ]),
  // Who records agreements for a province or ministry is decided by organisationAuthority; this only shows the page.
  delegate: new Set<Permission>([...everyone, "record:agreement"]),
  exhibitor: new Set<Permission>([...everyone, "apply:exhibition"]),
};

export function can(role: Role | null | undefined, permission: Permission): boolean {
  return role ? ROLE_PERMISSIONS[role].has(permission) : false;
}

/** Where a person lands after signing in when no page asked for it: organisers at the desk on the dashboard. */
export function landingPath(role: Role | null | undefined): string {
  return role === "organiser" ? "/admin/dashboard" : "/";
}
