import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/guards.server";
import { useBilingual, useLocale, useT } from "~/components/i18n";
import { Badge, EmptyState, PageHeader } from "~/components/ui";
import { CONFERENCE_ZONE, formatInstant, formatRange } from "~/lib/time";
import { getCurrentConference } from "~/models/conference.server";
import { partyOverview } from "~/models/meeting-admin.server";
import { meetingBlockOverview } from "~/models/meeting-grid.server";

export const meta: MetaFunction = () => [{ title: "Lịch gặp của đơn vị · Hội nghị Ngoại vụ" }];

/** One party as the organisers see it: limits, availability, requests both ways, placed meetings. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "update:agenda");
  const conference = await getCurrentConference();
  if (!conference) throw json({ message: "error.notFound.title" }, { status: 404 });
  const { block } = await meetingBlockOverview(conference.id);
  if (!block) throw redirect("/admin/meetings");
  const party = await partyOverview(conference.id, block.id, Number(params.id));
  if (!party) throw json({ message: "error.notFound.title" }, { status: 404 });
  return json({ zone: conference.time_zone ?? CONFERENCE_ZONE, ...party });
}

const statusTone = { pending: "amber", accepted: "green", declined: "red", withdrawn: "grey" } as const;

export default function PartyMeetings() {
  const party = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  const time = (iso: string) => formatInstant(iso, party.zone, locale, "time");
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <PageHeader title={pick(party.org.name_vi, party.org.name_en)}>
        <Link className="link" to="/admin/meetings">{t("meetingsAdmin.backToGrid")}</Link>
      </PageHeader>
      <section className="card text-sm" aria-labelledby="limits-title">
        <h2 id="limits-title" className="text-lg font-semibold">{t("meetingsAdmin.partyLimits")}</h2>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="font-medium">{t("organisations.kind")}</dt>
          <dd>{t(`orgKind.${party.org.kind}`)}{party.online ? <> · <Badge tone="amber">{t("meetingsAdmin.online")}</Badge></> : null}</dd>
          {party.org.kind === "mission" ? (
            <>
              <dt className="font-medium">{t("meetingsAdmin.head")}</dt>
              <dd>{party.head ? `${party.head.full_name} (${party.head.email})` : t("meetingsAdmin.noHead")}</dd>
            </>
          ) : null}
          <dt className="font-medium">{t("meetingsAdmin.maxMeetings")}</dt>
          <dd>{party.maxMeetings ?? t("meetingsAdmin.noLimit")}</dd>
          <dt className="font-medium">{t("meetingsAdmin.availability")}</dt>
          <dd data-testid="party-availability">
            {!party.limitsAvailability ? t("meetingsAdmin.allSlots") : party.available.length === 0 ? t("meetingsAdmin.noSlots") : party.available.map((s) => `${time(s.starts_at)}–${time(s.ends_at)}`).join(", ")}
          </dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="party-meetings-title">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="party-meetings-title" className="text-lg font-semibold">{t("meetingsAdmin.partyMeetings", { count: party.meetings.length })}</h2>
          {party.meetings.length ? <a className="link text-sm" href={`/admin/meetings/schedule.pdf?party=${party.org.id}`}>{t("meetingsAdmin.printPartySchedule")}</a> : null}
        </div>
        {party.meetings.length === 0 ? (
          <EmptyState title={t("meetingsAdmin.pdfNothing")} />
        ) : (
          <table className="mt-2 w-full text-sm" data-testid="party-meetings">
            <thead>
              <tr className="text-left">
                <th scope="col">{t("meetingsAdmin.time")}</th>
                <th scope="col">{t("meetingsAdmin.pdfTable")}</th>
                <th scope="col">{t("meetingsAdmin.pdfCounterpart")}</th>
                <th scope="col">{t("meetingsAdmin.outcome")}</th>
              </tr>
            </thead>
            <tbody>
              {party.meetings.map((m) => (
                <tr key={m.id} className="border-t align-top">
                  <td className="whitespace-nowrap py-1">{formatRange(m.starts_at, m.ends_at, party.zone, locale, true)}</td>
                  <td>{m.table_number ?? "—"}{m.locked ? " 🔒" : ""}</td>
                  <td>
                    <Link className="link" to={`/admin/meetings/requests/${m.request_id}`}>{pick(m.name_vi, m.name_en)}</Link>
                    <span className="block text-xs text-slate-500">{m.sector}</span>
                  </td>
                  <td className="whitespace-pre-line">{[m.outcome, m.follow_up].filter(Boolean).join("\n") || "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card" aria-labelledby="party-requests-title">
        <h2 id="party-requests-title" className="text-lg font-semibold">{t("meetingsAdmin.partyRequests", { count: party.requests.length })}</h2>
        <ul className="mt-2 divide-y text-sm">
          {party.requests.map((r) => (
            <li key={r.id} className="flex items-center justify-between gap-3 py-2">
              <span>
                {r.from_organisation_id === party.org.id ? "→ " : "← "}
                {pick(r.name_vi, r.name_en)} <Badge tone={statusTone[r.status]}>{t(`meetingsDelegate.status.${r.status}`)}</Badge>
                <span className="block text-xs text-slate-500">{r.sector} · {t("meetingsAdmin.priority", { priority: r.priority })}</span>
              </span>
              {r.status === "accepted" ? <Link className="link shrink-0" to={`/admin/meetings/requests/${r.id}`}>{t(r.meeting_id ? "meetingsAdmin.move" : "meetingsAdmin.place")}</Link> : null}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
