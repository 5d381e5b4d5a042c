import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { clientIp } from "~/auth/request.server";
import { TextField, useZodForm, ZodForm } from "~/components/form";
import { SubmitButton } from "~/components/submit-button";
import { pageMeta, useT } from "~/components/i18n";
import { requestMessages } from "~/http/i18n.server";
import { setPasswordSchema } from "~/features/people/auth-schema";
import { formValues, parseWith } from "~/platform/forms/fields";
import { acceptInvitation, findInvitation, type InvitationState } from "~/features/people/invitations.server";
import { confirmRegistrationRequest } from "~/features/registration/registration-requests.server";

// "same-origin", not "no-referrer": the token never leaves in a Referer to another site, and the
// form's own POST still carries a real Origin (no-referrer makes Chromium send "Origin: null").
export const meta: MetaFunction = (args) => [
  ...pageMeta(args, "invite.title"),
  { name: "referrer", content: "same-origin" },
];

const STATUS: Record<InvitationState, number> = { valid: 200, invalid: 404, expired: 410, used: 410, revoked: 410 };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { state, invitation } = await findInvitation(params.token ?? "");
  const registration = state === "valid" && invitation!.purpose === "registration";
  const reset = state === "valid" && invitation!.purpose === "reset";
  return json(
    {
      messages: await requestMessages(request, "registration"),
      state,
      fullName: state === "valid" ? invitation!.full_name : null,
      role: state === "valid" ? invitation!.role : null,
      registration,
      reset,
    },
    { status: STATUS[state], headers: { "Referrer-Policy": "same-origin" } },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const parsed = parseWith(setPasswordSchema, formValues(await request.formData()));
  if (!parsed.ok) return json({ errors: parsed.errors, state: "valid" as InvitationState }, { status: 400 });
  const ip = clientIp(context);
  const result = await acceptInvitation(params.token ?? "", parsed.data.password, ip, {
    // A registration sent through the public form becomes one now that the mailbox is proven.
    onAccepted: (trx, invitationId, userId) => confirmRegistrationRequest(trx, invitationId, userId, ip),
  });
  if (!result.ok) return json({ errors: {}, state: result.state }, { status: STATUS[result.state] });
  const confirmed = result.followUp;
  const to =
    confirmed === null ? "/" : confirmed.ok ? "/my-registration?confirmed=1" : "/my-registration?confirmRefused=1";
  return redirect(to, { headers: { "Set-Cookie": result.sessionCookie } });
}

export default function AcceptInvitation() {
  const data = useLoaderData<typeof loader>();
  const feedback = useActionData<typeof action>();
  const t = useT();
  const state = useZodForm(setPasswordSchema, { defaultValues: { password: "", confirm: "" }, feedback });
  const current = feedback?.state && feedback.state !== "valid" ? feedback.state : data.state;

  if (current !== "valid") {
    return (
      <div className="card mx-auto max-w-md" data-testid="invitation-refused">
        <h1>{t(`invite.${current}`)}</h1>
        <p className="mt-2 text-slate-700">{t(`invite.${current}.body`)}</p>
        <Link to="/login" className="btn-primary mt-4">
          {t("nav.signIn")}
        </Link>
      </div>
    );
  }
  return (
    <div className="card mx-auto max-w-md">
      <h1>{t(data.registration ? "invite.registration.title" : data.reset ? "invite.reset.title" : "invite.title")}</h1>
      <p className="mt-2 text-sm text-slate-700">
        {data.registration
          ? t("invite.registration.intro", { name: data.fullName ?? "" })
          : data.reset
            ? t("invite.reset.intro", { name: data.fullName ?? "" })
            : t("invite.intro", { name: data.fullName ?? "", role: t(`role.${data.role}`) })}
      </p>
      <ZodForm state={state} className="mt-4 space-y-4">
        <TextField
          state={state}
          name="password"
          label={t("invite.password")}
          type="password"
          autoComplete="new-password"
          hint={t("invite.passwordHint")}
          required
        />
        <TextField
          state={state}
          name="confirm"
          label={t("invite.confirm")}
          type="password"
          autoComplete="new-password"
          required
        />
        <SubmitButton className="btn-primary w-full">{t("invite.submit")}</SubmitButton>
      </ZodForm>
    </div>
  );
}
