import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requirePermission } from "~/auth/guards.server";
import { clientIp } from "~/auth/request.server";
import { SelectField, SubmitButton, TextAreaField, TextField, useZodForm, ZodForm } from "~/components/form";
import { useBilingual, useT } from "~/components/i18n";
import { ConferenceTime } from "~/components/time";
import { Badge, EmptyState, Notice, PageHeader } from "~/components/ui";
import { formValues, parseWith, type FieldErrors } from "~/lib/schemas/common";
import { maxMeetingsSchema, meetingAnswerSchema, meetingRequestSchema } from "~/lib/schemas/meetings";
import { CONFERENCE_ZONE } from "~/lib/time";
import { getCurrentConference } from "~/models/conference.server";
import { askableParties, maxMeetingsOf, REQUESTER_KINDS, requestsFrom, requestsTo, setMaxMeetings, viewerOrganisation } from "~/models/meeting-requests.server";
import { answerMeetingRequest, meetingsOfOrganisation, requestMeeting } from "~/models/meetings.server";

export const meta: MetaFunction = () => [{ title: "Gặp gỡ song phương · Hội nghị Ngoại vụ" }];

type Rows<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "register:self");
  const conference = await getCurrentConference();
  const org = await viewerOrganisation(user.organisationId);
  const zone = conference?.time_zone ?? CONFERENCE_ZONE;
  const query = new URL(request.url).searchParams.get("q") ?? "";
  const requester = org ? REQUESTER_KINDS.includes(org.kind) : false;
  const ready = conference && org ? { conferenceId: conference.id, org } : null;
  const [parties, sent, received, maxMeetings, placed] = await Promise.all([
    ready && requester ? askableParties(ready.conferenceId, ready.org.kind, query) : ([] as Rows<typeof askableParties>),
    ready && requester ? requestsFrom(ready.conferenceId, ready.org.id) : ([] as Rows<typeof requestsFrom>),
    ready && !requester ? requestsTo(ready.conferenceId, ready.org.id) : ([] as Rows<typeof requestsTo>),
    ready && !requester ? maxMeetingsOf(ready.conferenceId, ready.org.id) : null,
    ready ? meetingsOfOrganisation(ready.org.id) : ([] as Rows<typeof meetingsOfOrganisation>),
  ]);
  return json({ zone, org, requester, query, parties, sent, received, maxMeetings, placed });
}

type ActionData = { intent: string; errors: FieldErrors; values: Record<string, string>; done?: string };

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "register:self");
  const ip = clientIp(context);
  const values = formValues(await request.formData());
  const conference = await getCurrentConference();
  const fail = (errors: FieldErrors) => json<ActionData>({ intent: values.intent ?? "", errors, values }, { status: 400 });
  if (!conference) return fail({ "": "meetings.errors.noBlock" });
  switch (values.intent) {
    case "request": {
      const parsed = parseWith(meetingRequestSchema, values);
      if (!parsed.ok) return fail(parsed.errors);
      const result = await requestMeeting(user.id, conference.id, parsed.data, ip);
      if (!result.ok) return fail({ "": result.problem.key });
      return json<ActionData>({ intent: "request", errors: {}, values: {}, done: "meetingsDelegate.form.sent" });
    }
    case "answer": {
      const parsed = parseWith(meetingAnswerSchema, values);
      if (!parsed.ok) return fail(parsed.errors);
      const result = await answerMeetingRequest(user.id, parsed.data.requestId, { accept: parsed.data.decision === "accept", reason: parsed.data.reason }, ip);
      if (!result.ok) return json<ActionData>({ intent: "answer", errors: { "": result.problem.key }, values }, { status: result.problem.key === "meetings.errors.notYours" ? 403 : 400 });
      return json<ActionData>({ intent: "answer", errors: {}, values: {}, done: "meetingsDelegate.answered" });
    }
    case "max": {
      const org = await viewerOrganisation(user.organisationId);
      // Only the counterpart side (missions, foreign partners) sets a maximum for its own organisation.
      if (!org || REQUESTER_KINDS.includes(org.kind)) return json<ActionData>({ intent: "max", errors: { "": "error.forbidden.title" }, values }, { status: 403 });
      const parsed = parseWith(maxMeetingsSchema, values);
      if (!parsed.ok) return fail(parsed.errors);
      await setMaxMeetings(conference.id, org.id, parsed.data.maxMeetings, { id: user.id, ip });
      return json<ActionData>({ intent: "max", errors: {}, values: {}, done: "meetingsDelegate.max.saved" });
    }
    default:
      return fail({ "": "errors.required" });
  }
}

const statusTone = { pending: "amber", accepted: "green", declined: "red", withdrawn: "grey" } as const;

export default function Meetings() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionData | undefined;
  const t = useT();
  const pick = useBilingual();
  const pageError = result && result.intent !== "request" ? result.errors[""] : null;
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <PageHeader title={t("meetingsDelegate.title")}>{t("meetingsDelegate.intro")}</PageHeader>
      {!data.org ? <Notice tone="info">{t("meetingsDelegate.noOrganisation")}</Notice> : null}
      {result?.done ? <Notice tone="success">{t(result.done)}</Notice> : null}
      {pageError ? <Notice tone="error">{t(pageError)}</Notice> : null}
      {data.org && data.requester ? <RequesterSide result={result} /> : null}
      {data.org && !data.requester ? <CounterpartSide result={result} /> : null}
      {data.org ? (
        <section className="card" aria-labelledby="placed-title">
          <h2 id="placed-title" className="text-lg font-semibold">{t("meetingsDelegate.placed.title")}</h2>
          {data.placed.length === 0 ? (
            <EmptyState title={t("meetingsDelegate.placed.none")} />
          ) : (
            <table className="mt-3 w-full text-sm" data-testid="placed-meetings">
              <thead>
                <tr className="text-left">
                  <th scope="col">{t("meetingsDelegate.placed.when")}</th>
                  <th scope="col">{t("meetingsDelegate.placed.counterpart")}</th>
                  <th scope="col">{t("meetingsDelegate.placed.where")}</th>
                </tr>
              </thead>
              <tbody>
                {data.placed.map((m) => (
                  <tr key={m.id} className="border-t align-top">
                    <td className="py-2"><ConferenceTime iso={m.starts_at} endIso={m.ends_at} zone={data.zone} /></td>
                    <td className="py-2">{pick(m.counterpart_vi, m.counterpart_en)}<span className="block text-xs text-slate-500">{m.sector}</span></td>
                    <td className="py-2">
                      {m.video_url ? <a className="link" href={m.video_url} rel="noreferrer">{t("meetingsDelegate.placed.video")}</a> : m.table_number != null ? t("meetingsDelegate.placed.table", { number: m.table_number }) : "—"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ) : null}
    </div>
  );
}

function RequesterSide({ result }: { result: ActionData | undefined }) {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const pick = useBilingual();
  const [params] = useSearchParams();
  const feedback = result?.intent === "request" ? result : null;
  const state = useZodForm(meetingRequestSchema, { defaultValues: { toOrganisationId: params.get("to") ?? "", sector: "", ask: "", priority: "2" }, feedback });
  return (
    <>
      <section className="card" aria-labelledby="parties-title">
        <h2 id="parties-title" className="text-lg font-semibold">{t("meetingsDelegate.parties.title")}</h2>
        <Form method="get" className="mt-3 flex gap-2" role="search">
          <label className="sr-only" htmlFor="q">{t("meetingsDelegate.parties.search")}</label>
          <input id="q" name="q" type="search" className="input" defaultValue={data.query} placeholder={t("meetingsDelegate.parties.search")} />
          <button type="submit" className="btn-secondary">{t("meetingsDelegate.parties.searchButton")}</button>
        </Form>
        {data.parties.length === 0 ? (
          <EmptyState title={t("meetingsDelegate.parties.none")} />
        ) : (
          <ul className="mt-3 max-h-80 divide-y overflow-y-auto text-sm" data-testid="parties">
            {data.parties.map((p) => (
              <li key={p.id} className="flex items-center justify-between gap-3 py-2">
                <span>
                  {pick(p.name_vi, p.name_en)}
                  <span className="block text-xs text-slate-500">{[pick(p.country_vi, p.country_en), pick(p.city_vi, p.city_en)].filter(Boolean).join(" · ")}</span>
                </span>
                <a className="link shrink-0" href={`?${new URLSearchParams({ q: data.query, to: String(p.id) })}#request-form`}>{t("meetingsDelegate.parties.choose")}</a>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="request-title" id="request-form">
        <h2 id="request-title" className="text-lg font-semibold">{t("meetingsDelegate.form.title")}</h2>
        {feedback?.errors[""] ? <p className="sr-only">{t("meetingsDelegate.refused")}</p> : null}
        <ZodForm state={state} className="mt-3 grid gap-4 sm:grid-cols-2">
          <input type="hidden" name="intent" value="request" />
          <SelectField
            state={state}
            name="toOrganisationId"
            label={t("meetingsDelegate.form.counterpart")}
            required
            className="sm:col-span-2"
            options={[{ value: "", label: t("meetingsDelegate.form.pick") }, ...data.parties.map((p) => ({ value: String(p.id), label: pick(p.name_vi, p.name_en) }))]}
          />
          <TextField state={state} name="sector" label={t("meetingsDelegate.form.sector")} required />
          <SelectField state={state} name="priority" label={t("meetingsDelegate.form.priority")} required options={(["1", "2", "3"] as const).map((p) => ({ value: p, label: t(`meetingsDelegate.priority.${p}`) }))} />
          <TextAreaField state={state} name="ask" label={t("meetingsDelegate.form.ask")} hint={t("meetingsDelegate.form.askHint")} required className="sm:col-span-2" />
          <div className="sm:col-span-2">
            <SubmitButton name="intent" value="request">{t("meetingsDelegate.form.submit")}</SubmitButton>
          </div>
        </ZodForm>
      </section>
      <section className="card" aria-labelledby="sent-title">
        <h2 id="sent-title" className="text-lg font-semibold">{t("meetingsDelegate.sent.title")}</h2>
        {data.sent.length === 0 ? (
          <EmptyState title={t("meetingsDelegate.sent.none")} />
        ) : (
          <ul className="mt-3 divide-y text-sm" data-testid="sent-requests">
            {data.sent.map((r) => (
              <li key={r.id} className="py-2">
                <span className="font-medium">{pick(r.name_vi, r.name_en)}</span> <Badge tone={statusTone[r.status]}>{t(`meetingsDelegate.status.${r.status}`)}</Badge>
                <span className="block text-slate-600">{r.sector} · {r.ask} · {t("meetingsDelegate.form.priority")} {r.priority}</span>
                {r.status === "declined" && r.decline_reason ? <span className="block text-slate-700">{t("meetingsDelegate.declineReason", { reason: r.decline_reason })}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function CounterpartSide({ result }: { result: ActionData | undefined }) {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  const pick = useBilingual();
  const maxFeedback = result?.intent === "max" ? result : null;
  const maxState = useZodForm(maxMeetingsSchema, { defaultValues: { maxMeetings: data.maxMeetings == null ? "" : String(data.maxMeetings) }, feedback: maxFeedback });
  return (
    <>
      <section className="card" aria-labelledby="received-title">
        <h2 id="received-title" className="text-lg font-semibold">{t("meetingsDelegate.received.title")}</h2>
        {data.received.length === 0 ? (
          <EmptyState title={t("meetingsDelegate.received.none")} />
        ) : (
          <ul className="mt-3 divide-y text-sm" data-testid="received-requests">
            {data.received.map((r) => (
              <li key={r.id} className="py-3">
                <span className="font-medium">{pick(r.name_vi, r.name_en)}</span> <Badge tone={statusTone[r.status]}>{t(`meetingsDelegate.status.${r.status}`)}</Badge>
                <span className="block text-slate-600">{r.sector} · {r.ask} · {t("meetingsDelegate.form.priority")} {r.priority}</span>
                {r.status === "declined" && r.decline_reason ? <span className="block">{t("meetingsDelegate.declineReason", { reason: r.decline_reason })}</span> : null}
                {r.status === "pending" ? (
                  <Form method="post" className="mt-2 flex flex-wrap items-end gap-2">
                    <input type="hidden" name="intent" value="answer" />
                    <input type="hidden" name="requestId" value={r.id} />
                    <label className="text-xs">
                      {t("meetingsDelegate.reason")}
                      <input name="reason" className="input" defaultValue={result?.intent === "answer" && result.values.requestId === String(r.id) ? result.values.reason : ""} />
                    </label>
                    {result?.intent === "answer" && result.values.requestId === String(r.id) && result.errors.reason ? <p className="field-error">{t(result.errors.reason)}</p> : null}
                    <SubmitButton name="decision" value="accept" busyWhen={{ requestId: String(r.id) }}>{t("meetingsDelegate.accept")}</SubmitButton>
                    <SubmitButton name="decision" value="decline" className="btn-secondary" busyWhen={{ requestId: String(r.id) }}>{t("meetingsDelegate.decline")}</SubmitButton>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="max-title">
        <h2 id="max-title" className="text-lg font-semibold">{t("meetingsDelegate.max.title")}</h2>
        <ZodForm state={maxState} className="mt-3 flex items-end gap-3">
          <input type="hidden" name="intent" value="max" />
          <TextField state={maxState} name="maxMeetings" label={t("meetingsDelegate.max.label")} inputMode="numeric" />
          <SubmitButton name="intent" value="max">{t("meetingsDelegate.max.save")}</SubmitButton>
        </ZodForm>
      </section>
    </>
  );
}
