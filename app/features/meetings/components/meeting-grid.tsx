import { Form, Link } from "@remix-run/react";
import { sectorLabel } from "../rules";
import { SubmitButton } from "~/components/submit-button";
import { useBilingual, useLocale, useT } from "~/components/i18n";
import { Badge, EmptyState } from "~/components/ui";
import { formatInstant } from "~/lib/time";
import type { meetingGrid } from "~/features/meetings/meeting-grid.server";
import type { unplacedRequests } from "~/features/meetings/meeting-admin.server";

/** The organisers' meeting views: the slots × tables grid, the scheduler's preview, accepted requests not placed. */

type Grid = Awaited<ReturnType<typeof meetingGrid>>;
type Names = { vi: string; en: string };
export interface Preview {
  placed: number;
  weight: number;
  optimal: boolean;
  meetings: string;
  rows: Array<{ startsAt: string; table: number; a: Names; b: Names; priority: number }>;
  left: Array<{ a: Names; b: Names; priority: number; reason: string }>;
}

export function MeetingGrid({ grid, zone, sessionId }: { grid: Grid; zone: string; sessionId: number }) {
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  const time = (iso: string) => formatInstant(iso, zone, locale, "time");
  const at = new Map(grid.meetings.map((m) => [`${m.slot_id}:${m.table_id}`, m]));
  return (
    // The grid scrolls sideways on a narrow screen: a focusable, named region, so that it scrolls by keyboard too.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must take the focus (WCAG 2.1.1)
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={t("meetingsAdmin.gridCaption")}>
      <table className="min-w-full border-collapse text-sm" data-testid="meeting-grid">
        <caption className="sr-only">{t("meetingsAdmin.gridCaption")}</caption>
        <thead>
          <tr>
            <th scope="col" className="border p-1 text-left">
              {t("meetingsAdmin.slot")}
            </th>
            {grid.tables.map((table) => (
              <th key={table.id} scope="col" className="border p-1 text-left">
                {t("meetingsAdmin.table", { number: table.number })}
                {table.label || table.room_vi ? (
                  <span className="block text-xs font-normal text-slate-500">
                    {[table.label, pick(table.room_vi ?? "", table.room_en ?? "")].filter(Boolean).join(" · ")}
                  </span>
                ) : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.slots.map((slot) => (
            <tr key={slot.id}>
              <th scope="row" className="whitespace-nowrap border p-1 text-left">
                {time(slot.starts_at)}–{time(slot.ends_at)}
              </th>
              {grid.tables.map((table) => {
                const m = at.get(`${slot.id}:${table.id}`);
                return (
                  <td key={table.id} className="min-w-[10rem] border p-1 align-top">
                    {m ? (
                      <div>
                        <Link
                          className="block text-navy-900 hover:underline"
                          to={`/admin/meetings/requests/${m.request_id}`}
                        >
                          <span className="block">{pick(m.requester_vi, m.requester_en)}</span>
                          <span className="block">{pick(m.counterpart_vi, m.counterpart_en)}</span>
                        </Link>
                        {m.locked ? <Badge tone="grey">🔒 {t("meetingsAdmin.locked")}</Badge> : null}
                        {m.party_online ? (
                          <Badge tone={m.video_url ? "green" : "amber"}>
                            {t(m.video_url ? "meetingsAdmin.online" : "meetingsAdmin.needsLink")}
                          </Badge>
                        ) : null}
                        <Form method="post" className="inline">
                          <input type="hidden" name="session" value={sessionId} />
                          <input type="hidden" name="meetingId" value={m.id} />
                          <button
                            type="submit"
                            name="intent"
                            value={m.locked ? "unlock" : "lock"}
                            className="btn-link ml-1 text-xs"
                          >
                            {m.locked ? t("meetingsAdmin.unlock") : t("meetingsAdmin.lock")}
                          </button>
                        </Form>
                      </div>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function SchedulePreview({ preview, zone, sessionId }: { preview: Preview; zone: string; sessionId: number }) {
  const t = useT();
  const locale = useLocale();
  const name = (n: Names) => (locale === "en" ? n.en : n.vi);
  const time = (iso: string) => formatInstant(iso, zone, locale, "time");
  return (
    <section className="card mb-6" aria-labelledby="preview-title">
      <h2 id="preview-title" className="text-lg font-semibold">
        {t("meetingsAdmin.previewTitle")}
      </h2>
      <p>
        {t("meetingsAdmin.previewSummary", { placed: preview.placed, weight: preview.weight })}{" "}
        {preview.optimal ? t("meetingsAdmin.optimal") : t("meetingsAdmin.notOptimal")}
      </p>
      <p className="mt-1 text-sm text-slate-600" data-testid="preview-weight-hint">
        {t("meetingsAdmin.previewWeightHint")}
      </p>
      {/* A scroll box of its own: reachable by keyboard and named, like the grid. */}
      <div
        className="my-3 max-h-80 overflow-auto"
        // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must take the focus (WCAG 2.1.1)
        tabIndex={0}
        role="region"
        aria-label={t("meetingsAdmin.previewList")}
      >
        <ul className="text-sm">
          {preview.rows.map((r, i) => (
            <li key={i}>
              {time(r.startsAt)} · {t("meetingsAdmin.table", { number: r.table })} · {name(r.a)} – {name(r.b)} ·{" "}
              {t("meetingsAdmin.priority", { priority: r.priority })}
            </li>
          ))}
        </ul>
      </div>
      {preview.left.length ? (
        <>
          <h3 className="font-semibold">{t("meetingsAdmin.unscheduledTitle", { count: preview.left.length })}</h3>
          <ul className="mb-3 text-sm">
            {preview.left.map((u, i) => (
              <li key={i}>
                {name(u.a)} – {name(u.b)} ({t("meetingsAdmin.priority", { priority: u.priority })}): {u.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <Form method="post">
        <input type="hidden" name="session" value={sessionId} />
        <input type="hidden" name="intent" value="commit" />
        <input type="hidden" name="meetings" value={preview.meetings} />
        <SubmitButton busyLabel={t("meetingsAdmin.committing")} busyWhen={{ intent: "commit" }}>
          {t("meetingsAdmin.commit")}
        </SubmitButton>
      </Form>
    </section>
  );
}

export function UnplacedRequests({ requests }: { requests: Awaited<ReturnType<typeof unplacedRequests>> }) {
  const t = useT();
  const pick = useBilingual();
  return (
    <section className="card mt-6" aria-labelledby="unplaced-title">
      <h2 id="unplaced-title" className="text-lg font-semibold">
        {t("meetingsAdmin.unplacedTitle", { count: requests.length })}
      </h2>
      {requests.length === 0 ? (
        <EmptyState title={t("meetingsAdmin.unplacedNone")} />
      ) : (
        <ul className="mt-2 divide-y text-sm" data-testid="unplaced-requests">
          {requests.map((r) => (
            <li key={r.id} className="flex items-center justify-between gap-3 py-2">
              <span>
                {pick(r.a_vi, r.a_en)} – {pick(r.b_vi, r.b_en)}
                <span className="block text-xs text-slate-500">
                  {sectorLabel(t, r.sector)} · {t("meetingsAdmin.priority", { priority: r.priority })}
                </span>
              </span>
              <Link className="link shrink-0" to={`/admin/meetings/requests/${r.id}`}>
                {t("meetingsAdmin.place")}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
