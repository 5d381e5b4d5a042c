import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requirePermission } from "~/auth/guards.server";
import { clientIp, resolveLocale } from "~/auth/request.server";
import { SubmitButton, TextField, useZodForm, ZodForm } from "~/components/form";
import { useBilingual, useT } from "~/components/i18n";
import { MeetingBlockFields } from "~/components/meeting-block-fields";
import { MeetingGrid, SchedulePreview, UnplacedRequests, type Preview } from "~/components/meeting-grid";
import { EmptyState, Notice, PageHeader } from "~/components/ui";
import { translate, type Locale } from "~/lib/i18n";
import type { Reason } from "~/lib/scheduler/schedule";
import { formValues, parseWith } from "~/lib/schemas/common";
import { blockCreateSchema, pairsFromForm } from "~/lib/schemas/meeting-block";
import { CONFERENCE_ZONE, zonedLocalToUtc } from "~/lib/time";
import { getCurrentConference } from "~/models/conference.server";
import { meetingBlockOverview, meetingGrid, schedulerNames, setMeetingLocked } from "~/models/meeting-grid.server";
import { partiesWithRequests, unplacedRequests } from "~/models/meeting-admin.server";
import { commitSchedule, createMeetingBlock, DEFAULT_ALLOWED_PAIRS, previewSchedule } from "~/models/meetings.server";

export const meta: MetaFunction = () => [{ title: "Gặp gỡ song phương · Hội nghị Ngoại vụ" }];

const meetingsJson = z.array(z.object({ request: z.string().regex(/^req-\d+$/), slot: z.string().regex(/^slot-\d+$/), table: z.string().regex(/^table-\d+$/) }).strict());
const DEFAULTS = { slotMinutes: "20", gapMinutes: "10", tableCount: "30", requestsCloseAt: "", answersCloseAt: "", maxRequests: "" };

async function current() {
  const conference = await getCurrentConference();
  if (!conference) throw new Response("Not Found", { status: 404 });
  return { conference, ...(await meetingBlockOverview(conference.id)) };
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "update:agenda");
  const url = new URL(request.url);
  const party = Number(url.searchParams.get("party"));
  if (Number.isInteger(party) && party > 0) throw redirect(`/admin/meetings/parties/${party}`);
  const { conference, session, block } = await current();
  const grid = block ? await meetingGrid(block.id, conference.id) : null;
  const [unplaced, parties] = block ? await Promise.all([unplacedRequests(conference.id), partiesWithRequests(conference.id)]) : [[], []];
  return json({ zone: conference.time_zone ?? CONFERENCE_ZONE, session, block: block ? { id: block.id } : null, grid, unplaced, parties, removed: url.searchParams.has("removed") });
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
    const parsed = parseWith(blockCreateSchema, values);
    const pairs = pairsFromForm(values);
    if (!parsed.ok || pairs.length === 0) return json({ intent, errors: { ...(parsed.ok ? {} : parsed.errors), ...(pairs.length ? {} : { pairs: "meetingsAdmin.errors.noPairs" }) }, values }, { status: 400 });
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
        maxRequestsPerOrganisation: d.maxRequests,
        allowedPairs: pairs,
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
  preview?: Preview;
};

export default function AdminMeetings() {
  const { session, block, grid, zone, unplaced, parties, removed } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const t = useT();
  const pick = useBilingual();
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
        {t("meetingsAdmin.counts", grid.counts)}
      </PageHeader>
      <nav aria-label={t("meetingsAdmin.toolsLabel")} className="mb-4 flex flex-wrap items-end gap-x-4 gap-y-2 text-sm">
        <Link className="link" to="/admin/meetings/settings">{t("meetingsAdmin.settingsTitle")}</Link>
        <a className="link" href="/admin/meetings/schedule.pdf">{t("meetingsAdmin.printSchedules")}</a>
        <a className="link" href="/admin/meetings/signs.pdf">{t("meetingsAdmin.printSigns")}</a>
        <a className="link" href="/admin/meetings/list.pdf">{t("meetingsAdmin.printList")}</a>
        <a className="link" href="/admin/meetings/list.csv">{t("meetingsAdmin.exportList")}</a>
        {parties.length ? (
          <Form method="get" className="flex items-end gap-2">
            <label className="text-xs">
              {t("meetingsAdmin.partyView")}
              <select name="party" className="input" defaultValue="">
                <option value="">{t("meetingsAdmin.pickParty")}</option>
                {parties.map((p) => (
                  <option key={p.id} value={p.id}>{pick(p.name_vi, p.name_en)}</option>
                ))}
              </select>
            </label>
            <button type="submit" className="btn-secondary">{t("meetingsAdmin.show")}</button>
          </Form>
        ) : null}
      </nav>
      {formError && data?.intent !== "create" ? <Notice tone="error">{t(formError, data?.params)}</Notice> : null}
      {data?.committed !== undefined ? <Notice tone="success">{t("meetingsAdmin.committed", { placed: data.committed })}</Notice> : null}
      {data?.lockDone ? <Notice tone="success">{t("meetingsAdmin.lockDone")}</Notice> : null}
      {data?.created !== undefined ? <Notice tone="success">{t("meetingsAdmin.created", { slots: data.created })}</Notice> : null}
      {removed ? <Notice tone="success">{t("meetingsAdmin.removed")}</Notice> : null}
      {data?.preview ? <SchedulePreview preview={data.preview} zone={zone} /> : null}
      {grid.meetings.length === 0 ? <EmptyState title={t("meetingsAdmin.emptyGrid")} /> : null}
      <MeetingGrid grid={grid} zone={zone} />
      <UnplacedRequests requests={unplaced} />
    </div>
  );
}

function SetupForm({ sessionTitle, data }: { sessionTitle: string; data?: ActionData }) {
  const t = useT();
  const feedback = data?.intent === "create" ? data : null;
  const state = useZodForm(blockCreateSchema, { defaultValues: DEFAULTS, feedback });
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t("meetingsAdmin.setupTitle")}>{t("meetingsAdmin.setupIntro", { session: sessionTitle })}</PageHeader>
      <div className="card">
        <ZodForm state={state} className="grid gap-4 sm:grid-cols-2">
          <input type="hidden" name="intent" value="create" />
          <TextField state={state} name="slotMinutes" label={t("meetingsAdmin.slotMinutes")} inputMode="numeric" required />
          <TextField state={state} name="gapMinutes" label={t("meetingsAdmin.gapMinutes")} inputMode="numeric" required />
          <MeetingBlockFields state={state} pairs={feedback?.values ? pairsFromForm(feedback.values) : DEFAULT_ALLOWED_PAIRS} pairsError={feedback?.errors?.pairs} />
          <div className="sm:col-span-2">
            <SubmitButton busyLabel={t("common.saving")}>{t("meetingsAdmin.create")}</SubmitButton>
          </div>
        </ZodForm>
      </div>
    </div>
  );
}
