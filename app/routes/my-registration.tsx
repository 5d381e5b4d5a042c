import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { requirePermission } from "~/auth/guards.server";
import { clientIp } from "~/auth/request.server";
import { DelegateFields } from "~/features/registration/components/delegate-fields";
import { useZodForm, ZodForm } from "~/components/form";
import { SubmitButton } from "~/components/submit-button";
import { pageMeta, useBilingual, useT } from "~/components/i18n";
import { requestMessages } from "~/http/i18n.server";
import { StatusBadge } from "~/features/registration/components/registration-status";
import { ConferenceTime } from "~/components/time";
import { EmptyState, Notice, PageHeader } from "~/components/ui";
import { MODES, type AttendanceMode } from "~/features/registration/rules";
import { formValues, parseWith } from "~/platform/forms/fields";
import { delegateEditSchema } from "~/features/registration/schema";
import { getCurrentConference, registrationWindow } from "~/features/people/conference.server";
import { joinLinksFor } from "~/features/registration/join-links.server";
import { listOrganisationOptions } from "~/features/people/organisations.server";
import {
  cancelOwnRegistration,
  getOwnRegistration,
  switchOwnMode,
  updateOwnRegistration,
} from "~/features/registration/registrations.server";
import { waitlistPosition } from "~/features/registration/places.server";
import { requireConference } from "~/http/conference.server";
import { intent, parseIntent } from "~/http/intent.server";
import { replyOrNotFound } from "~/http/refusal.server";
import { z } from "zod";

export const meta: MetaFunction = (args) => pageMeta(args, "nav.myRegistration");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "register:self");
  const conference = await getCurrentConference();
  if (!conference)
    return json({
      messages: await requestMessages(request, "registration"),
      conference: null,
      registration: null,
      organisations: [],
      joinLinks: [],
      position: null,
      window: null,
    });
  const registration = await getOwnRegistration(user.id, conference.id);
  const [organisations, joinLinks, position] = registration
    ? await Promise.all([listOrganisationOptions(), joinLinksFor(registration), waitlistPosition(registration)])
    : [[], [], null];
  return json({
    messages: await requestMessages(request, "registration"),
    conference,
    registration,
    organisations,
    joinLinks,
    position,
    window: registrationWindow(conference),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const Intent = z.discriminatedUnion("intent", [intent("update"), intent("mode"), intent("cancel")]);
  const user = await requirePermission(request, "register:self");
  const conference = await requireConference();
  const values = formValues(await request.formData());
  const ip = clientIp(context);
  const chosen = parseIntent(Intent, values).intent;
  let result;
  switch (chosen) {
    case "cancel":
      if (values.confirm !== "yes")
        return json(
          { intent: "cancel", errors: { confirm: "registration.cancelConfirmRequired" }, values: {} },
          { status: 400 },
        );
      result = await cancelOwnRegistration(user.id, conference.id, ip);
      break;
    case "mode":
      if (!MODES.includes(values.mode as AttendanceMode))
        return json({ intent: "mode", errors: { "": "errors.choice" }, values: {} }, { status: 400 });
      result = await switchOwnMode(user.id, conference.id, values.mode as AttendanceMode, ip);
      break;
    case "update": {
      const parsed = parseWith(delegateEditSchema, values);
      if (!parsed.ok) return json({ intent: "update", errors: parsed.errors, values }, { status: 400 });
      result = await updateOwnRegistration(user.id, conference.id, parsed.data, ip);
      break;
    }
  }
  // No registration of one's own: the 404 page.
  if (!result.ok) return replyOrNotFound(result.refusal, { intent: chosen, values });
  return json({ intent: chosen, errors: {}, values: {}, done: `registration.done.${chosen}` });
}

export default function MyRegistration() {
  const { conference, registration, organisations, joinLinks, position, window } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  const pick = useBilingual();
  const r = registration;
  const state = useZodForm(delegateEditSchema, {
    defaultValues: r
      ? {
          honorific: r.honorific,
          fullName: r.full_name,
          position: r.position,
          organisationId: String(r.organisation_id),
          phone: r.phone,
          mode: r.mode,
          interpretation: r.interpretation,
          dietary: r.dietary,
          consentToList: r.consent_to_list ? "on" : "",
        }
      : {},
    feedback: data?.intent === "update" ? data : null,
  });
  if (!conference) return <EmptyState title={t("home.noConference")} />;
  if (!r) {
    return (
      <EmptyState title={t("registration.none")}>
        {window === "open" ? (
          <Link to="/register" className="btn-primary mt-2">
            {t("nav.register")}
          </Link>
        ) : (
          <p>{t("home.registrationUnset")}</p>
        )}
      </EmptyState>
    );
  }
  const alive = r.status === "pending" || r.status === "approved" || r.status === "waitlisted";
  const otherMode: AttendanceMode = r.mode === "in_person" ? "online" : "in_person";
  const pageError =
    data && data.intent !== "update"
      ? ((data.errors as Record<string, string>)[""] ?? (data.errors as Record<string, string>).confirm)
      : null;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader title={t("nav.myRegistration")}>{pick(conference.title_vi, conference.title_en)}</PageHeader>
      {params.get("registered") && !data ? (
        <Notice tone="success">{t("registration.thanks", { email: r.email })}</Notice>
      ) : null}
      {params.get("confirmed") && !data ? <Notice tone="success">{t("registration.confirmed")}</Notice> : null}
      {params.get("confirmRefused") && !data ? <Notice tone="info">{t("registration.confirmRefused")}</Notice> : null}
      {data && "done" in data ? <Notice tone="success">{t(data.done as string)}</Notice> : null}
      {pageError ? <Notice tone="error">{t(pageError)}</Notice> : null}

      <section className="card" aria-labelledby="status-heading" data-testid="registration-status">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="status-heading">{t("registration.statusHeading")}</h2>
          <StatusBadge status={r.status} />
        </div>
        <p className="mt-2 text-sm text-slate-700">
          {t(`registration.explain.${r.status}`, { position: position ?? "" })}
        </p>
        <dl className="mt-4 grid gap-3 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-slate-500">{t("registration.field.mode")}</dt>
            <dd className="font-semibold">{t(`registration.mode.${r.mode}`)}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("registration.field.organisation")}</dt>
            <dd className="font-semibold">{pick(r.organisation_vi, r.organisation_en)}</dd>
          </div>
          <div>
            <dt className="text-slate-500">{t("registration.field.email")}</dt>
            <dd className="font-semibold break-all">{r.email}</dd>
          </div>
          {r.status === "approved" && r.mode === "in_person" ? (
            <div data-testid="badge-code">
              <dt className="text-slate-500">{t("delegates.badgeCode")}</dt>
              <dd className="font-mono text-lg font-semibold tracking-widest">{r.badge_code}</dd>
              <dd className="text-xs text-slate-600">{t("registration.badgeCodeHint")}</dd>
            </div>
          ) : null}
        </dl>
        <div className="no-print mt-4 flex flex-wrap gap-3">
          {r.status === "approved" && r.mode === "in_person" ? (
            <a href="/my-registration/badge.pdf" className="btn-primary" download>
              {t("registration.downloadBadge")}
            </a>
          ) : null}
          {alive ? (
            <Form method="post">
              <input type="hidden" name="intent" value="mode" />
              <input type="hidden" name="mode" value={otherMode} />
              <SubmitButton className="btn-secondary" name="intent" value="mode">
                {t(`registration.switchTo.${otherMode}`)}
              </SubmitButton>
            </Form>
          ) : null}
        </div>
      </section>

      {joinLinks.length > 0 ? (
        <section className="card" aria-labelledby="join-heading">
          <h2 id="join-heading">{t("registration.joinHeading")}</h2>
          <p className="mt-1 text-sm text-slate-600">{t("registration.joinIntro")}</p>
          <ul className="mt-4 divide-y divide-slate-100" data-testid="join-links">
            {joinLinks.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                <div>
                  <p className="font-semibold">{pick(s.title_vi, s.title_en)}</p>
                  <p className="text-sm">
                    <ConferenceTime iso={s.starts_at} endIso={s.ends_at} zone={conference.time_zone} />
                  </p>
                </div>
                <a className="btn-secondary" href={`/join/${s.token}`} target="_blank" rel="noreferrer">
                  {t("registration.join")}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {alive ? (
        <section className="card" aria-labelledby="details-heading">
          <h2 id="details-heading" className="mb-4">
            {t("registration.detailsHeading")}
          </h2>
          <ZodForm state={state}>
            <input type="hidden" name="intent" value="update" />
            <DelegateFields state={state} organisations={organisations} />
            <SubmitButton busyLabel={t("common.saving")} name="intent" value="update">
              {t("common.save")}
            </SubmitButton>
          </ZodForm>
        </section>
      ) : null}

      {alive ? (
        <section className="card border-red-200" aria-labelledby="cancel-heading">
          <h2 id="cancel-heading">{t("registration.cancelHeading")}</h2>
          <p className="mt-1 text-sm text-slate-600">{t("registration.cancelIntro")}</p>
          <Form method="post" className="mt-3 flex flex-wrap items-center gap-4">
            <input type="hidden" name="intent" value="cancel" />
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" name="confirm" value="yes" required />
              {t("registration.cancelConfirm")}
            </label>
            <SubmitButton className="btn-danger" name="intent" value="cancel">
              {t("registration.cancel")}
            </SubmitButton>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
