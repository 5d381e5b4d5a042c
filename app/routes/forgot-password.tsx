import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { clientIp } from "~/auth/request.server";
import { TextField, useZodForm, ZodForm } from "~/components/form";
import { SubmitButton } from "~/components/submit-button";
import { pageMeta, useT } from "~/components/i18n";
import { Notice } from "~/components/ui";
import { forgotPasswordSchema } from "~/features/people/auth-schema";
import { formValues, parseWith } from "~/platform/forms/fields";
import { requestPasswordReset } from "~/features/people/password-reset.server";
import { replyRefusal } from "~/http/refusal.server";

export const meta: MetaFunction = (args) => pageMeta(args, "reset.title");

export async function loader({ request }: LoaderFunctionArgs) {
  return json({ sent: new URL(request.url).searchParams.get("sent") === "1" });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const values = formValues(await request.formData());
  const parsed = parseWith(forgotPasswordSchema, values);
  if (!parsed.ok) return json({ errors: parsed.errors, values }, { status: 400 });
  const result = await requestPasswordReset(parsed.data.email, clientIp(context));
  if (!result.ok) return replyRefusal(result.refusal, { values });
  // The same answer whether or not the address has an account.
  return redirect("/forgot-password?sent=1");
}

export default function ForgotPassword() {
  const { sent } = useLoaderData<typeof loader>();
  const feedback = useActionData<typeof action>();
  const t = useT();
  const state = useZodForm(forgotPasswordSchema, { defaultValues: { email: "" }, feedback });
  return (
    <div className="card mx-auto max-w-md">
      <h1>{t("reset.title")}</h1>
      {sent ? (
        <div className="mt-3" data-testid="reset-sent" role="status">
          <Notice tone="success">{t("reset.sent")}</Notice>
        </div>
      ) : (
        <>
          <p className="mt-2 text-sm text-slate-700">{t("reset.intro")}</p>
          <ZodForm state={state} className="mt-4 space-y-4">
            <TextField
              state={state}
              name="email"
              label={t("login.email")}
              type="email"
              autoComplete="username"
              inputMode="email"
              required
            />
            <SubmitButton busyLabel={t("common.working")} className="btn-primary w-full">
              {t("reset.submit")}
            </SubmitButton>
          </ZodForm>
        </>
      )}
      <p className="mt-4 text-sm">
        <Link to="/login" className="btn-link">
          {t("nav.signIn")}
        </Link>
      </p>
    </div>
  );
}
