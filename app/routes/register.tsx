import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { getUser } from "~/auth/guards.server";
import { clientIp } from "~/auth/request.server";
import { DelegateFields } from "~/features/registration/components/delegate-fields";
import { useZodForm, ZodForm } from "~/components/form";
import { SubmitButton } from "~/components/submit-button";
import { pageMeta, useBilingual, useLocale, useT } from "~/components/i18n";
import { requestMessages } from "~/http/i18n.server";
import { ConferenceTime } from "~/components/time";
import { EmptyState, Notice, PageHeader } from "~/components/ui";
import { formValues, parseWith } from "~/platform/forms/fields";
import { registrationSchema } from "~/features/registration/schema";
import { formatInstant } from "~/lib/time";
import { getCurrentConference, registrationWindow } from "~/features/people/conference.server";
import { listOrganisationOptions } from "~/features/people/organisations.server";
import { getOwnRegistration, registerDelegate } from "~/features/registration/registrations.server";
import { requestRegistration } from "~/features/registration/registration-requests.server";
import { getUserProfile } from "~/features/people/users.server";
import { replyRefusal } from "~/http/refusal.server";

export const meta: MetaFunction = (args) => pageMeta(args, "registration.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const [user, conference] = await Promise.all([getUser(request), getCurrentConference()]);
  const sentTo = new URL(request.url).searchParams.get("sent");
  if (!conference)
    return json({
      messages: await requestMessages(request, "registration"),
      conference: null,
      window: null,
      organisations: [],
      account: null,
      sentTo: null,
    });
  if (user && (await getOwnRegistration(user.id, conference.id))) throw redirect("/my-registration");
  const profile = user ? await getUserProfile(user.id) : null;
  return json({
    messages: await requestMessages(request, "registration"),
    conference,
    window: registrationWindow(conference),
    organisations: await listOrganisationOptions(),
    account: profile
      ? { email: profile.email, fullName: profile.full_name, organisationId: profile.organisation_id }
      : null,
    sentTo: user ? null : sentTo ? sentTo.slice(0, 254) : null,
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
  if (!user) {
    // A visitor proves nothing by typing: the registration waits for the e-mailed link (decision 011),
    // and the answer is the same whether or not the address is known.
    const requested = await requestRegistration(parsed.data, { conference, ip: clientIp(context) });
    if (!requested.ok) return replyRefusal(requested.refusal, { values });
    return redirect(`/register?sent=${encodeURIComponent(parsed.data.email)}`);
  }
  const result = await registerDelegate(parsed.data, {
    conference,
    user: { id: user.id, email: user.email },
    ip: clientIp(context),
  });
  if (!result.ok) return replyRefusal(result.refusal, { values });
  return redirect("/my-registration?registered=1");
}

export default function Register() {
  const { conference, window, organisations, account, sentTo } = useLoaderData<typeof loader>();
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
  if (sentTo) {
    return (
      <div className="card mx-auto max-w-xl" data-testid="registration-sent" role="status">
        <h1>{t("registration.sent.title")}</h1>
        <p className="mt-2 text-slate-700">{t("registration.sent.body", { email: sentTo })}</p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t("registration.title")}>
        <span className="block font-semibold text-slate-800">{pick(conference.title_vi, conference.title_en)}</span>
        <ConferenceTime
          iso={conference.starts_at}
          endIso={conference.ends_at}
          zone={conference.time_zone}
          style="date"
        />
      </PageHeader>
      {window !== "open" ? (
        <Notice tone="info">
          {window === "notYet" && conference.registration_opens_at
            ? t("home.registrationNotYet", {
                date: formatInstant(conference.registration_opens_at, conference.time_zone, locale),
              })
            : window === "closed" && conference.registration_closes_at
              ? t("home.registrationClosed", {
                  date: formatInstant(conference.registration_closes_at, conference.time_zone, locale, "date"),
                })
              : t("home.registrationUnset")}
        </Notice>
      ) : (
        <div className="card">
          <p className="mb-4 text-sm text-slate-600">
            {account ? t("registration.introSignedIn", { email: account.email }) : t("registration.intro")}
          </p>
          {!account ? (
            <p className="mb-4 text-sm">
              {t("registration.haveAccount")}{" "}
              <Link className="btn-link" to="/login?redirectTo=%2Fregister">
                {t("nav.signIn")}
              </Link>
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
