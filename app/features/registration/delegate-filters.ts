/**
 * The delegate list's filters, read from the URL (so that a filtered list can
 * be bookmarked, printed or exported as it is). Pure and unit-tested.
 */
import { MODES, STATUSES, type AttendanceMode, type RegistrationStatus } from "./rules";
import { ORGANISATION_KINDS, type OrganisationKind } from "../../auth/roles";

export const DELEGATE_SORTS = ["name", "organisation", "created", "status"] as const;
export type DelegateSort = (typeof DELEGATE_SORTS)[number];

export interface DelegateFilters {
  q: string;
  status: RegistrationStatus | null;
  mode: AttendanceMode | null;
  kind: OrganisationKind | null;
  organisationId: number | null;
  sort: DelegateSort;
  desc: boolean;
  page: number;
}

const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | null =>
  allowed.includes(value as T) ? (value as T) : null;

export function parseDelegateFilters(params: URLSearchParams): DelegateFilters {
  const org = Number(params.get("organisation"));
  const page = Number(params.get("page"));
  return {
    q: (params.get("q") ?? "").slice(0, 100),
    status: pick(params.get("status"), STATUSES),
    mode: pick(params.get("mode"), MODES),
    kind: pick(params.get("kind"), ORGANISATION_KINDS),
    organisationId: Number.isInteger(org) && org > 0 ? org : null,
    sort: pick(params.get("sort"), DELEGATE_SORTS) ?? "created",
    desc: params.get("dir") === "desc",
    page: Number.isInteger(page) && page > 0 && page < 100000 ? page : 1,
  };
}

/** The filters back as URL parameters (defaults left out), e.g. for the export link. */
export function delegateFilterParams(f: DelegateFilters, overrides: Partial<DelegateFilters> = {}): URLSearchParams {
  const v = { ...f, ...overrides };
  const p = new URLSearchParams();
  if (v.q) p.set("q", v.q);
  if (v.status) p.set("status", v.status);
  if (v.mode) p.set("mode", v.mode);
  if (v.kind) p.set("kind", v.kind);
  if (v.organisationId) p.set("organisation", String(v.organisationId));
  if (v.sort !== "created") p.set("sort", v.sort);
  if (v.desc) p.set("dir", "desc");
  if (v.page > 1) p.set("page", String(v.page));
  return p;
}
