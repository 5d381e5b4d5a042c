import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { getSessionState, requirePermission } from "~/auth/guards.server";
import { clientIp } from "~/auth/request.server";
import { SelectField, TextField, useZodForm, ZodForm } from "~/components/form";
import { SubmitButton } from "~/components/submit-button";
import { pageMeta, useBilingual, useT } from "~/components/i18n";
import { Notice, PageHeader } from "~/components/ui";
import { changePasswordSchema } from "~/features/people/auth-schema";
import { formValues, parseWith } from "~/platform/forms/fields";
import { profileSchema } from "~/features/people/schema";
import { changePassword } from "~/features/people/sign-in.server";
import { getUserProfile, updateProfile } from "~/features/people/users.server";
import { intent, parseIntent } from "~/http/intent.server";
import { replyRefusal } from "~/http/refusal.server";
import { z } from "zod";

export const meta: MetaFunction = (args) => pageMeta(args, "nav.account");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "update:user:own");
  const profile = await getUserProfile(user.id);
  return json({ profile: profile! });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const Intent = z.discriminatedUnion("intent", [intent("profile"), intent("password")]);
  const user = await requirePermission(request, "update:user:own");
  const values = formValues(await request.formData());
  const ip = clientIp(context);
  if (parseIntent(Intent, values).intent === "password") {
    const parsed = parseWith(changePasswordSchema, values);
    if (!parsed.ok) return json({ intent: "password", errors: parsed.errors, values: {} }, { status: 400 });
    const { session } = await getSessionState(request);
    const result = await changePassword({
      userId: user.id,
      keepSessionId: session!.id,
      currentPassword: parsed.data.currentPassword,
      newPassword: parsed.data.password,
      ip,
    });
    if (!result.ok) return replyRefusal(result.refusal, { intent: "password", values: {} });
    return json({ intent: "password", done: "account.passwordChanged", errors: {}, values: {} });
  }
  const parsed = parseWith(profileSchema, values);
  if (!parsed.ok) return json({ intent: "profile", errors: parsed.errors, values }, { status: 400 });
  await updateProfile(user.id, parsed.data, ip);
  return json({ intent: "profile", done: "common.saved", errors: {}, values });
}

const COMMON_ZONES = [
  "Asia/Ho_Chi_Minh",
  "Asia/Tokyo",
  "Asia/Seoul",
  "Asia/Shanghai",
  "Asia/Singapore",
  "Asia/Bangkok",
  "Asia/Kolkata",
  "Asia/Dubai",
  "Europe/Moscow",
  "Europe/Paris",
  "Europe/London",
  "America/New_York",
  "America/Chicago",
  "America/Los_Angeles",
  "Australia/Sydney",
  "Africa/Johannesburg",
];

export default function Account() {
  const { profile } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const t = useT();
  const pick = useBilingual();
  const profileForm = useZodForm(profileSchema, {
    defaultValues: { fullName: profile.full_name, locale: profile.locale, timeZone: profile.time_zone ?? "" },
    feedback: data?.intent === "profile" ? data : null,
  });
  const passwordForm = useZodForm(changePasswordSchema, {
    defaultValues: { currentPassword: "", password: "", confirm: "" },
    feedback: data?.intent === "password" ? data : null,
  });
  const zones =
    COMMON_ZONES.includes(profile.time_zone ?? "") || !profile.time_zone
      ? COMMON_ZONES
      : [profile.time_zone, ...COMMON_ZONES];
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <PageHeader title={t("account.title")}>
        {profile.email} · {t("account.role", { role: t(`role.${profile.role}`) })}
        {profile.organisation_vi ? ` · ${pick(profile.organisation_vi, profile.organisation_en)}` : ""}
      </PageHeader>
      <section className="card" aria-labelledby="profile-heading">
        <h2 id="profile-heading" className="mb-4">
          {t("account.profile")}
        </h2>
        {data?.intent === "profile" && "done" in data ? <Notice tone="success">{t(data.done as string)}</Notice> : null}
        <ZodForm state={profileForm}>
          <input type="hidden" name="intent" value="profile" />
          <TextField state={profileForm} name="fullName" label={t("people.fullName")} autoComplete="name" required />
          <SelectField
            state={profileForm}
            name="locale"
            label={t("account.language")}
            options={[
              { value: "vi", label: t("lang.vi") },
              { value: "en", label: t("lang.en") },
            ]}
            required
          />
          <SelectField
            state={profileForm}
            name="timeZone"
            label={t("account.timeZone")}
            options={[
              { value: "", label: t("account.timeZoneAuto") },
              ...zones.map((z) => ({ value: z, label: z.replace(/_/g, " ") })),
            ]}
          />
          <SubmitButton busyLabel={t("common.saving")} name="intent" value="profile">
            {t("common.save")}
          </SubmitButton>
        </ZodForm>
      </section>
      <section className="card" aria-labelledby="password-heading">
        <h2 id="password-heading" className="mb-4">
          {t("account.changePassword")}
        </h2>
        {data?.intent === "password" && "done" in data ? (
          <Notice tone="success">{t(data.done as string)}</Notice>
        ) : null}
        <ZodForm state={passwordForm}>
          <input type="hidden" name="intent" value="password" />
          <TextField
            state={passwordForm}
            name="currentPassword"
            label={t("account.currentPassword")}
            type="password"
            autoComplete="current-password"
            required
          />
          <TextField
            state={passwordForm}
            name="password"
            label={t("account.newPassword")}
            type="password"
            autoComplete="new-password"
            hint={t("invite.passwordHint")}
            required
          />
          <TextField
            state={passwordForm}
            name="confirm"
            label={t("account.confirmPassword")}
            type="password"
            autoComplete="new-password"
            required
          />
          <SubmitButton busyLabel={t("common.saving")} name="intent" value="password">
            {t("account.changePassword")}
          </SubmitButton>
        </ZodForm>
      </section>
    </div>
  );
}
