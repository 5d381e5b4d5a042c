import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { getUser } from "~/auth/guards.server";
import { clientIp } from "~/auth/request.server";
import { TextField, useZodForm, ZodForm } from "~/components/form";
import { SubmitButton } from "~/components/submit-button";
import { pageMeta, useT } from "~/components/i18n";
import { Notice } from "~/components/ui";
import { loginSchema } from "~/features/people/auth-schema";
import { formValues, parseWith } from "~/platform/forms/fields";
import { safeRedirect } from "~/lib/security";
import { signIn } from "~/features/people/sign-in.server";
import { getUserProfile, hasDemoAccounts } from "~/features/people/users.server";
import { landingPath } from "~/auth/permissions";
import { replyRefusal } from "~/http/refusal.server";

export const meta: MetaFunction = (args) => pageMeta(args, "login.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  if (user) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo"), landingPath(user.role)));
  return json({ demo: await hasDemoAccounts() });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const values = formValues(await request.formData());
  const kept = { email: values.email ?? "", redirectTo: values.redirectTo ?? "" };
  const parsed = parseWith(loginSchema, values);
  if (!parsed.ok) return json({ errors: parsed.errors, values: kept }, { status: 400 });
  const result = await signIn({ email: parsed.data.email, password: parsed.data.password, ip: clientIp(context) });
  if (result.ok) {
    // Without a (safe) page to return to, an organiser lands on the dashboard; everyone else on the home page.
    const landing = landingPath((await getUserProfile(result.userId))?.role);
    return redirect(safeRedirect(parsed.data.redirectTo, landing), { headers: { "Set-Cookie": result.sessionCookie } });
  }
  // A wrong password 400, a disabled account 403, too many attempts 429 with the minutes to wait.
  return replyRefusal(result.refusal, { values: kept, ...result.refusal.params });
}

export default function Login() {
  const data = useActionData<typeof action>();
  const { demo } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const t = useT();
  const state = useZodForm(loginSchema, {
    defaultValues: { email: "", password: "", redirectTo: params.get("redirectTo") ?? "" },
    feedback: data,
  });
  const formError = data?.errors?.[""];
  const minutes = data && "minutes" in data && typeof data.minutes === "number" ? data.minutes : undefined;
  return (
    <div className="mx-auto max-w-md">
      <div className="card">
        <h1>{t("login.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("login.intro")}</p>
        {params.get("loggedOut") ? <Notice tone="success">{t("login.loggedOut")}</Notice> : null}
        <div className="mt-4">
          {formError ? (
            <Notice tone="error" id="login-error">
              {t(formError, minutes !== undefined ? { minutes } : undefined)}
            </Notice>
          ) : null}
          <ZodForm state={{ ...state, formError: null }}>
            <input type="hidden" name="redirectTo" value={state.defaults.redirectTo} />
            <TextField
              state={state}
              name="email"
              label={t("login.email")}
              type="email"
              autoComplete="username"
              inputMode="email"
              required
            />
            <TextField
              state={state}
              name="password"
              label={t("login.password")}
              type="password"
              autoComplete="current-password"
              required
            />
            <SubmitButton busyLabel={t("login.submitting")} className="btn-primary w-full">
              {t("login.submit")}
            </SubmitButton>
          </ZodForm>
          <p className="mt-3 text-sm">
            <Link to="/forgot-password" className="btn-link">
              {t("login.forgot")}
            </Link>
          </p>
        </div>
      </div>
      {demo ? <p className="mt-4 text-center text-xs text-slate-500">{t("login.demoHint")}</p> : null}
    </div>
  );
}
