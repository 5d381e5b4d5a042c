import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useLocation, useRevalidator } from "@remix-run/react";
import { useEffect, useState } from "react";
import { requirePermission } from "~/auth/guards.server";
import { BarList, DayChart, LegendKey, SegmentedBar, type BarTone } from "~/components/charts";
import { pageMeta, useBilingual, useLocale, useT } from "~/components/i18n";
import { requestMessages } from "~/http/i18n.server";
import { DataTable, type RowGroup } from "~/components/data-table";
import { EmptyState, PageHeader } from "~/components/ui";
import { formatDay } from "~/features/registration/dashboard";
import { can } from "~/auth/permissions";
import { MODES, STATUSES, type RegistrationStatus } from "~/features/registration/rules";
import { ORGANISATION_KINDS, REGIONS } from "~/auth/roles";
import { formatInstant, offsetLabel } from "~/lib/time";
import { getDashboard, type Dashboard } from "~/features/registration/dashboard.server";
import { AgreementsPanel } from "~/features/proceedings/agreements/components/agreements-panel";
import { agreementCounts } from "~/features/proceedings/agreements/figures.server";
import { getCurrentConference } from "~/features/people/conference.server";
import { getDb } from "~/platform/db.server";
import { nowIso } from "~/lib/clock";
import { zonedDate } from "~/lib/time";

export const meta: MetaFunction = (args) => pageMeta(args, "dashboard.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:dashboard");
  const conference = await getCurrentConference();
  // The register of international agreements (issue 14), for those who may read every agreement.
  const agreements =
    conference && can(user.role, "read:agreement:any")
      ? await agreementCounts(getDb(), conference.id, zonedDate(nowIso(), conference.time_zone))
      : null;
  return json({
    messages: await requestMessages(request, "registration", "proceedings"),
    dashboard: await getDashboard(),
    canConfigure: can(user.role, "update:conference"),
    agreements,
  });
}

/** The delegate list with these filters (parameter names shared with /admin/delegates). */
const listHref = (filters: Record<string, string | undefined>) => {
  const p = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => Boolean(e[1])));
  const s = p.toString();
  return `/admin/delegates${s ? `?${s}` : ""}`;
};

const STATUS_TONE: Record<RegistrationStatus, BarTone> = {
  approved: "green",
  pending: "navy",
  waitlisted: "amber",
  rejected: "slate",
  cancelled: "slate",
};

function StatCard({
  label,
  value,
  hint,
  href,
  testId,
}: {
  label: string;
  value: number;
  hint: string;
  href: string;
  testId: string;
}) {
  return (
    <Link
      to={href}
      className="card block transition-colors hover:border-navy-300 hover:bg-navy-50"
      data-testid={testId}
    >
      <span className="block text-sm font-semibold text-slate-600">{label}</span>
      <span className="mt-1 block text-3xl font-bold tabular-nums text-navy-900">{value}</span>
      <span className="mt-1 block text-xs text-slate-500">{hint}</span>
    </Link>
  );
}

function CapacityCard({ d }: { d: Dashboard }) {
  const t = useT();
  const c = d.capacity;
  const link = (status: string) => listHref({ mode: "in_person", status });
  return (
    <section className="card" aria-labelledby="capacity-heading" data-testid="capacity">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="capacity-heading">{t("dashboard.capacity.title")}</h2>
        <p className="text-sm text-slate-700">
          <span className="text-lg font-bold tabular-nums text-navy-900">
            {t("dashboard.capacity.used", { held: c.held, capacity: c.capacity })}
          </span>{" "}
          <span className="font-semibold tabular-nums">({c.percent}%)</span>
        </p>
      </div>
      <div className="mt-3">
        <SegmentedBar
          whole={c.capacity}
          summary={t("dashboard.capacity.summary", { ...c })}
          segments={[
            { key: "approved", value: c.approved, tone: "navy" },
            { key: "pending", value: c.pending, tone: "light", striped: true },
          ]}
        />
      </div>
      <ul className="mt-3 flex flex-wrap gap-x-6 gap-y-2 text-sm text-slate-700">
        <li className="flex items-center gap-2">
          <LegendKey tone="navy" />
          {t("dashboard.capacity.approved")}:{" "}
          <Link to={link("approved")} className="font-semibold tabular-nums text-navy-700 hover:underline">
            {c.approved}
          </Link>
        </li>
        <li className="flex items-center gap-2">
          <LegendKey tone="light" striped />
          {t("dashboard.capacity.pending")}:{" "}
          <Link to={link("pending")} className="font-semibold tabular-nums text-navy-700 hover:underline">
            {c.pending}
          </Link>
        </li>
        <li className="flex items-center gap-2">
          <LegendKey tone="empty" />
          {t("dashboard.capacity.free")}: <span className="font-semibold tabular-nums">{c.free}</span>
        </li>
        <li className="flex items-center gap-2 sm:ml-auto">
          {t("dashboard.capacity.waiting")}:{" "}
          <Link to={link("waitlisted")} className="font-semibold tabular-nums text-navy-700 hover:underline">
            {c.waiting}
          </Link>
        </li>
      </ul>
      {c.capacity === 0 ? (
        <p className="mt-3 text-sm text-slate-600">{t("dashboard.capacity.none")}</p>
      ) : c.free === 0 ? (
        <p className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          <span aria-hidden="true">! </span>
          {t("dashboard.capacity.full")}
        </p>
      ) : null}
    </section>
  );
}

interface CrossRow {
  key: string;
  label: string;
  counts: Dashboard["all"];
  filters: Record<string, string>;
}

/** One table for every group, so the status columns line up; on phones the zero cells are left out. */
function CrossTable({ caption, groups }: { caption: string; groups: RowGroup<CrossRow>[] }) {
  const t = useT();
  const cell = (n: number, filters: Record<string, string>, label: string) =>
    n > 0 ? (
      <Link
        to={listHref(filters)}
        aria-label={t("dashboard.viewList", { count: n, label })}
        className="font-semibold tabular-nums text-navy-700 underline-offset-2 hover:underline"
      >
        {n}
      </Link>
    ) : (
      <span className="tabular-nums text-slate-500">0</span>
    );
  return (
    <DataTable
      framed={false}
      caption={caption}
      groups={groups}
      rowKey={(r) => r.key}
      rowProps={(r) => ({ "data-testid": `cross-${r.key}` })}
      columns={[
        {
          key: "group",
          header: t("dashboard.cross.group"),
          rowHeader: true,
          className: "!bg-white text-left font-semibold text-slate-800 max-sm:block max-sm:!border-0",
          cell: (r) => r.label,
        },
        ...STATUSES.map((s) => ({
          key: s,
          header: t(`registration.status.${s}`),
          headerClassName: "text-right",
          className: (r: CrossRow) => `sm:text-right ${r.counts[s] === 0 ? "max-sm:!hidden" : ""}`,
          cell: (r: CrossRow) =>
            cell(r.counts[s], { ...r.filters, status: s }, `${r.label} · ${t(`registration.status.${s}`)}`),
        })),
        {
          key: "total",
          header: t("dashboard.cross.total"),
          headerClassName: "text-right",
          className: "sm:text-right",
          cell: (r) => cell(r.counts.total, r.filters, r.label),
        },
      ]}
    />
  );
}

function DailySection({ d }: { d: Dashboard }) {
  const t = useT();
  const locale = useLocale();
  const days = d.daily;
  if (days.length === 0) return <EmptyState title={t("dashboard.daily.empty")} />;
  const first = days[0];
  const last = days[days.length - 1];
  const peak = days.reduce((a, b) => (b.created > a.created ? b : a), first);
  const label = (day: string, withYear = false) => formatDay(day, locale, withYear);
  const from = label(first.day, true);
  const to = label(last.day, true);
  const startTotal = first.cumulative;
  return (
    <>
      <div className="grid gap-6 md:grid-cols-2">
        <div>
          <h3 className="mb-2 text-sm font-semibold text-slate-700">{t("dashboard.daily.new")}</h3>
          <DayChart
            testId="chart-new"
            kind="columns"
            values={days.map((p) => p.created)}
            titles={days.map((p) => t("dashboard.daily.tooltip", { day: label(p.day), count: p.created }))}
            summary={t("dashboard.daily.newSummary", {
              from,
              to,
              max: peak.created,
              maxDay: label(peak.day, true),
              last: last.created,
            })}
            maxLabel={t("dashboard.daily.max", { max: peak.created })}
            fromLabel={label(first.day)}
            toLabel={label(last.day)}
          />
        </div>
        <div>
          <h3 className="mb-2 text-sm font-semibold text-slate-700">{t("dashboard.daily.cumulative")}</h3>
          <DayChart
            testId="chart-cumulative"
            kind="area"
            values={days.map((p) => p.cumulative)}
            titles={days.map((p) => t("dashboard.daily.tooltip", { day: label(p.day), count: p.cumulative }))}
            summary={t("dashboard.daily.cumulativeSummary", { start: startTotal, from, end: last.cumulative, to })}
            maxLabel={t("dashboard.daily.max", { max: last.cumulative })}
            fromLabel={label(first.day)}
            toLabel={label(last.day)}
          />
        </div>
      </div>
      {/* The wrapper hides it: a table itself ignores overflow:hidden and would widen the page. */}
      <div className="sr-only">
        <table data-testid="daily-table">
          <caption>{t("dashboard.daily.table")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("dashboard.daily.day")}</th>
              <th scope="col">{t("dashboard.daily.created")}</th>
              <th scope="col">{t("registration.mode.in_person")}</th>
              <th scope="col">{t("registration.mode.online")}</th>
              <th scope="col">{t("dashboard.daily.approved")}</th>
              <th scope="col">{t("dashboard.daily.cumulative")}</th>
            </tr>
          </thead>
          <tbody>
            {days.map((p) => (
              <tr key={p.day}>
                <th scope="row">{label(p.day, true)}</th>
                <td>{p.created}</td>
                <td>{p.inPerson}</td>
                <td>{p.online}</td>
                <td>{p.approved}</td>
                <td>{p.cumulative}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function ProvincesCard({ d }: { d: Dashboard }) {
  const t = useT();
  const pick = useBilingual();
  const { total, withoutDelegates } = d.provinces;
  const locale = useLocale();
  const collator = new Intl.Collator(locale === "vi" ? "vi" : "en");
  const named = withoutDelegates
    .map((p) => ({ id: p.id, region: p.region, name: pick(p.name_vi, p.name_en) }))
    .sort((a, b) => collator.compare(a.name, b.name));
  const known = new Set<string | null>(REGIONS);
  const groups = [...REGIONS, null]
    .map((region) => ({ region, items: named.filter((p) => (region ? p.region === region : !known.has(p.region))) }))
    .filter((g) => g.items.length > 0);
  return (
    <section className="card" aria-labelledby="provinces-heading" data-testid="provinces">
      <h2 id="provinces-heading">{t("dashboard.provinces.title")}</h2>
      {withoutDelegates.length === 0 ? (
        <p className="mt-2 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          <span aria-hidden="true">✓ </span>
          {t("dashboard.provinces.all", { total })}
        </p>
      ) : (
        <>
          <p className="mt-1 text-sm text-slate-600" data-testid="provinces-count">
            {t("dashboard.provinces.count", { count: withoutDelegates.length, total })}
          </p>
          <div className="mt-4 grid gap-x-6 gap-y-4 sm:grid-cols-2 lg:grid-cols-3">
            {groups.map((g) => (
              <div key={g.region ?? "none"}>
                <h3 className="text-xs font-semibold uppercase tracking-wide text-slate-500">
                  {g.region ? t(`region.${g.region}`) : t("dashboard.provinces.otherRegion")} ({g.items.length})
                </h3>
                <ul className="mt-1 text-sm text-slate-800" data-testid="provinces-list">
                  {g.items.map((p) => (
                    <li key={p.id}>{p.name}</li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        </>
      )}
    </section>
  );
}

function Breakdowns({ d }: { d: Dashboard }) {
  const t = useT();
  const statusLabel = (s: RegistrationStatus) => t(`registration.status.${s}`);
  const viewList = (count: number, label: string) => t("dashboard.viewList", { count, label });
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <section className="card" aria-labelledby="by-status">
        <h2 id="by-status" className="mb-4">
          {t("dashboard.byStatus")}
        </h2>
        <BarList
          label={t("dashboard.byStatus")}
          items={STATUSES.map((s) => ({
            key: `status-${s}`,
            label: statusLabel(s),
            value: d.all[s],
            tone: STATUS_TONE[s],
            href: listHref({ status: s }),
            linkLabel: viewList(d.all[s], statusLabel(s)),
          }))}
        />
      </section>
      <section className="card" aria-labelledby="by-mode">
        <h2 id="by-mode" className="mb-4">
          {t("dashboard.byMode")}
        </h2>
        <BarList
          label={t("dashboard.byMode")}
          items={MODES.map((m) => ({
            key: `mode-${m}`,
            label: t(`registration.mode.${m}`),
            value: d.byMode[m].total,
            href: listHref({ mode: m }),
            linkLabel: viewList(d.byMode[m].total, t(`registration.mode.${m}`)),
          }))}
        />
        <p className="mt-4 text-xs text-slate-500">{t("dashboard.allStatuses")}</p>
      </section>
      <section className="card" aria-labelledby="by-kind">
        <h2 id="by-kind" className="mb-4">
          {t("dashboard.byKind")}
        </h2>
        <BarList
          label={t("dashboard.byKind")}
          items={ORGANISATION_KINDS.map((k) => ({
            key: `kind-${k}`,
            label: t(`orgKind.${k}`),
            value: d.byKind[k].total,
            href: listHref({ kind: k }),
            linkLabel: viewList(d.byKind[k].total, t(`orgKind.${k}`)),
          }))}
        />
        <p className="mt-4 text-xs text-slate-500">{t("dashboard.allStatuses")}</p>
      </section>
    </div>
  );
}

function CrossSection({ d }: { d: Dashboard }) {
  const t = useT();
  return (
    <section className="card overflow-x-auto p-0" aria-labelledby="cross-heading">
      <div className="px-5 pt-5">
        <h2 id="cross-heading">{t("dashboard.cross.title")}</h2>
        <p className="mb-3 mt-1 text-sm text-slate-600">{t("dashboard.cross.intro")}</p>
      </div>
      <CrossTable
        caption={t("dashboard.cross.title")}
        groups={[
          {
            key: "mode",
            title: t("dashboard.byMode"),
            rows: MODES.map((m) => ({
              key: m,
              label: t(`registration.mode.${m}`),
              counts: d.byMode[m],
              filters: { mode: m },
            })),
          },
          {
            key: "kind",
            title: t("dashboard.byKind"),
            rows: ORGANISATION_KINDS.map((k) => ({
              key: k,
              label: t(`orgKind.${k}`),
              counts: d.byKind[k],
              filters: { kind: k },
            })),
          },
        ]}
      />
    </section>
  );
}

/** Seconds between refreshes of the whole page's figures (attendance moves by the minute on the day). */
const REFRESH_SECONDS = 20;

/** Re-runs the loader every REFRESH_SECONDS while the page is visible; true once that is running. */
function useLiveRefresh() {
  const revalidator = useRevalidator();
  const [live, setLive] = useState(false);
  useEffect(() => {
    setLive(true);
    const timer = window.setInterval(() => {
      if (document.visibilityState === "visible" && revalidator.state === "idle") revalidator.revalidate();
    }, REFRESH_SECONDS * 1000);
    return () => window.clearInterval(timer);
  }, [revalidator]);
  return live;
}

function AttendanceCard({ d, live }: { d: Dashboard; live: boolean }) {
  const t = useT();
  const locale = useLocale();
  const location = useLocation();
  const a = d.attendance;
  return (
    <section className="card" aria-labelledby="attendance-heading" data-testid="attendance">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id="attendance-heading">{t("dashboard.attendance.title")}</h2>
        <p className="text-xs text-slate-600" data-testid="attendance-updated" data-at={d.generatedAt}>
          {t("dashboard.attendance.updated", {
            time: formatInstant(d.generatedAt, d.conference.zone, locale, "time"),
          })}{" "}
          ·{" "}
          {live ? (
            t("dashboard.attendance.live", { seconds: REFRESH_SECONDS })
          ) : (
            <a href={`${location.pathname}${location.search}`} className="btn-link">
              {t("dashboard.attendance.refresh")}
            </a>
          )}
        </p>
      </div>
      <div className="mt-3 grid gap-4 sm:grid-cols-2">
        <AttendanceFigure
          testId="attendance-in-person"
          label={t("dashboard.attendance.inPerson")}
          hint={t("dashboard.attendance.inPersonHint")}
          value={a.inPerson.present}
          of={a.inPerson.expected}
          percent={a.inPerson.percent}
        />
        <AttendanceFigure
          testId="attendance-online"
          label={t("dashboard.attendance.online")}
          hint={t("dashboard.attendance.onlineHint")}
          value={a.online.joined}
          of={a.online.expected}
          percent={a.online.percent}
        />
      </div>
      {a.byKind.length ? (
        <table className="table mt-4" data-testid="attendance-by-kind">
          <caption className="sr-only">{t("dashboard.attendance.byKind")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("dashboard.attendance.kind")}</th>
              <th scope="col" className="text-right">
                {t("dashboard.attendance.inPerson")}
              </th>
              <th scope="col" className="text-right">
                {t("dashboard.attendance.online")}
              </th>
            </tr>
          </thead>
          <tbody>
            {a.byKind.map((k) => (
              <tr key={k.kind} data-testid={`attendance-kind-${k.kind}`}>
                <th scope="row" className="font-normal">
                  {t(`orgKind.${k.kind}`)}
                </th>
                <td className="text-right tabular-nums">
                  {k.inPerson.present} / {k.inPerson.expected}
                </td>
                <td className="text-right tabular-nums">
                  {k.online.joined} / {k.online.expected}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="mt-3 text-sm text-slate-600">{t("dashboard.attendance.none")}</p>
      )}
    </section>
  );
}

function AttendanceFigure(props: {
  testId: string;
  label: string;
  hint: string;
  value: number;
  of: number;
  percent: number;
}) {
  const t = useT();
  return (
    <div data-testid={props.testId}>
      <p className="text-sm font-semibold text-slate-700">{props.label}</p>
      <p className="mt-1 flex items-baseline gap-2">
        <span className="text-3xl font-bold tabular-nums text-navy-900" data-testid={`${props.testId}-figure`}>
          {props.value} / {props.of}
        </span>
        <span className="text-sm tabular-nums text-slate-700">{props.percent}%</span>
      </p>
      <div
        role="progressbar"
        aria-label={props.label}
        aria-valuemin={0}
        aria-valuemax={Math.max(props.of, 1)}
        aria-valuenow={props.value}
        aria-valuetext={t("dashboard.attendance.of", { n: props.value, of: props.of, percent: props.percent })}
        className="mt-2 h-3 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full rounded-full bg-emerald-600" style={{ width: `${props.percent}%` }} />
      </div>
      <p className="mt-1 text-xs text-slate-600">{props.hint}</p>
    </div>
  );
}

export default function DashboardPage() {
  const { dashboard: d, canConfigure, agreements } = useLoaderData<typeof loader>();
  const live = useLiveRefresh();
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  if (!d) {
    return (
      <div>
        <PageHeader title={t("dashboard.title")} />
        <EmptyState title={t("dashboard.noConference.title")}>
          <p>{t("dashboard.noConference.body")}</p>
          {canConfigure ? (
            <Link to="/admin/conference" className="btn-primary mt-4">
              {t("nav.conference")}
            </Link>
          ) : null}
        </EmptyState>
      </div>
    );
  }
  const statusLabel = (s: RegistrationStatus) => t(`registration.status.${s}`);
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("dashboard.title")}
        action={
          <Link to="/admin/delegates" className="btn-secondary">
            {t("dashboard.openList")}
          </Link>
        }
      >
        {pick(d.conference.titleVi, d.conference.titleEn)} ·{" "}
        {t("dashboard.asOf", {
          time: formatInstant(d.generatedAt, d.conference.zone, locale),
          offset: offsetLabel(d.generatedAt, d.conference.zone),
        })}
      </PageHeader>

      {d.all.total === 0 ? (
        <EmptyState title={t("dashboard.empty.title")}>
          <p>{t("dashboard.empty.body")}</p>
          <Link to="/register" className="btn-secondary mt-4">
            {t("dashboard.empty.link")}
          </Link>
        </EmptyState>
      ) : null}

      <AttendanceCard d={d} live={live} />

      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <StatCard
          testId="stat-live"
          label={t("dashboard.card.live")}
          value={d.all.live}
          hint={t("dashboard.card.live.hint", { total: d.all.total })}
          href={listHref({})}
        />
        <StatCard
          testId="stat-approved"
          label={statusLabel("approved")}
          value={d.all.approved}
          hint={t("dashboard.card.approved.hint", {
            inPerson: d.byMode.in_person.approved,
            online: d.byMode.online.approved,
          })}
          href={listHref({ status: "approved" })}
        />
        <StatCard
          testId="stat-pending"
          label={statusLabel("pending")}
          value={d.all.pending}
          hint={t("dashboard.card.pending.hint")}
          href={listHref({ status: "pending" })}
        />
        <StatCard
          testId="stat-waitlisted"
          label={statusLabel("waitlisted")}
          value={d.all.waitlisted}
          hint={t("dashboard.card.waitlisted.hint")}
          href={listHref({ status: "waitlisted" })}
        />
      </div>

      <CapacityCard d={d} />

      {/* Zero bars say nothing: with no registrations only the cards, places, days and provinces show. */}
      {d.all.total > 0 ? <Breakdowns d={d} /> : null}

      <section className="card" aria-labelledby="daily-heading">
        <h2 id="daily-heading">{t("dashboard.daily.title")}</h2>
        <p className="mb-4 mt-1 text-sm text-slate-600">{t("dashboard.daily.intro")}</p>
        <DailySection d={d} />
      </section>

      <ProvincesCard d={d} />

      {d.all.total > 0 ? <CrossSection d={d} /> : null}

      {agreements ? <AgreementsPanel counts={agreements} /> : null}
    </div>
  );
}
