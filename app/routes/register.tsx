import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { getUser } from "~/auth/guards.server";
import { clientIp } from "~/auth/request.server";
import { DelegateFields } from "~/components/delegate-fields";
import { SubmitButton, TextField, useZodForm, ZodForm } from "~/components/form";
import { useBilingual, useLocale, useT } from "~/components/i18n";
import { ConferenceTime } from "~/components/time";
import { EmptyState, Notice, PageHeader } from "~/components/ui";
import { formValues, parseWith } from "~/lib/schemas/common";
import { registrationSchema } from "~/lib/schemas/registration";
import { formatInstant } from "~/lib/time";
import { getCurrentConference, registrationWindow } from "~/models/conference.server";
import { listOrganisationOptions } from "~/models/organisations.server";
import { getOwnRegistration, registerDelegate } from "~/models/registrations.server";
import { getUserProfile } from "~/models/users.server";

export const meta: MetaFunction = () => [{ title: "Đăng ký tham dự · Hội nghị Ngoại vụ" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const [user, conference] = await Promise.all([getUser(request), getCurrentConference()]);
  if (!conference) return json({ conference: null, window: null, organisations: [], account: null });
  if (user && (await getOwnRegistration(user.id, conference.id))) throw redirect("/my-registration");
  const profile = user ? await getUserProfile(user.id) : null;
  return json({
    conference,
    window: registrationWindow(conference),
    organisations: await listOrganisationOptions(),
    account: profile ? { email: profile.email, fullName: profile.full_name, organisationId: profile.organisation_id } : null,
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const [user, conference] = await Promise.all([getUser(request), getCurrentConference()]);
  const values = formValues(await request.formData());
  if (!conference || registrationWindow(conference) !== "open") {
    return json({ errors: { "": "registration.windowClosed" }, values }, { status: 400 });
  }
  const input = user ? { ...values, email: user.email } : values;
  const parsed = parseWith(registrationSchema, input);
  if (!parsed.ok) return json({ errors: parsed.errors, values }, { status: 400 });
  const result = await registerDelegate(parsed.data, { conference, user: user ? { id: user.id, email: user.email } : null, ip: clientIp(context) });
  if (!result.ok) return json({ errors: result.errors, values }, { status: 400 });
  return redirect("/my-registration?registered=1", result.sessionCookie ? { headers: { "Set-Cookie": result.sessionCookie } } : undefined);
}

export default function Register() {
  const { conference, window, organisations, account } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  const state = useZodForm(registrationSchema, {
    defaultValues: {
      honorific: "mr",
      fullName: account?.fullName ?? "",
      position: "",
      organisationId: account?.organisationId ? String(account.organisationId) : "",
      email: account?.email ?? "",
      phone: "",
      mode: "in_person",
      interpretation: "none",
      dietary: "",
      consentToList: "on",
    },
    feedback: data,
  });
  if (!conference) return <EmptyState title={t("home.noConference")} />;
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t("registration.title")}>
        <span className="block font-semibold text-slate-800">{pick(conference.title_vi, conference.title_en)}</span>
        <ConferenceTime iso={conference.starts_at} endIso={conference.ends_at} zone={conference.time_zone} style="date" />
      </PageHeader>
      {window !== "open" ? (
        <Notice tone="info">
          {window === "notYet" && conference.registration_opens_at
            ? t("home.registrationNotYet", { date: formatInstant(conference.registration_opens_at, conference.time_zone, locale) })
            : window === "closed" && conference.registration_closes_at
              ? t("home.registrationClosed", { date: formatInstant(conference.registration_closes_at, conference.time_zone, locale, "date") })
              : t("home.registrationUnset")}
        </Notice>
      ) : (
        <div className="card">
          <p className="mb-4 text-sm text-slate-600">{account ? t("registration.introSignedIn", { email: account.email }) : t("registration.intro")}</p>
          {!account ? (
            <p className="mb-4 text-sm">
              {t("registration.haveAccount")} <Link className="btn-link" to="/login?redirectTo=%2Fregister">{t("nav.signIn")}</Link>
            </p>
          ) : null}
          <ZodForm state={state}>
            {account ? <input type="hidden" name="email" value={account.email} /> : null}
            <DelegateFields state={state} organisations={organisations} withEmail={!account} />
            <SubmitButton busyLabel={t("common.working")}>{t("registration.submit")}</SubmitButton>
          </ZodForm>
        </div>
      )}
    </div>
  );
}
