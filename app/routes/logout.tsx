import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getSessionState } from "~/auth/guards.server";
import { clientIp } from "~/auth/request.server";
import { signOut } from "~/features/people/sign-in.server";

/** Sign-out is a POST only (a link or an image could otherwise sign people out). */
export async function loader() {
  return redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const state = await getSessionState(request);
  if (!state.session || !state.user) {
    return redirect("/login", state.setCookie ? { headers: { "Set-Cookie": state.setCookie } } : undefined);
  }
  const cookie = await signOut(state.session.id, state.user.id, clientIp(context));
  return redirect("/login?loggedOut=1", { headers: { "Set-Cookie": cookie } });
}
