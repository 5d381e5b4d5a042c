import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requirePermission } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { clientIp } from "~/auth/request.server";
import { pageMeta, useBilingual, useT } from "~/components/i18n";
import { Notice, PageHeader } from "~/components/ui";
import { answerSchema, decisionSchema } from "~/features/exhibition/applications/schema";
import {
  answerChangeRequest,
  decideApplication,
  getApplication,
} from "~/features/exhibition/applications/review.server";
import { ApplicationDecision, ChangeRequestAnswer } from "~/features/exhibition/components/application-decision";
import { ApplicationDetails } from "~/features/exhibition/components/application-details";
import { ApplicationStatusBadge } from "~/features/exhibition/components/application-status";
import { requireConference } from "~/http/conference.server";
import { flash } from "~/http/flash.server";
import { requestMessages } from "~/http/i18n.server";
import { pickIntent } from "~/http/intent.server";
import { notFound, parseId, replyOrNotFound } from "~/http/refusal.server";
import { getDb } from "~/platform/db.server";
import { formValues, parseWith } from "~/platform/forms/parse";

export const meta: MetaFunction = (args) => pageMeta(args, "exhibition.applications.admin.title");

const done = (id: number) =>
  flash(
    "nv_exhibition_decided",
    `/admin/exhibition/applications/${id}`,
    z.object({ done: z.enum(["approved", "rejected", "answered"]) }),
  );

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:exhibition:any");
  const conference = await requireConference();
  const id = parseId(params.id);
  const application = await getApplication(getDb(), conference.id, id);
  if (!application) notFound("exhibition.errors.notFound");
  const outcome = await done(id).take(request);
  return json(
    {
      messages: await requestMessages(request, "exhibition"),
      application,
      canDecide: can(user.role, "update:exhibition"),
      done: outcome.value?.done ?? null,
    },
    { headers: outcome.headers },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "update:exhibition");
  const conference = await requireConference();
  const id = parseId(params.id);
  const values = formValues(await request.formData());
  const intent = pickIntent(["decide", "answer"], values);
  const target = { conferenceId: conference.id, id, actor: { id: user.id, ip: clientIp(context) } };
  const back = { intent, values };
  if (intent === "decide") {
    const parsed = parseWith(decisionSchema, values);
    if (!parsed.ok) return json({ ...back, errors: parsed.errors }, { status: 400 });
    const result = await decideApplication(getDb(), target, parsed.data.decision, parsed.data.reason);
    if (!result.ok) return replyOrNotFound(result.refusal, back);
    return redirect(`/admin/exhibition/applications/${id}`, {
      headers: { "Set-Cookie": await done(id).set({ done: result.status === "approved" ? "approved" : "rejected" }) },
    });
  }
  const parsed = parseWith(answerSchema, values);
  if (!parsed.ok) return json({ ...back, errors: parsed.errors }, { status: 400 });
  const result = await answerChangeRequest(getDb(), target, parsed.data.answer);
  if (!result.ok) return replyOrNotFound(result.refusal, back);
  return redirect(`/admin/exhibition/applications/${id}`, {
    headers: { "Set-Cookie": await done(id).set({ done: "answered" }) },
  });
}

export default function ApplicationPage() {
  const { application: a, canDecide, done: outcome } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const t = useT();
  const bi = useBilingual();
  const A = "exhibition.applications.admin";
  return (
    <div className="space-y-6">
      <PageHeader
        title={bi(a.name_vi, a.name_en)}
        action={
          <Link to="/admin/exhibition/applications" className="btn-secondary">
            {t(`${A}.back`)}
          </Link>
        }
      >
        <ApplicationStatusBadge status={a.status} />
      </PageHeader>
      {outcome ? (
        <Notice tone="success">
          <span data-testid="decision-done">{t(`${A}.done.${outcome}`)}</span>
        </Notice>
      ) : null}
      {a.change_request ? (
        <section className="card space-y-3" aria-labelledby="change-request-heading" data-testid="change-request">
          <h2 id="change-request-heading">{t(`${A}.section.change`)}</h2>
          <p className="whitespace-pre-line">{a.change_request}</p>
          {canDecide ? <ChangeRequestAnswer feedback={data?.intent === "answer" ? data : null} /> : null}
        </section>
      ) : null}
      {canDecide ? (
        <ApplicationDecision status={a.status} feedback={data?.intent === "decide" ? data : null} />
      ) : (
        <Notice tone="info">{t(`${A}.readOnlyNote`)}</Notice>
      )}
      <ApplicationDetails application={a} />
    </div>
  );
}
