import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requirePermission } from "~/auth/guards.server";
import { clientIp } from "~/auth/request.server";
import { DelegateFields } from "~/features/registration/components/delegate-fields";
import { SelectField, TextAreaField, useZodForm, ZodForm } from "~/components/form";
import { SubmitButton } from "~/components/submit-button";
import { pageMeta, useLocale, useT } from "~/components/i18n";
import { requestMessages } from "~/http/i18n.server";
import { StatusBadge } from "~/features/registration/components/registration-status";
import { Notice, PageHeader } from "~/components/ui";
import { can } from "~/auth/permissions";
import { STATUSES } from "~/features/registration/rules";
import { formValues, msg, parseWith } from "~/platform/forms/fields";
import { organiserEditSchema } from "~/features/registration/schema";
import { CONFERENCE_ZONE, formatInstant } from "~/lib/time";
import { auditTrail } from "~/platform/audit.server";
import { listOrganisationOptions } from "~/features/people/organisations.server";
import { getRegistration, updateRegistrationAsOrganiser } from "~/features/registration/registrations.server";
import { getDb } from "~/platform/db.server";
import { requireConference } from "~/http/conference.server";
import { notFound, parseId, replyOrNotFound } from "~/http/refusal.server";

export const meta: MetaFunction = (args) => pageMeta(args, "nav.delegates");

const editSchema = organiserEditSchema.extend({
  status: z.enum(STATUSES, { errorMap: () => ({ message: msg("errors.choice") }) }),
});

async function load(params: { id?: string }) {
  const conference = await requireConference();
  const registration = (await getRegistration(conference.id, parseId(params.id))) ?? notFound();
  return { conference, registration };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:registration:any");
  const { registration } = await load(params);
  const [organisations, history] = await Promise.all([
    listOrganisationOptions(),
    auditTrail("registration", registration.id),
  ]);
  return json({
    messages: await requestMessages(request, "registration"),
    registration,
    organisations,
    history,
    canEdit: can(user.role, "update:registration:any"),
    canPrint: can(user.role, "print:badge"),
  });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "update:registration:any");
  const { conference, registration } = await load(params);
  const values = formValues(await request.formData());
  const parsed = parseWith(editSchema, values);
  if (!parsed.ok) return json({ errors: parsed.errors, values, saved: false }, { status: 400 });
  const result = await updateRegistrationAsOrganiser(getDb(), conference.id, registration.id, parsed.data, {
    id: user.id,
    ip: clientIp(context),
  });
  if (!result.ok) return replyOrNotFound(result.refusal, { values, saved: false });
  return json({ errors: {}, values: {}, saved: true });
}

export default function EditDelegate() {
  const { registration: r, organisations, history, canEdit, canPrint } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const state = useZodForm(editSchema, {
    defaultValues: {
      honorific: r.honorific,
      fullName: r.full_name,
      position: r.position,
      organisationId: String(r.organisation_id),
      email: r.email,
      phone: r.phone,
      mode: r.mode,
      interpretation: r.interpretation,
      dietary: r.dietary,
      consentToList: r.consent_to_list ? "on" : "",
      organiserNote: r.organiser_note,
      status: r.status,
    },
    feedback: data,
  });
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <p className="no-print text-sm">
        <Link to="/admin/delegates" className="btn-link">
          ← {t("nav.delegates")}
        </Link>
      </p>
      <PageHeader
        title={`${t(`registration.honorific.${r.honorific}`)} ${r.full_name}`}
        action={
          canPrint && r.status === "approved" && r.mode === "in_person" ? (
            <a className="btn-secondary" href={`/admin/delegates/${r.id}/badge.pdf`}>
              {t("delegates.printBadge")}
            </a>
          ) : undefined
        }
      >
        <StatusBadge status={r.status} /> · {t("delegates.badgeCode")}: <code>{r.badge_code}</code>
        {r.checked_in_at
          ? ` · ${t("delegates.checkedInAt", { time: formatInstant(r.checked_in_at, CONFERENCE_ZONE, locale) })}`
          : ""}
      </PageHeader>
      {data?.saved ? <Notice tone="success">{t("common.saved")}</Notice> : null}
      {canEdit ? (
        <div className="card">
          <ZodForm state={state}>
            <DelegateFields state={state} organisations={organisations} withEmail />
            <div className="grid gap-4 sm:grid-cols-2">
              <SelectField
                state={state}
                name="status"
                label={t("delegates.status")}
                options={STATUSES.map((s) => ({ value: s, label: t(`registration.status.${s}`) }))}
              />
              <TextAreaField state={state} name="organiserNote" label={t("delegates.note")} rows={2} />
            </div>
            <SubmitButton busyLabel={t("common.saving")}>{t("common.save")}</SubmitButton>
          </ZodForm>
        </div>
      ) : (
        <div className="card text-sm">
          <p>
            {r.position} · {r.email} · {r.phone}
          </p>
        </div>
      )}
      <section aria-labelledby="history-heading">
        <h2 id="history-heading" className="mb-2">
          {t("delegates.history")}
        </h2>
        <ol className="card space-y-1 text-sm">
          {history.map((h) => (
            <li key={h.id}>
              <span className="text-slate-500">{formatInstant(h.at, CONFERENCE_ZONE, locale)}</span> ·{" "}
              {h.actor_name ?? t("audit.system")} · <code className="text-xs">{h.action}</code>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
