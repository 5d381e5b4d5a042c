import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getUser } from "~/auth/guards.server";
import { cookiesAreSecure } from "~/auth/lucia.server";
import { languageCookie } from "~/auth/request.server";
import { isLocale } from "~/platform/i18n";
import { safeRedirect } from "~/lib/security";
import { setLocale } from "~/features/people/users.server";

export async function loader() {
  return redirect("/");
}

/** Switches the language: remembered on the account when signed in, in a cookie always. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const locale = form.get("locale");
  const back = safeRedirect(form.get("redirectTo"));
  if (!isLocale(locale)) return redirect(back);
  const user = await getUser(request);
  if (user) await setLocale(user.id, locale);
  return redirect(back, { headers: { "Set-Cookie": languageCookie(locale, cookiesAreSecure()) } });
}
