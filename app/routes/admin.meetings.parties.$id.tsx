import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { sectorLabel } from "~/features/meetings/rules";
import { z } from "zod";
import { requirePermission } from "~/auth/guards.server";
import { clientIp } from "~/auth/request.server";
import { SubmitButton } from "~/components/submit-button";
import { pageMeta, useBilingual, useLocale, useT } from "~/components/i18n";
import { requestMessages } from "~/http/i18n.server";
import { Badge, EmptyState, Notice, PageHeader } from "~/components/ui";
import { formValues, parseWith, type FieldErrors } from "~/platform/forms/fields";
import { meetingAnswerSchema } from "~/features/meetings/schema";
import { CONFERENCE_ZONE, formatInstant, formatRange } from "~/lib/time";
import { requireConference } from "~/http/conference.server";
import { intent as intentOf, parseIntent } from "~/http/intent.server";
import { notFound, parseId, replyRefusal } from "~/http/refusal.server";
import { incomingRequest, partyOverview } from "~/features/meetings/meeting-admin.server";
import { meetingBlockOverview } from "~/features/meetings/meeting-grid.server";
import { answerMeetingRequest } from "~/features/meetings/meetings.server";
import { now as clockNow } from "~/lib/clock";
import { RequestStatusBadge } from "~/features/meetings/components/request-status";

export const meta: MetaFunction = (args) => pageMeta(args, "meetingsAdmin.partyPageTitle");

/** One party as the organisers see it: limits, availability, requests both ways, placed meetings. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "update:agenda");
  const conference = await requireConference();
  const { sessions } = await meetingBlockOverview(conference.id);
  if (!sessions.some((x) => x.block_id !== null)) throw redirect("/admin/meetings");
  const party = await partyOverview(conference.id, parseId(params.id));
  if (!party) notFound();
  return json({
    messages: await requestMessages(request, "meetings"),
    zone: conference.time_zone ?? CONFERENCE_ZONE,
    ...party,
  });
}

type ActionData = { errors: FieldErrors; values: Record<string, string>; done?: string };

/** An organiser records the party's answer on its behalf (a reply by diplomatic note or telephone). */
export async function action({ request, params, context }: ActionFunctionArgs) {
  // The page's one form (it sends intent=answer; a post without an intent is read as an answer). (Here, in the action, it stays out of the browser bundle.)
  const Intent = z.discriminatedUnion("intent", [intentOf("answer")]);
  const user = await requirePermission(request, "update:agenda");
  const values = formValues(await request.formData());
  parseIntent(Intent, { ...values, intent: values.intent ?? "answer" });
  const parsed = parseWith(meetingAnswerSchema, values);
  if (!parsed.ok) return json<ActionData>({ errors: parsed.errors, values }, { status: 400 });
  const conference = await requireConference();
  const target = await incomingRequest(conference.id, parseId(params.id), parsed.data.requestId);
  if (!target) notFound();
  const result = await answerMeetingRequest(
    user.id,
    parsed.data.requestId,
    { accept: parsed.data.decision === "accept", reason: parsed.data.reason },
    clientIp(context),
    clockNow(),
    { onBehalf: true },
  );
  if (!result.ok) return replyRefusal(result.refusal, { values });
  return json<ActionData>({ errors: {}, values: {}, done: "meetingsAdmin.answeredOnBehalf" });
}

export default function PartyMeetings() {
  const party = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionData | undefined;
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  const time = (iso: string) => formatInstant(iso, party.zone, locale, "time");
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <PageHeader title={pick(party.org.name_vi, party.org.name_en)}>
        <Link className="link" to="/admin/meetings">
          {t("meetingsAdmin.backToGrid")}
        </Link>
      </PageHeader>
      {result?.done ? <Notice tone="success">{t(result.done)}</Notice> : null}
      {result?.errors[""] ? <Notice tone="error">{t(result.errors[""])}</Notice> : null}
      <section className="card text-sm" aria-labelledby="limits-title">
        <h2 id="limits-title" className="text-lg font-semibold">
          {t("meetingsAdmin.partyLimits")}
        </h2>
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="font-medium">{t("organisations.kind")}</dt>
          <dd>
            {t(`orgKind.${party.org.kind}`)}
            {party.online ? (
              <>
                {" "}
                · <Badge tone="amber">{t("meetingsAdmin.online")}</Badge>
              </>
            ) : null}
          </dd>
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
            {!party.limitsAvailability
              ? t("meetingsAdmin.allSlots")
              : party.available.length === 0
                ? t("meetingsAdmin.noSlots")
                : party.available.map((s) => `${time(s.starts_at)}–${time(s.ends_at)}`).join(", ")}
          </dd>
        </dl>
      </section>
      <section className="card" aria-labelledby="party-meetings-title">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="party-meetings-title" className="text-lg font-semibold">
            {t("meetingsAdmin.partyMeetings", { count: party.meetings.length })}
          </h2>
          {party.meetings.length ? (
            <a className="link text-sm" href={`/admin/meetings/schedule.pdf?party=${party.org.id}`}>
              {t("meetingsAdmin.printPartySchedule")}
            </a>
          ) : null}
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
                  <td className="whitespace-nowrap py-1">
                    {formatRange(m.starts_at, m.ends_at, party.zone, locale, true)}
                  </td>
                  <td>
                    {m.table_number ?? "—"}
                    {m.locked ? " 🔒" : ""}
                  </td>
                  <td>
                    <Link className="link" to={`/admin/meetings/requests/${m.request_id}`}>
                      {pick(m.counterpart_vi, m.counterpart_en)}
                    </Link>
                    <span className="block text-xs text-slate-500">{sectorLabel(t, m.sector)}</span>
                  </td>
                  <td className="whitespace-pre-line">{[m.outcome, m.follow_up].filter(Boolean).join("\n") || "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card" aria-labelledby="party-requests-title">
        <h2 id="party-requests-title" className="text-lg font-semibold">
          {t("meetingsAdmin.partyRequests", { count: party.requests.length })}
        </h2>
        <ul className="mt-2 divide-y text-sm">
          {party.requests.map((r) => (
            <li key={r.id} className="flex items-center justify-between gap-3 py-2">
              <span>
                {r.from_organisation_id === party.org.id ? "→ " : "← "}
                {pick(r.name_vi, r.name_en)} <RequestStatusBadge status={r.status} />
                <span className="block text-xs text-slate-500">
                  {sectorLabel(t, r.sector)} · {t("meetingsAdmin.priority", { priority: r.priority })}
                </span>
              </span>
              {r.status === "accepted" ? (
                <Link className="link shrink-0" to={`/admin/meetings/requests/${r.id}`}>
                  {t(r.meeting_id ? "meetingsAdmin.move" : "meetingsAdmin.place")}
                </Link>
              ) : null}
              {r.status === "pending" && r.from_organisation_id !== party.org.id ? (
                <Form
                  method="post"
                  className="flex shrink-0 flex-wrap items-end gap-2"
                  aria-label={t("meetingsAdmin.answerOnBehalf")}
                >
                  <input type="hidden" name="intent" value="answer" />
                  <input type="hidden" name="requestId" value={r.id} />
                  <label className="text-xs">
                    {t("meetingsDelegate.reason")}
                    <input
                      name="reason"
                      className="input"
                      defaultValue={result?.values.requestId === String(r.id) ? result.values.reason : ""}
                      aria-invalid={
                        result?.values.requestId === String(r.id) && result.errors.reason ? true : undefined
                      }
                    />
                    {result?.values.requestId === String(r.id) && result.errors.reason ? (
                      <span className="field-error block">{t(result.errors.reason)}</span>
                    ) : null}
                  </label>
                  <SubmitButton name="decision" value="accept" busyWhen={{ requestId: String(r.id) }}>
                    {t("meetingsDelegate.accept")}
                  </SubmitButton>
                  <SubmitButton
                    name="decision"
                    value="decline"
                    className="btn-secondary"
                    busyWhen={{ requestId: String(r.id) }}
                  >
                    {t("meetingsDelegate.decline")}
                  </SubmitButton>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
