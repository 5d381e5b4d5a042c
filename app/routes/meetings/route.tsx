import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requirePermission } from "~/auth/guards.server";
import { clientIp } from "~/auth/request.server";
import { authorityOf } from "~/auth/organisation-authority.server";
import { pageMeta, useT } from "~/components/i18n";
import { requestMessages } from "~/http/i18n.server";
import { AvailabilitySection } from "~/routes/meetings/availability";
import { CounterpartSide } from "~/routes/meetings/counterpart";
import { PlacedMeetings } from "~/routes/meetings/placed";
import { RequesterSide } from "~/routes/meetings/requester";
import { Notice, PageHeader, parsePage } from "~/components/ui";
import { formValues, parseWith, type FieldErrors } from "~/platform/forms/fields";
import {
  availabilitySchema,
  maxMeetingsSchema,
  meetingAnswerSchema,
  meetingOutcomeSchema,
  meetingRequestSchema,
  sectorsSchema,
} from "~/features/meetings/schema";
import { CONFERENCE_ZONE } from "~/lib/time";
import { getCurrentConference } from "~/features/people/conference.server";
import { intent as intentOf, parseIntent } from "~/http/intent.server";
import { replyRefusal } from "~/http/refusal.server";
import { forbidden, notFound, type MessageParams, type Refusal } from "~/platform/types";
import {
  availabilityOf,
  isOnlineParty,
  placedMeetingsOf,
  recordOutcome,
  setAvailability,
} from "~/features/meetings/meeting-outcomes.server";
import {
  askableParties,
  askableParty,
  PARTIES_PAGE_SIZE,
  maxMeetingsOf,
  requestAllowance,
  requestsFrom,
  requestsTo,
  sectorsOf,
  setMaxMeetings,
  setSectors,
  viewerOrganisation,
} from "~/features/meetings/meeting-requests.server";
import { answerMeetingRequest, requestMeeting, withdrawMeetingRequest } from "~/features/meetings/meetings.server";
import { REQUESTER_KINDS, type PartySectors } from "~/features/meetings/rules";

export const meta: MetaFunction = (args) => pageMeta(args, "meetingsDelegate.title");

type Rows<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "register:self");
  const conference = await getCurrentConference();
  // What the page shows of an organisation follows the same rule as what may be done for it.
  const authority = conference ? await authorityOf(user.id, conference.id) : null;
  const org = await viewerOrganisation(authority?.organisationId ?? null);
  const zone = conference?.time_zone ?? CONFERENCE_ZONE;
  const search = new URL(request.url).searchParams;
  const query = search.get("q") ?? "";
  const pageAsked = parsePage(search.get("page"));
  // The party chosen with ?to= (a "choose" link) is in the form even when no shown page lists it.
  const toId = Number(search.get("to"));
  const requester = org ? REQUESTER_KINDS.includes(org.kind) : false;
  const ready = conference && org && authority?.ok ? { conferenceId: conference.id, org } : null;
  const online = ready ? await isOnlineParty(ready.conferenceId, ready.org.id) : false;
  const noParties = { rows: [], total: 0, page: 1, pageSize: PARTIES_PAGE_SIZE } as Rows<typeof askableParties>;
  const [parties, chosen, sent, received, maxMeetings, placed, availability, sectors, allowance] = await Promise.all([
    ready && requester
      ? askableParties(ready.conferenceId, ready.org.kind, query, ready.org.id, { page: pageAsked })
      : noParties,
    ready && requester && Number.isInteger(toId) && toId > 0
      ? askableParty(ready.conferenceId, ready.org.kind, toId, ready.org.id)
      : null,
    ready && requester ? requestsFrom(ready.conferenceId, ready.org.id) : ([] as Rows<typeof requestsFrom>),
    ready && !requester ? requestsTo(ready.conferenceId, ready.org.id) : ([] as Rows<typeof requestsTo>),
    ready && !requester ? maxMeetingsOf(ready.conferenceId, ready.org.id) : null,
    ready ? placedMeetingsOf(ready.conferenceId, ready.org.id, online) : ([] as Rows<typeof placedMeetingsOf>),
    ready ? availabilityOf(ready.conferenceId, ready.org.id) : null,
    ready && !requester
      ? sectorsOf(ready.conferenceId, ready.org.id)
      : ({ codes: [], note: "" } satisfies PartySectors as PartySectors),
    ready && requester ? requestAllowance(ready.conferenceId, ready.org.id) : null,
  ]);
  return json({
    messages: await requestMessages(request, "meetings"),
    zone,
    org,
    requester,
    online,
    // Who may answer, cap and set availability: any delegate of a province or ministry, only the head of a mission.
    mayAct: ready !== null,
    refusal: authority && !authority.ok ? authority.key : null,
    query,
    // Only the shown page of the parties (the list and the form's choices), and how many match.
    parties: parties.rows,
    partiesTotal: parties.total,
    partiesPage: parties.page,
    partiesPageSize: parties.pageSize,
    chosen,
    sent,
    received,
    maxMeetings,
    sectors,
    allowance,
    placed,
    availability,
  });
}

export type MeetingsLoader = typeof loader;
export type ActionData = {
  intent: string;
  errors: FieldErrors;
  values: Record<string, string>;
  done?: string;
  params?: MessageParams;
};

export async function action({ request, context }: ActionFunctionArgs) {
  // The page's forms: one intent each (their fields are parsed by each form's own schema). (Here, in the action, it stays out of the browser bundle.)
  const Intent = z.discriminatedUnion("intent", [
    intentOf("request"),
    intentOf("answer"),
    intentOf("withdraw"),
    intentOf("max"),
    intentOf("sectors"),
    intentOf("availability"),
    intentOf("outcome"),
  ]);
  const user = await requirePermission(request, "register:self");
  const actor = { id: user.id, ip: clientIp(context) };
  const formData = await request.formData();
  const values = formValues(formData);
  const { intent } = parseIntent(Intent, values);
  const conference = await getCurrentConference();
  const fail = (errors: FieldErrors, status = 400, extra: Partial<ActionData> = {}) =>
    json<ActionData>({ intent, errors, values, ...extra }, { status });
  // The refusal's kind says its status (who may act 403, a missing row 404, bad input 400).
  const refused = (refusal: Refusal, sentBack: Record<string, string> = values) =>
    replyRefusal(refusal, { intent, values: sentBack });
  const done = (key: string, keep: Record<string, string> = {}) =>
    json<ActionData>({ intent, errors: {}, values: keep, done: key });
  if (!conference) return fail({ "": "meetings.errors.noBlock" });
  const authority = await authorityOf(user.id, conference.id);
  // The asked side's own settings and availability: only for who speaks for an organisation.
  const notActing = () => refused(forbidden(authority.ok ? "meetings.errors.noOrganisation" : authority.key).refusal);
  switch (intent) {
    case "request": {
      const parsed = parseWith(meetingRequestSchema, values);
      if (!parsed.ok) return fail(parsed.errors);
      const result = await requestMeeting(user.id, conference.id, parsed.data, actor.ip);
      if (!result.ok) return refused(result.refusal);
      // The confirmation names the party asked, in the reader's language (the form clears).
      const to = await viewerOrganisation(parsed.data.toOrganisationId);
      return json<ActionData>({
        intent,
        errors: {},
        values: {},
        done: "meetingsDelegate.form.sentTo",
        params: { toVi: to?.name_vi ?? "", toEn: to?.name_en ?? "" },
      });
    }
    case "answer": {
      const parsed = parseWith(meetingAnswerSchema, values);
      if (!parsed.ok) return fail(parsed.errors);
      const result = await answerMeetingRequest(
        user.id,
        parsed.data.requestId,
        { accept: parsed.data.decision === "accept", reason: parsed.data.reason },
        actor.ip,
      );
      if (!result.ok) return refused(result.refusal);
      return done("meetingsDelegate.answered");
    }
    case "withdraw": {
      const requestId = Number(values.requestId);
      if (!Number.isInteger(requestId) || requestId < 1) return refused(notFound().refusal);
      const result = await withdrawMeetingRequest(user.id, requestId, actor.ip);
      if (!result.ok) return refused(result.refusal);
      return done("meetingsDelegate.withdrawn");
    }
    case "max": {
      if (!authority.ok) return notActing();
      const parsed = parseWith(maxMeetingsSchema, values);
      if (!parsed.ok) return fail(parsed.errors);
      const result = await setMaxMeetings(
        user.id,
        conference.id,
        authority.organisationId,
        parsed.data.maxMeetings,
        actor,
      );
      if (!result.ok) return refused(result.refusal);
      return done("meetingsDelegate.max.saved");
    }
    case "sectors": {
      if (!authority.ok) return notActing();
      // A checkbox group sends one "sector" per ticked box.
      const ticked = formData.getAll("sector").map(String);
      const parsed = parseWith(sectorsSchema, { codes: ticked, note: values.note ?? "" });
      if (!parsed.ok) return fail(parsed.errors, 400, { values: { ...values, sector: ticked.join(",") } });
      const result = await setSectors(user.id, conference.id, authority.organisationId, parsed.data, actor);
      if (!result.ok) return refused(result.refusal);
      return done("meetingsDelegate.sectors.saved");
    }
    case "availability": {
      if (!authority.ok) return notActing();
      // A checkbox group sends one "slot" per ticked box; keep them to show what was sent after a refusal.
      const ticked = formData.getAll("slot").map(String);
      const parsed = parseWith(availabilitySchema, { slotIds: ticked });
      const sentBack = { slots: ticked.join(",") };
      if (!parsed.ok)
        return json<ActionData>(
          { intent, errors: { "": "meetingsDelegate.errors.unknownSlot" }, values: sentBack },
          { status: 400 },
        );
      const result = await setAvailability(
        user.id,
        conference.id,
        authority.organisationId,
        parsed.data.slotIds,
        actor,
      );
      if (!result.ok) return refused(result.refusal, sentBack);
      return done("meetingsDelegate.availability.saved");
    }
    case "outcome": {
      const parsed = parseWith(meetingOutcomeSchema, values);
      if (!parsed.ok) return fail(parsed.errors);
      const result = await recordOutcome(
        user.id,
        parsed.data.meetingId,
        { outcome: parsed.data.outcome, followUp: parsed.data.followUp },
        actor,
      );
      if (!result.ok) return refused(result.refusal);
      return done("meetingsDelegate.outcome.saved", { meetingId: String(parsed.data.meetingId) });
    }
  }
}

/** The availability, outcome and request forms show their own results; the others report at the top of the page. */
const IN_SECTION = new Set(["availability", "outcome", "request"]);

export default function Meetings() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionData | undefined;
  const t = useT();
  const topLevel = result && !IN_SECTION.has(result.intent) ? result : null;
  // The request and maximum forms show their refusal inside the form.
  const pageError = topLevel && !["request", "max", "sectors"].includes(topLevel.intent) ? topLevel.errors[""] : null;
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <PageHeader title={t("meetingsDelegate.title")}>{t("meetingsDelegate.intro")}</PageHeader>
      {!data.org ? <Notice tone="info">{t("meetingsDelegate.noOrganisation")}</Notice> : null}
      {topLevel?.done ? <Notice tone="success">{t(topLevel.done)}</Notice> : null}
      {pageError ? <Notice tone="error">{t(pageError)}</Notice> : null}
      {data.org && data.refusal ? (
        <div data-testid="no-authority">
          <Notice tone="info">{t(data.refusal)}</Notice>
        </div>
      ) : null}
      {data.org && data.mayAct && data.requester ? <RequesterSide result={result} /> : null}
      {data.org && data.mayAct && !data.requester ? <CounterpartSide result={result} /> : null}
      {data.org && data.mayAct ? (
        <AvailabilitySection result={result?.intent === "availability" ? result : undefined} />
      ) : null}
      {data.org && data.mayAct ? <PlacedMeetings result={result?.intent === "outcome" ? result : undefined} /> : null}
    </div>
  );
}
