import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { requirePermission } from "~/auth/guards.server";
import { clientIp, resolveLocale } from "~/auth/request.server";
import { TextField, useZodForm, ZodForm } from "~/components/form";
import { SubmitButton } from "~/components/submit-button";
import { pageMeta, useBilingual, useLocale, useT } from "~/components/i18n";
import { PreviewForm } from "~/components/preview-form";
import { requestMessages } from "~/http/i18n.server";
import { MeetingBlockFields } from "~/features/meetings/components/meeting-block-fields";
import {
  MeetingGrid,
  SchedulePreview,
  UnplacedRequests,
  type Preview,
} from "~/features/meetings/components/meeting-grid";
import { EmptyState, Notice, PageHeader } from "~/components/ui";
import type { Locale } from "~/platform/i18n";
import { translate } from "~/http/i18n.server";
import type { Reason, ScheduleResult } from "~/features/meetings/scheduler/schedule";
import { runSchedulePreview } from "~/features/meetings/schedule-preview.server";
import { JobProgress } from "~/components/job-progress";
import { jobView } from "~/http/jobs.server";
import { getDb } from "~/platform/db.server";
import type { JobView } from "~/platform/jobs/protocol";
import { formValues, parseWith } from "~/platform/forms/fields";
import { blockCreateSchema, blockSettingsInput, pairsFromForm } from "~/features/meetings/block-schema";
import { CONFERENCE_ZONE, formatInstant, utcToZonedLocal } from "~/lib/time";
import type { OrganisationKind } from "~/auth/roles";
import { requireConference } from "~/http/conference.server";
import { intent as intentOf, parseIntent } from "~/http/intent.server";
import { notFound, parseId, replyRefusal } from "~/http/refusal.server";
import { invalid } from "~/platform/types";
import {
  meetingBlockOverview,
  meetingGrid,
  schedulerNames,
  setMeetingLocked,
} from "~/features/meetings/meeting-grid.server";
import { partiesWithRequests, sharedBlockSettings, unplacedRequests } from "~/features/meetings/meeting-admin.server";
import { createMeetingBlock } from "~/features/meetings/meetings.server";
import { DEFAULT_ALLOWED_PAIRS } from "~/features/meetings/rules";
import { commitSchedule } from "~/features/meetings/meeting-schedule.server";
import { flash } from "~/http/flash.server";

/**
 * What an action did, shown once on the page after its redirect (post/redirect/get: no `?index`
 * in the address bar). A function, called only by the loader and the action: the browser build drops it with them.
 */
const outcomeFlash = () =>
  flash(
    "nv_meetings_done",
    "/admin/meetings",
    z.object({ done: z.enum(["created", "committed", "locked"]), count: z.number().int().min(0) }),
  );

/** The page's own address after an action: the session kept when the form or the address named one. */
function pageUrl(request: Request, values: Record<string, string>, sessionId: number) {
  const named = values.session || new URL(request.url).searchParams.get("session");
  return named ? `/admin/meetings?session=${sessionId}` : "/admin/meetings";
}

export const meta: MetaFunction = (args) => pageMeta(args, "meetingsAdmin.title");

const meetingsJson = z.array(
  z
    .object({
      request: z.string().regex(/^req-\d+$/),
      slot: z.string().regex(/^slot-\d+$/),
      table: z.string().regex(/^table-\d+$/),
    })
    .strict(),
);
const DEFAULTS = {
  slotMinutes: "20",
  gapMinutes: "10",
  tableCount: "30",
  requestsCloseAt: "",
  answersCloseAt: "",
  maxRequests: "",
};

/** The meeting-block session shown: `session` from the form or the address, else the first. */
async function current(request: Request, values: Record<string, string> = {}) {
  const conference = await requireConference();
  const sessionId = Number(values.session || new URL(request.url).searchParams.get("session")) || null;
  return { conference, ...(await meetingBlockOverview(conference.id, sessionId)) };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "update:agenda");
  const url = new URL(request.url);
  const party = Number(url.searchParams.get("party"));
  if (Number.isInteger(party) && party > 0) throw redirect(`/admin/meetings/parties/${party}`);
  const { conference, sessions, session, block } = await current(request);
  const grid = block ? await meetingGrid(block.id, conference.id) : null;
  const [unplaced, parties] = block
    ? await Promise.all([unplacedRequests(conference.id), partiesWithRequests(conference.id)])
    : [[], []];
  // A second block starts from the conference's settings (they are shared), its own slots and tables aside.
  const shared = block ? null : await sharedBlockSettings(conference.id);
  // The scheduler's preview is a GET (`?session=…&preview=1`): it changes nothing, and its address can be kept.
  // A large block's runs as a background job (`&job=…` in the address while it works).
  const locale = resolveLocale(request, user.locale);
  let preview: Preview | null = null;
  let previewJob: JobView | null = null;
  if (block && url.searchParams.get("preview") === "1") {
    const named = Number(url.searchParams.get("job"));
    const run = await runSchedulePreview(
      getDb(),
      block.id,
      conference.id,
      { id: user.id, ip: clientIp(request) },
      Number.isInteger(named) && named > 0 ? named : null,
    );
    if (run.kind === "ready") preview = await schedulePreview(run.result, block.id, conference.id, locale);
    else if (String(run.job.id) !== url.searchParams.get("job"))
      throw redirect(`/admin/meetings?session=${block.session_id}&preview=1&job=${run.job.id}`);
    else previewJob = jobView(run.job, locale);
  }
  const outcome = await outcomeFlash().take(request);
  const setup = shared
    ? {
        defaults: {
          ...DEFAULTS,
          tableCount: String(shared.table_count),
          maxRequests:
            shared.max_requests_per_organisation === null ? "" : String(shared.max_requests_per_organisation),
          requestsCloseAt: shared.requests_close_at ? utcToZonedLocal(shared.requests_close_at, CONFERENCE_ZONE) : "",
          answersCloseAt: shared.answers_close_at ? utcToZonedLocal(shared.answers_close_at, CONFERENCE_ZONE) : "",
        },
        pairs: JSON.parse(shared.allowed_pairs) as Array<[OrganisationKind, OrganisationKind]>,
      }
    : { defaults: DEFAULTS, pairs: DEFAULT_ALLOWED_PAIRS };
  return json(
    {
      done: outcome.value,
      preview,
      previewJob,
      messages: await requestMessages(request, "meetings"),
      zone: conference.time_zone ?? CONFERENCE_ZONE,
      sessions: sessions.map((x) => ({
        id: x.id,
        title_vi: x.title_vi,
        title_en: x.title_en,
        starts_at: x.starts_at,
        cut: x.block_id !== null,
      })),
      session,
      block: block ? { id: block.id } : null,
      grid,
      unplaced,
      parties,
      setup,
      removed: url.searchParams.has("removed"),
    },
    { headers: outcome.headers },
  );
}

/** The scheduler's preview of a block (nothing written), in the page's language with names. */
async function schedulePreview(
  result: ScheduleResult,
  blockId: number,
  conferenceId: number,
  locale: Locale,
): Promise<Preview> {
  const names = await schedulerNames(blockId, conferenceId);
  const party = (id: string) =>
    names.orgs[id] ? { vi: names.orgs[id].vi, en: names.orgs[id].en } : { vi: id, en: id };
  const rows = result.meetings
    .map((m) => ({
      startsAt: names.slots[m.slot] ?? "",
      table: names.tables[m.table] ?? 0,
      a: party(names.requests[m.request]?.a ?? ""),
      b: party(names.requests[m.request]?.b ?? ""),
      priority: names.requests[m.request]?.priority ?? 1,
    }))
    .sort((x, y) => x.startsAt.localeCompare(y.startsAt) || x.table - y.table);
  const left = result.unscheduled.map((u) => ({
    a: party(names.requests[u.request]?.a ?? ""),
    b: party(names.requests[u.request]?.b ?? ""),
    priority: names.requests[u.request]?.priority ?? 1,
    reason: describeReason(
      result.reasons[u.request],
      u.reason,
      (id) => (names.orgs[id] ? (locale === "en" ? names.orgs[id].en : names.orgs[id].vi) : id),
      locale,
    ),
  }));
  return {
    placed: result.meetings.length,
    weight: result.weight,
    optimal: result.optimal,
    rows,
    left,
    meetings: JSON.stringify(result.meetings),
  };
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
  // The page's forms: cutting a block, committing the scheduler's preview (a GET, answered by the loader), locking a meeting. (Here, in the action, it stays out of the browser bundle.)
  const Intent = z.discriminatedUnion("intent", [
    intentOf("create"),
    intentOf("commit"),
    intentOf("lock"),
    intentOf("unlock"),
  ]);
  const user = await requirePermission(request, "update:agenda");
  const actor = { id: user.id, ip: clientIp(context) };
  const values = formValues(await request.formData());
  const { intent } = parseIntent(Intent, values);
  const { conference, session, block } = await current(request, values);
  if (intent === "create") {
    const parsed = parseWith(blockCreateSchema, values);
    const pairs = pairsFromForm(values);
    if (!parsed.ok || pairs.length === 0)
      return json(
        {
          intent,
          errors: {
            ...(parsed.ok ? {} : parsed.errors),
            ...(pairs.length ? {} : { pairs: "meetingsAdmin.errors.noPairs" }),
          },
          values,
        },
        { status: 400 },
      );
    if (!session) return replyRefusal(invalid("meetings.errors.notABlockSession").refusal, { intent, values });
    const d = parsed.data;
    const result = await createMeetingBlock(
      conference.id,
      {
        ...blockSettingsInput(d, pairs, CONFERENCE_ZONE),
        sessionId: session.id,
        slotMinutes: d.slotMinutes,
        gapMinutes: d.gapMinutes,
      },
      actor,
    );
    if (!result.ok) return replyRefusal(result.refusal, { intent, values });
    const cookie = await outcomeFlash().set({ done: "created", count: result.slots });
    return redirect(pageUrl(request, values, session.id), { headers: { "Set-Cookie": cookie } });
  }
  if (!block || !session) return json({ intent, errors: { "": "meetings.errors.noBlock" } }, { status: 400 });
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
    if (!result.ok) return replyRefusal(result.refusal, { intent });
    const cookie = await outcomeFlash().set({ done: "committed", count: result.placed });
    return redirect(pageUrl(request, values, session.id), { headers: { "Set-Cookie": cookie } });
  }
  if (intent === "lock" || intent === "unlock") {
    const id = parseId(values.meetingId);
    const grid = await meetingGrid(block.id, conference.id);
    if (!grid.meetings.some((m) => m.id === id)) notFound();
    await setMeetingLocked(id, intent === "lock", actor);
    const cookie = await outcomeFlash().set({ done: "locked", count: 1 });
    return redirect(pageUrl(request, values, session.id), { headers: { "Set-Cookie": cookie } });
  }
}

type ActionData = {
  intent?: string;
  errors?: Record<string, string>;
  params?: Record<string, string | number>;
  values?: Record<string, string>;
};

/** One tab per meeting-block session when there are several (a morning and an afternoon round, say). */
function SessionTabs() {
  const { sessions, session, zone } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  if (sessions.length < 2) return null;
  return (
    <nav aria-label={t("meetingsAdmin.blocksLabel")} className="mb-4 flex flex-wrap gap-2">
      {sessions.map((x) => (
        <Link
          key={x.id}
          to={`?session=${x.id}`}
          aria-current={x.id === session?.id ? "page" : undefined}
          className={x.id === session?.id ? "btn-primary" : "btn-secondary"}
        >
          {pick(x.title_vi, x.title_en)} · {formatInstant(x.starts_at, zone, locale, "dateTime")}
          {x.cut ? null : ` (${t("meetingsAdmin.notCut")})`}
        </Link>
      ))}
    </nav>
  );
}

export default function AdminMeetings() {
  const { session, block, grid, zone, unplaced, parties, removed, setup, done, preview, previewJob } =
    useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const navigation = useNavigation();
  // The preview's GET is on its way (the scheduler may take a few seconds on a large block).
  const previewing = navigation.state === "loading" && navigation.formData?.get("preview") === "1";
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
  if (!block || !grid)
    return (
      <SetupForm
        sessionId={session.id}
        sessionTitle={pick(session.title_vi, session.title_en)}
        setup={setup}
        data={data}
      />
    );
  return (
    <div>
      <PageHeader
        title={t("meetingsAdmin.title")}
        action={
          // A GET: the preview writes nothing, so the loader answers it at `?session=…&preview=1`.
          <PreviewForm
            hidden={{ session: session.id, preview: 1 }}
            busy={previewing}
            label={t("meetingsAdmin.run")}
            busyLabel={t("meetingsAdmin.running")}
          />
        }
      >
        {pick(session.title_vi, session.title_en)} · {t("meetingsAdmin.counts", grid.counts)}
      </PageHeader>
      <SessionTabs />
      <nav aria-label={t("meetingsAdmin.toolsLabel")} className="mb-4 flex flex-wrap items-end gap-x-4 gap-y-2 text-sm">
        <Link className="link" to={`/admin/meetings/settings?session=${session.id}`}>
          {t("meetingsAdmin.settingsTitle")}
        </Link>
        <a className="link" href="/admin/meetings/schedule.pdf">
          {t("meetingsAdmin.printSchedules")}
        </a>
        <a className="link" href="/admin/meetings/signs.pdf">
          {t("meetingsAdmin.printSigns")}
        </a>
        <a className="link" href="/admin/meetings/list.pdf">
          {t("meetingsAdmin.printList")}
        </a>
        <a className="link" href="/admin/meetings/list.csv">
          {t("meetingsAdmin.exportList")}
        </a>
        {parties.length ? (
          <Form method="get" className="flex items-end gap-2">
            <label className="text-xs">
              {t("meetingsAdmin.partyView")}
              <select name="party" className="input" defaultValue="">
                <option value="">{t("meetingsAdmin.pickParty")}</option>
                {parties.map((p) => (
                  <option key={p.id} value={p.id}>
                    {pick(p.name_vi, p.name_en)}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="btn-secondary">
              {t("meetingsAdmin.show")}
            </button>
          </Form>
        ) : null}
      </nav>
      {formError && data?.intent !== "create" ? <Notice tone="error">{t(formError, data?.params)}</Notice> : null}
      {done?.done === "committed" ? (
        <Notice tone="success">{t("meetingsAdmin.committed", { placed: done.count })}</Notice>
      ) : null}
      {done?.done === "locked" ? <Notice tone="success">{t("meetingsAdmin.lockDone")}</Notice> : null}
      {done?.done === "created" ? (
        <Notice tone="success">{t("meetingsAdmin.created", { slots: done.count })}</Notice>
      ) : null}
      {removed ? <Notice tone="success">{t("meetingsAdmin.removed")}</Notice> : null}
      {previewJob ? (
        <section aria-label={t("meetingsAdmin.previewJob.title")} className="card mb-4 p-4">
          <h2 className="mb-2 font-semibold text-navy-900">{t("meetingsAdmin.previewJob.title")}</h2>
          <JobProgress job={previewJob} />
        </section>
      ) : null}
      {preview ? <SchedulePreview preview={preview} zone={zone} sessionId={session.id} /> : null}
      {grid.meetings.length === 0 ? <EmptyState title={t("meetingsAdmin.emptyGrid")} /> : null}
      <MeetingGrid grid={grid} zone={zone} sessionId={session.id} />
      <UnplacedRequests requests={unplaced} />
    </div>
  );
}

function SetupForm({
  sessionId,
  sessionTitle,
  setup,
  data,
}: {
  sessionId: number;
  sessionTitle: string;
  setup: { defaults: typeof DEFAULTS; pairs: Array<[OrganisationKind, OrganisationKind]> };
  data?: ActionData;
}) {
  const t = useT();
  const feedback = data?.intent === "create" ? data : null;
  const state = useZodForm(blockCreateSchema, { defaultValues: setup.defaults, feedback });
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t("meetingsAdmin.setupTitle")}>
        {t("meetingsAdmin.setupIntro", { session: sessionTitle })}
      </PageHeader>
      <SessionTabs />
      <div className="card">
        <ZodForm state={state} className="grid gap-4 sm:grid-cols-2">
          <input type="hidden" name="session" value={sessionId} />
          <input type="hidden" name="intent" value="create" />
          <TextField
            state={state}
            name="slotMinutes"
            label={t("meetingsAdmin.slotMinutes")}
            inputMode="numeric"
            required
          />
          <TextField
            state={state}
            name="gapMinutes"
            label={t("meetingsAdmin.gapMinutes")}
            inputMode="numeric"
            required
          />
          <MeetingBlockFields
            state={state}
            pairs={feedback?.values ? pairsFromForm(feedback.values) : setup.pairs}
            pairsError={feedback?.errors?.pairs}
          />
          <div className="sm:col-span-2">
            <SubmitButton busyLabel={t("common.saving")}>{t("meetingsAdmin.create")}</SubmitButton>
          </div>
        </ZodForm>
      </div>
    </div>
  );
}
