import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireUser } from "~/auth/guards.server";
import { clientIp } from "~/auth/request.server";
import { pageMeta, useBilingual, useLocale, useT } from "~/components/i18n";
import { SubmitButton } from "~/components/submit-button";
import { Notice, PageHeader } from "~/components/ui";
import { agreementScope } from "~/features/proceedings/agreements/access.server";
import {
  meetingRequestChoices,
  missionChoices,
  partyChoices,
} from "~/features/proceedings/agreements/agreement-list.server";
import {
  datesOf,
  deleteAgreement,
  findAgreement,
  moveAgreement,
  updateAgreement,
} from "~/features/proceedings/agreements/agreements.server";
import { AgreementForm } from "~/features/proceedings/agreements/components/agreement-form";
import { DeadlineFlags } from "~/features/proceedings/agreements/components/deadline-flags";
import { NoAuthority } from "~/features/proceedings/agreements/components/no-authority";
import { StateStepper } from "~/features/proceedings/agreements/components/state-stepper";
import { countryName } from "~/features/proceedings/agreements/countries";
import { lateness } from "~/features/proceedings/agreements/deadlines";
import { advanceSchema, agreementSchema } from "~/features/proceedings/agreements/schema";
import { previousState } from "~/features/proceedings/agreements/transitions";
import { requireConference } from "~/http/conference.server";
import { flash } from "~/http/flash.server";
import { requestMessages } from "~/http/i18n.server";
import { intent as intentOf, parseIntent } from "~/http/intent.server";
import { parseId, replyRefusal, throwRefusal } from "~/http/refusal.server";
import { nowIso } from "~/lib/clock";
import { zonedDate } from "~/lib/time";
import { getDb } from "~/platform/db.server";
import { formValues, parseWith } from "~/platform/forms/parse";
import { notFound } from "~/platform/types";

export const meta: MetaFunction = (args) => pageMeta(args, "proceedings.agreements.title");

const DONE = ["created", "saved", "moved"] as const;
const doneFlash = () => flash("nv_agreement", "/agreements", z.object({ done: z.enum(DONE) }));
/** /agreements shows "deleted" (its own cookie). */
const listFlash = () => flash("nv_agreements", "/agreements", z.object({ done: z.enum(["deleted"]) }));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const conference = await requireConference();
  const id = parseId(params.id);
  const db = getDb();
  const messages = await requestMessages(request, "proceedings");
  const access = await agreementScope(db, user, conference.id);
  if (!access.ok) return json({ noAuthority: access.refusal.key, messages } as const, { status: 403 });
  const { scope } = access;
  const agreement = await findAgreement(db, scope, id);
  if (!agreement) throwRefusal(notFound("proceedings.agreements.errors.notFound").refusal);
  const today = zonedDate(nowIso(), conference.time_zone);
  const staff = scope.organisationId === null;
  const mayEdit = !staff || scope.staffUpdate;
  const [party, mission, parties, missions, meetingRequests, outcome] = await Promise.all([
    db
      .selectFrom("organisations")
      .select(["name_vi", "name_en"])
      .where("id", "=", agreement.organisation_id)
      .executeTakeFirstOrThrow(),
    agreement.mission_id === null
      ? Promise.resolve(null)
      : db
          .selectFrom("organisations")
          .select(["name_vi", "name_en"])
          .where("id", "=", agreement.mission_id)
          .executeTakeFirst(),
    staff && mayEdit ? partyChoices(db) : Promise.resolve(null),
    mayEdit ? missionChoices(db) : Promise.resolve([]),
    mayEdit ? meetingRequestChoices(db, conference.id, agreement.organisation_id) : Promise.resolve([]),
    doneFlash().take(request),
  ]);
  const dates = datesOf(agreement);
  const back = previousState(agreement.state, dates);
  return json(
    {
      noAuthority: null,
      messages,
      agreement,
      party: { nameVi: party.name_vi, nameEn: party.name_en },
      mission: mission ? { nameVi: mission.name_vi, nameEn: mission.name_en } : null,
      meeting: meetingRequests.find((r) => r.id === agreement.meeting_request_id) ?? null,
      dates,
      lateness: lateness(agreement, today),
      today,
      previous: agreement.state === "drafted" ? null : back,
      mayEdit,
      mayGoBack: scope.staffUpdate,
      choices: { parties, missions, meetingRequests },
      done: outcome.value?.done ?? null,
    },
    { headers: outcome.headers },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const Intent = z.discriminatedUnion("intent", [
    intentOf("save"),
    intentOf("move"),
    intentOf("back"),
    intentOf("delete"),
  ]);
  const user = await requireUser(request);
  const conference = await requireConference();
  const id = parseId(params.id);
  const db = getDb();
  const values = formValues(await request.formData());
  const { intent } = parseIntent(Intent, values);
  const back = { intent, values };
  const access = await agreementScope(db, user, conference.id);
  if (!access.ok) return replyRefusal(access.refusal, back);
  const { scope } = access;
  const actor = { id: user.id, ip: clientIp(context) };
  const done = async (what: (typeof DONE)[number]) =>
    redirect(`/agreements/${id}`, { headers: { "Set-Cookie": await doneFlash().set({ done: what }) } });
  switch (intent) {
    case "save": {
      const parsed = parseWith(agreementSchema, values);
      if (!parsed.ok) return json({ ...back, errors: parsed.errors }, { status: 400 });
      const result = await updateAgreement(db, scope, actor, id, parsed.data);
      return result.ok ? done("saved") : replyRefusal(result.refusal, back);
    }
    case "move":
    case "back": {
      // "back" posts no step: it goes to the previous one, whatever was posted.
      const parsed = parseWith(advanceSchema, intent === "back" ? { target: "drafted" } : values);
      if (!parsed.ok) return json({ ...back, errors: parsed.errors }, { status: 400 });
      const today = zonedDate(nowIso(), conference.time_zone);
      const current = await findAgreement(db, scope, id);
      if (!current) throwRefusal(notFound("proceedings.agreements.errors.notFound").refusal);
      // "move" goes forward only: a step back is the staff's own button, never a select's accident.
      const previous = previousState(current.state, datesOf(current));
      if (intent === "move" && current.state !== "drafted" && parsed.data.target === previous)
        return json({ ...back, errors: { target: "proceedings.agreements.errors.notForward" } }, { status: 400 });
      const input = intent === "back" ? { ...parsed.data, target: previous } : parsed.data;
      const result = await moveAgreement(db, scope, actor, id, input, today);
      return result.ok ? done("moved") : replyRefusal(result.refusal, back);
    }
    case "delete": {
      const result = await deleteAgreement(db, scope, actor, id);
      if (!result.ok) return replyRefusal(result.refusal, back);
      return redirect("/agreements", { headers: { "Set-Cookie": await listFlash().set({ done: "deleted" }) } });
    }
  }
}

function Detail({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-semibold uppercase text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-sm text-slate-900">{children}</dd>
    </div>
  );
}

export default function AgreementPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as
    { intent: string; errors?: Record<string, string>; values?: Record<string, string> } | undefined;
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  if (data.noAuthority !== null) return <NoAuthority reason={data.noAuthority} />;
  const A = "proceedings.agreements";
  const a = data.agreement;
  const feedbackFor = (...intents: string[]) => (actionData && intents.includes(actionData.intent) ? actionData : null);
  const otherError = feedbackFor("delete", "back")?.errors?.[""];
  const defaults: Record<string, string> = {
    organisationId: String(a.organisation_id),
    title: a.title,
    foreignParty: a.foreign_party,
    countryCode: a.country_code,
    field: a.field,
    kind: a.kind,
    signedPlace: a.signed_place,
    missionId: a.mission_id === null ? "" : String(a.mission_id),
    meetingRequestId: a.meeting_request_id === null ? "" : String(a.meeting_request_id),
    summary: a.summary,
  };
  return (
    <div className="space-y-4">
      <Link to="/agreements" className="btn-link text-sm">
        {t(`${A}.backToList`)}
      </Link>
      <PageHeader title={a.title}>
        {pick(data.party.nameVi, data.party.nameEn)} · {t(`proceedings.agreementState.${a.state}`)}
      </PageHeader>
      {data.done ? <Notice tone="success">{t(`${A}.done.${data.done}`)}</Notice> : null}
      {otherError ? <Notice tone="error">{t(otherError)}</Notice> : null}
      <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <section className="card space-y-4" aria-labelledby="details-heading">
          <h2 id="details-heading">{t(`${A}.view.details`)}</h2>
          <dl className="grid gap-3 sm:grid-cols-2" data-testid="agreement-details">
            <Detail label={t(`${A}.form.party`)}>{pick(data.party.nameVi, data.party.nameEn)}</Detail>
            <Detail label={t(`${A}.form.foreignParty`)}>{a.foreign_party}</Detail>
            <Detail label={t(`${A}.form.country`)}>{countryName(a.country_code, locale)}</Detail>
            <Detail label={t(`${A}.form.field`)}>{t(`proceedings.agreementField.${a.field}`)}</Detail>
            <Detail label={t(`${A}.form.kind`)}>{t(`proceedings.agreementKind.${a.kind}`)}</Detail>
            {a.signed_place ? <Detail label={t(`${A}.form.signedPlace`)}>{a.signed_place}</Detail> : null}
            {data.mission ? (
              <Detail label={t(`${A}.form.mission`)}>{pick(data.mission.nameVi, data.mission.nameEn)}</Detail>
            ) : null}
            {data.meeting ? (
              <Detail label={t(`${A}.form.meetingRequest`)}>
                {pick(data.meeting.counterpartVi, data.meeting.counterpartEn)} ({data.meeting.sector})
              </Detail>
            ) : null}
            <Detail label={t(`${A}.col.deadlines`)}>
              <DeadlineFlags
                lateness={data.lateness}
                opinionReceived={a.opinion_received_on !== null}
                reported={a.reported_on !== null}
              />
            </Detail>
          </dl>
          {a.summary ? <p className="whitespace-pre-line text-sm text-slate-800">{a.summary}</p> : null}
          <p className="text-xs text-slate-600">
            {t(`${A}.view.opinionRule`)} {t(`${A}.view.reportRule`)}
          </p>
        </section>
        <StateStepper
          // A new state is a new form: its choices and proposed date start again.
          key={a.state}
          state={a.state}
          dates={data.dates}
          today={data.today}
          previous={data.previous}
          mayMove={data.mayEdit}
          mayGoBack={data.mayGoBack}
          feedback={feedbackFor("move")}
        />
      </div>
      {data.mayEdit ? (
        <details className="card" open={Boolean(feedbackFor("save"))} data-testid="agreement-edit">
          <summary className="cursor-pointer font-semibold text-navy-800">{t(`${A}.view.edit`)}</summary>
          <div className="mt-4">
            <AgreementForm
              defaults={defaults}
              choices={data.choices}
              feedback={feedbackFor("save")}
              submitLabel={t(`${A}.form.save`)}
            />
          </div>
        </details>
      ) : null}
      {data.mayEdit && a.state === "drafted" ? (
        <Form method="post" className="card flex flex-wrap items-center gap-3">
          <SubmitButton name="intent" value="delete" className="btn-danger">
            {t(`${A}.delete`)}
          </SubmitButton>
          <span className="text-xs text-slate-600">{t(`${A}.deleteHint`)}</span>
        </Form>
      ) : null}
    </div>
  );
}
