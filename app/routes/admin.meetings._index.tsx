import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requirePermission } from "~/auth/guards.server";
import { clientIp, resolveLocale } from "~/auth/request.server";
import { SubmitButton, TextField, useZodForm, ZodForm } from "~/components/form";
import { useBilingual, useLocale, useT } from "~/components/i18n";
import { Badge, EmptyState, Notice, PageHeader } from "~/components/ui";
import { translate, type Locale } from "~/lib/i18n";
import type { Reason } from "~/lib/scheduler/schedule";
import { formValues, integerField, msg, optionalLocalDateTime, parseWith } from "~/lib/schemas/common";
import { CONFERENCE_ZONE, formatInstant, zonedLocalToUtc } from "~/lib/time";
import { getCurrentConference } from "~/models/conference.server";
import { meetingBlockOverview, meetingGrid, schedulerNames, setMeetingLocked } from "~/models/meeting-grid.server";
import { commitSchedule, createMeetingBlock, previewSchedule } from "~/models/meetings.server";

export const meta: MetaFunction = () => [{ title: "Gặp gỡ song phương · Hội nghị Ngoại vụ" }];

const blockSchema = z.object({
  slotMinutes: integerField({ min: 5, max: 240 }),
  gapMinutes: integerField({ min: 0, max: 120 }),
  tableCount: integerField({ min: 1, max: 500 }),
  requestsCloseAt: optionalLocalDateTime,
  answersCloseAt: optionalLocalDateTime,
  maxRequests: z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim())
    .refine((v) => v === "" || (/^\d+$/.test(v) && Number(v) >= 1), msg("errors.positive")),
});
const meetingsJson = z.array(z.object({ request: z.string().regex(/^req-\d+$/), slot: z.string().regex(/^slot-\d+$/), table: z.string().regex(/^table-\d+$/) }).strict());
const DEFAULTS = { slotMinutes: "20", gapMinutes: "10", tableCount: "30", requestsCloseAt: "", answersCloseAt: "", maxRequests: "" };

async function current() {
  const conference = await getCurrentConference();
  if (!conference) throw new Response("Not Found", { status: 404 });
  return { conference, ...(await meetingBlockOverview(conference.id)) };
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "update:agenda");
  const { conference, session, block } = await current();
  const grid = block ? await meetingGrid(block.id, conference.id) : null;
  return json({ zone: conference.time_zone ?? CONFERENCE_ZONE, session, block: block ? { id: block.id } : null, grid });
}

/** A left-out request's reason, from the scheduler's structured reason, in the page's language with names. */
function describeReason(reason: Reason | undefined, fallback: string, name: (id: string) => string, locale: Locale) {
  if (!reason) return fallback.replace(/\borg-\d+\b/g, name);
  switch (reason.kind) {
    case "not-available":
      return translate(locale, "meetingsAdmin.reason.notAvailable", { a: name(reason.party) });
    case "no-common-slot":
      return translate(locale, "meetingsAdmin.reason.noCommonSlot", { a: name(reason.a), b: name(reason.b) });
    case "locked-full":
      return translate(locale, "meetingsAdmin.reason.lockedFull", { a: name(reason.a), b: name(reason.b) });
    case "at-maximum":
      return translate(locale, "meetingsAdmin.reason.atMaximum", { a: name(reason.party), max: reason.max });
    case "higher-priority":
      return translate(locale, "meetingsAdmin.reason.higherPriority");
    case "outweighed":
      return translate(locale, "meetingsAdmin.reason.outweighed");
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "update:agenda");
  const actor = { id: user.id, ip: clientIp(context) };
  const values = formValues(await request.formData());
  const { conference, session, block } = await current();
  const intent = values.intent;
  if (intent === "create") {
    const parsed = parseWith(blockSchema, values);
    if (!parsed.ok) return json({ intent, errors: parsed.errors, values }, { status: 400 });
    if (!session) return json({ intent, errors: { "": "meetings.errors.notABlockSession" }, values }, { status: 400 });
    const d = parsed.data;
    const result = await createMeetingBlock(
      conference.id,
      {
        sessionId: session.id,
        slotMinutes: d.slotMinutes,
        gapMinutes: d.gapMinutes,
        tableCount: d.tableCount,
        requestsCloseAt: d.requestsCloseAt ? zonedLocalToUtc(d.requestsCloseAt, CONFERENCE_ZONE) : null,
        answersCloseAt: d.answersCloseAt ? zonedLocalToUtc(d.answersCloseAt, CONFERENCE_ZONE) : null,
        maxRequestsPerOrganisation: d.maxRequests ? Number(d.maxRequests) : null,
      },
      actor,
    );
    if (!result.ok) return json({ intent, errors: { "": result.problem.key }, values }, { status: 400 });
    return json({ intent, created: result.slots });
  }
  if (!block) return json({ intent, errors: { "": "meetings.errors.noBlock" } }, { status: 400 });
  if (intent === "preview") {
    const [result, names] = await Promise.all([previewSchedule(block.id), schedulerNames(block.id, conference.id)]);
    const locale = resolveLocale(request, user.locale);
    const party = (id: string) => (names.orgs[id] ? { vi: names.orgs[id].vi, en: names.orgs[id].en } : { vi: id, en: id });
    const rows = result.meetings
      .map((m) => ({ startsAt: names.slots[m.slot] ?? "", table: names.tables[m.table] ?? 0, a: party(names.requests[m.request]?.a ?? ""), b: party(names.requests[m.request]?.b ?? ""), priority: names.requests[m.request]?.priority ?? 1 }))
      .sort((x, y) => x.startsAt.localeCompare(y.startsAt) || x.table - y.table);
    const left = result.unscheduled.map((u) => ({ a: party(names.requests[u.request]?.a ?? ""), b: party(names.requests[u.request]?.b ?? ""), priority: names.requests[u.request]?.priority ?? 1, reason: describeReason(result.reasons[u.request], u.reason, (id) => (names.orgs[id] ? (locale === "en" ? names.orgs[id].en : names.orgs[id].vi) : id), locale) }));
    return json({ intent, preview: { placed: result.meetings.length, weight: result.weight, optimal: result.optimal, rows, left, meetings: JSON.stringify(result.meetings) } });
  }
  if (intent === "commit") {
    let meetings: z.infer<typeof meetingsJson>;
    try {
      const parsed = meetingsJson.safeParse(JSON.parse(values.meetings ?? ""));
      if (!parsed.success) throw new Error("shape");
      meetings = parsed.data;
    } catch {
      return json({ intent, errors: { "": "meetingsAdmin.badSchedule" } }, { status: 400 });
    }
    const result = await commitSchedule(block.id, meetings, actor);
    if (!result.ok) return json({ intent, errors: { "": result.problem.key }, params: result.problem.params ?? {} }, { status: 409 });
    return json({ intent, committed: result.placed });
  }
  if (intent === "lock" || intent === "unlock") {
    const id = Number(values.meetingId);
    const grid = await meetingGrid(block.id, conference.id);
    if (!Number.isInteger(id) || !grid.meetings.some((m) => m.id === id)) throw new Response("Not Found", { status: 404 });
    await setMeetingLocked(id, intent === "lock", actor);
    return json({ intent, lockDone: true });
  }
  return json({ intent, errors: { "": "errors.formInvalid" } }, { status: 400 });
}

type ActionData = {
  intent?: string;
  errors?: Record<string, string>;
  params?: Record<string, string | number>;
  values?: Record<string, string>;
  created?: number;
  committed?: number;
  lockDone?: boolean;
  preview?: {
    placed: number;
    weight: number;
    optimal: boolean;
    meetings: string;
    rows: Array<{ startsAt: string; table: number; a: { vi: string; en: string }; b: { vi: string; en: string }; priority: number }>;
    left: Array<{ a: { vi: string; en: string }; b: { vi: string; en: string }; priority: number; reason: string }>;
  };
};

export default function AdminMeetings() {
  const { session, block, grid, zone } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  const name = (n: { vi: string; en: string }) => (locale === "en" ? n.en : n.vi);
  const formError = data?.errors?.[""];
  if (!session) {
    return (
      <div>
        <PageHeader title={t("meetingsAdmin.title")} />
        <EmptyState title={t("meetingsAdmin.noSession")} />
      </div>
    );
  }
  if (!block || !grid) return <SetupForm sessionTitle={pick(session.title_vi, session.title_en)} data={data} />;
  const time = (iso: string) => formatInstant(iso, zone, locale, "time");
  return (
    <div>
      <PageHeader
        title={t("meetingsAdmin.title")}
        action={
          <Form method="post">
            <input type="hidden" name="intent" value="preview" />
            <SubmitButton busyLabel={t("meetingsAdmin.running")} busyWhen={{ intent: "preview" }}>{t("meetingsAdmin.run")}</SubmitButton>
          </Form>
        }
      >
        {t("meetingsAdmin.counts", grid.counts)} · <a className="font-semibold text-navy-700 underline hover:no-underline" href="/admin/meetings/schedule.pdf">{t("meetingsAdmin.printSchedules")}</a>
      </PageHeader>
      {formError && data?.intent !== "create" ? <Notice tone="error">{t(formError, data?.params)}</Notice> : null}
      {data?.committed !== undefined ? <Notice tone="success">{t("meetingsAdmin.committed", { placed: data.committed })}</Notice> : null}
      {data?.lockDone ? <Notice tone="success">{t("meetingsAdmin.lockDone")}</Notice> : null}
      {data?.created !== undefined ? <Notice tone="success">{t("meetingsAdmin.created", { slots: data.created })}</Notice> : null}
      {data?.preview ? (
        <section className="card mb-6" aria-labelledby="preview-title">
          <h2 id="preview-title" className="text-lg font-semibold">{t("meetingsAdmin.previewTitle")}</h2>
          <p>
            {t("meetingsAdmin.previewSummary", { placed: data.preview.placed, weight: data.preview.weight })} {data.preview.optimal ? t("meetingsAdmin.optimal") : t("meetingsAdmin.notOptimal")}
          </p>
          <ul className="my-3 max-h-80 overflow-auto text-sm">
            {data.preview.rows.map((r, i) => (
              <li key={i}>
                {time(r.startsAt)} · {t("meetingsAdmin.table", { number: r.table })} · {name(r.a)} – {name(r.b)} · {t("meetingsAdmin.priority", { priority: r.priority })}
              </li>
            ))}
          </ul>
          {data.preview.left.length ? (
            <>
              <h3 className="font-semibold">{t("meetingsAdmin.unscheduledTitle", { count: data.preview.left.length })}</h3>
              <ul className="mb-3 text-sm">
                {data.preview.left.map((u, i) => (
                  <li key={i}>
                    {name(u.a)} – {name(u.b)} ({t("meetingsAdmin.priority", { priority: u.priority })}): {u.reason}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <Form method="post">
            <input type="hidden" name="intent" value="commit" />
            <input type="hidden" name="meetings" value={data.preview.meetings} />
            <SubmitButton busyLabel={t("meetingsAdmin.committing")} busyWhen={{ intent: "commit" }}>{t("meetingsAdmin.commit")}</SubmitButton>
          </Form>
        </section>
      ) : null}
      {grid.meetings.length === 0 ? <EmptyState title={t("meetingsAdmin.emptyGrid")} /> : null}
      <div className="overflow-x-auto">
        <table className="min-w-full border-collapse text-sm">
          <caption className="sr-only">{t("meetingsAdmin.gridCaption")}</caption>
          <thead>
            <tr>
              <th scope="col" className="border p-1 text-left">{t("meetingsAdmin.slot")}</th>
              {grid.tables.map((table) => (
                <th key={table.id} scope="col" className="border p-1 text-left">{t("meetingsAdmin.table", { number: table.number })}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.slots.map((slot) => (
              <tr key={slot.id}>
                <th scope="row" className="whitespace-nowrap border p-1 text-left">{time(slot.starts_at)}–{time(slot.ends_at)}</th>
                {grid.tables.map((table) => {
                  const m = grid.meetings.find((x) => x.slot_id === slot.id && x.table_id === table.id);
                  return (
                    <td key={table.id} className="min-w-[10rem] border p-1 align-top">
                      {m ? (
                        <div>
                          <div>{locale === "en" ? m.a_en : m.a_vi}</div>
                          <div>{locale === "en" ? m.b_en : m.b_vi}</div>
                          {m.locked ? <Badge tone="grey">🔒 {t("meetingsAdmin.locked")}</Badge> : null}
                          <Form method="post" className="inline">
                            <input type="hidden" name="meetingId" value={m.id} />
                            <button type="submit" name="intent" value={m.locked ? "unlock" : "lock"} className="btn-link ml-1 text-xs">
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
    </div>
  );
}

function SetupForm({ sessionTitle, data }: { sessionTitle: string; data?: ActionData }) {
  const t = useT();
  const state = useZodForm(blockSchema, { defaultValues: DEFAULTS, feedback: data?.intent === "create" ? data : null });
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t("meetingsAdmin.setupTitle")}>{t("meetingsAdmin.setupIntro", { session: sessionTitle })}</PageHeader>
      <div className="card">
        <ZodForm state={state} className="grid gap-4 sm:grid-cols-2">
          <input type="hidden" name="intent" value="create" />
          <TextField state={state} name="slotMinutes" label={t("meetingsAdmin.slotMinutes")} inputMode="numeric" required />
          <TextField state={state} name="gapMinutes" label={t("meetingsAdmin.gapMinutes")} inputMode="numeric" required />
          <TextField state={state} name="tableCount" label={t("meetingsAdmin.tableCount")} inputMode="numeric" required />
          <TextField state={state} name="maxRequests" label={t("meetingsAdmin.maxRequests")} inputMode="numeric" hint={t("meetingsAdmin.maxRequestsHint")} />
          <TextField state={state} name="requestsCloseAt" label={t("meetingsAdmin.requestsCloseAt")} type="datetime-local" />
          <TextField state={state} name="answersCloseAt" label={t("meetingsAdmin.answersCloseAt")} type="datetime-local" />
          <div className="sm:col-span-2">
            <SubmitButton busyLabel={t("common.saving")}>{t("meetingsAdmin.create")}</SubmitButton>
          </div>
        </ZodForm>
      </div>
    </div>
  );
}
