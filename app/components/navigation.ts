import type { MessageKey } from "~/platform/i18n";
import { can, type Permission } from "~/auth/permissions";
import type { Role } from "~/auth/roles";

export interface NavItem {
  to: string;
  label: MessageKey;
  permission?: Permission;
}

/** Every page in the main navigation, with the permission that shows it. */
export const NAV_ITEMS: NavItem[] = [
  { to: "/", label: "nav.home" },
  { to: "/programme", label: "nav.programme" },
  { to: "/my-registration", label: "nav.myRegistration", permission: "register:self" },
  { to: "/my-agenda", label: "nav.myAgenda", permission: "register:self" },
  { to: "/meetings", label: "nav.meetings", permission: "register:self" },
  { to: "/exhibition", label: "nav.exhibition", permission: "read:conference" },
  { to: "/exhibition/apply", label: "nav.exhibitionApply", permission: "apply:exhibition" },
  { to: "/agreements", label: "nav.agreements", permission: "record:agreement" },
  { to: "/admin/dashboard", label: "nav.dashboard", permission: "read:dashboard" },
  { to: "/admin/delegates", label: "nav.delegates", permission: "read:registration:any" },
  { to: "/admin/agenda", label: "nav.agenda", permission: "update:agenda" },
  { to: "/admin/meetings", label: "nav.meetingsAdmin", permission: "update:agenda" },
  { to: "/admin/exhibition", label: "nav.exhibitionAdmin", permission: "read:exhibition:any" },
  { to: "/admin/documents", label: "nav.documents", permission: "update:document" },
  { to: "/admin/proceedings", label: "nav.proceedings", permission: "build:proceedings" },
  { to: "/admin/prints", label: "nav.prints", permission: "print:badge" },
  { to: "/admin/checkin", label: "nav.checkin", permission: "checkin:registration" },
  { to: "/organisations", label: "nav.organisations", permission: "read:organisation" },
  { to: "/admin/conference", label: "nav.conference", permission: "update:conference" },
  { to: "/admin/people", label: "nav.people", permission: "read:user:any" },
  { to: "/admin/outbox", label: "nav.outbox", permission: "read:outbox" },
  { to: "/admin/audit", label: "nav.audit", permission: "read:audit_log" },
];

/** The navigation a role sees; visitors see only the home page. */
export function navigationFor(role: Role | null): NavItem[] {
  return NAV_ITEMS.filter((item) => (item.permission ? can(role, item.permission) : true));
}

/** The page a navigation item leads to is the current one (or one of its sub-pages): the phone menu names it. */
export function isCurrent(to: string, pathname: string): boolean {
  return to === "/" ? pathname === "/" : pathname === to || pathname.startsWith(`${to}/`);
}
