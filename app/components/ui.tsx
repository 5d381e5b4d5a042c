import { Link, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "./i18n";

export function PageHeader({ title, action, children }: { title: string; action?: ReactNode; children?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
      <div>
        <h1>{title}</h1>
        {children ? <div className="mt-1 text-sm text-slate-600">{children}</div> : null}
      </div>
      {action ? <div className="no-print">{action}</div> : null}
    </div>
  );
}

type Tone = "success" | "error" | "info";
const toneClass: Record<Tone, string> = {
  success: "border-emerald-300 bg-emerald-50 text-emerald-900",
  error: "border-red-300 bg-red-50 text-red-900",
  info: "border-navy-200 bg-navy-50 text-navy-900",
};
const toneIcon: Record<Tone, string> = { success: "✓", error: "!", info: "i" };

/** A message with a word and an icon, never colour alone. role=status/alert so screen readers hear it. */
export function Notice({ tone, children, id }: { tone: Tone; children: ReactNode; id?: string }) {
  return (
    <div
      id={id}
      role={tone === "error" ? "alert" : "status"}
      className={`mb-4 flex gap-3 rounded-md border px-4 py-3 text-sm ${toneClass[tone]}`}
    >
      <span aria-hidden="true" className="font-bold">
        {toneIcon[tone]}
      </span>
      <div className="min-w-0 flex-1 break-words">{children}</div>
    </div>
  );
}

const badgeTones = {
  navy: "bg-navy-100 text-navy-800",
  green: "bg-emerald-100 text-emerald-800",
  red: "bg-red-100 text-red-800",
  grey: "bg-slate-100 text-slate-700",
  amber: "bg-amber-100 text-amber-900",
} as const;

export function Badge({ tone = "grey", children }: { tone?: keyof typeof badgeTones; children: ReactNode }) {
  return (
    <span className={`inline-block rounded px-2 py-0.5 text-xs font-semibold ${badgeTones[tone]}`}>{children}</span>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center">
      <p className="font-semibold text-slate-800">{title}</p>
      {children ? <div className="mt-2 text-sm text-slate-600">{children}</div> : null}
    </div>
  );
}

/** Previous/next links that keep every other search parameter. */
export function Pagination({ page, pageSize, total }: { page: number; pageSize: number; total: number }) {
  const t = useT();
  const [params] = useSearchParams();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const href = (p: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(p));
    return `?${next}`;
  };
  return (
    <nav
      aria-label={t("common.page", { page, pages })}
      className="no-print mt-4 flex items-center justify-between gap-4 text-sm"
    >
      {page > 1 ? (
        <Link className="btn-secondary" to={href(page - 1)} preventScrollReset>
          ← {t("common.previous")}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-slate-600">{t("common.page", { page, pages })}</span>
      {page < pages ? (
        <Link className="btn-secondary" to={href(page + 1)} preventScrollReset>
          {t("common.next")} →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

/**
 * Filter chips as links: the current one is marked with aria-current and a tick. By default the
 * filter is the address's `name` parameter; a page that filters in its own state gives `current`
 * and `href` instead.
 */
export function FilterChips({
  name,
  options,
  label,
  current: given,
  href: givenHref,
}: {
  name: string;
  label: string;
  options: Array<{ value: string; label: string; count?: number }>;
  current?: string;
  href?: (value: string) => string;
}) {
  const t = useT();
  const [params] = useSearchParams();
  const current = given ?? params.get(name) ?? "";
  const href =
    givenHref ??
    ((value: string) => {
      const next = new URLSearchParams(params);
      if (value) next.set(name, value);
      else next.delete(name);
      next.delete("page");
      const s = next.toString();
      return s ? `?${s}` : "?";
    });
  const all = [{ value: "", label: t("common.all") }, ...options];
  return (
    // One row that scrolls sideways on a phone (it wraps from the small breakpoint up).
    <div
      role="group"
      aria-label={label}
      className="no-print -mx-4 flex items-center gap-2 overflow-x-auto px-4 pb-1 sm:mx-0 sm:flex-wrap sm:overflow-visible sm:px-0 sm:pb-0"
    >
      <span aria-hidden="true" className="mr-1 shrink-0 text-xs font-semibold uppercase text-slate-600 sm:min-w-[6rem]">
        {label}
      </span>
      {all.map((o) => {
        const active = o.value === current;
        return (
          <Link
            key={o.value || "all"}
            to={href(o.value)}
            aria-current={active ? "true" : undefined}
            preventScrollReset
            className={`inline-flex min-h-11 shrink-0 items-center whitespace-nowrap rounded-full border px-4 text-sm ${active ? "border-navy-700 bg-navy-700 text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-100"}`}
          >
            {active ? "✓ " : ""}
            {o.label}
            {o.count !== undefined ? <span className="ml-1 opacity-75">({o.count})</span> : null}
          </Link>
        );
      })}
    </div>
  );
}

export function parsePage(value: string | null): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 && n < 100000 ? n : 1;
}

/** A list page's filter: a labelled select whose first choice ("any") sends an empty value. */
export function FilterSelect({
  name,
  label,
  value,
  options,
  anyLabel,
}: {
  name: string;
  label: string;
  value: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  anyLabel: string;
}) {
  return (
    <div>
      <label htmlFor={`filter-${name}`} className="label">
        {label}
      </label>
      <select id={`filter-${name}`} name={name} defaultValue={value} className="input">
        <option value="">{anyLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
