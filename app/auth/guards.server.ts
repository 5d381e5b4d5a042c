import { json, redirect } from "@remix-run/node";
import type { Session, User } from "lucia";
import { can, type Permission } from "~/auth/permissions";
import type { Role } from "~/auth/roles";
import { getLucia, sessionCookie, validateSession } from "./lucia.server";

export type SessionUser = User;

export interface SessionState {
  user: User | null;
  session: Session | null;
  /**
   * Set-Cookie to send back: a cleared cookie for a tampered, unknown or ended (idle, too old)
   * session; for a live one, its cookie with the Max-Age brought up to its moved expiry. The root
   * loader sends it, so the browser drops the cookie when the server would end the session.
   */
  setCookie: string | null;
}

/** One validation per request: a loader's guard, its page messages and the root loader all ask (document requests share it). */
const validated = new WeakMap<Request, Promise<SessionState>>();

/** Reads and validates the session cookie (idle timeout by role, absolute lifetime). Never throws for a bad cookie. */
export function getSessionState(request: Request): Promise<SessionState> {
  let state = validated.get(request);
  if (!state) {
    state = readSessionState(request);
    validated.set(request, state);
  }
  return state;
}

async function readSessionState(request: Request): Promise<SessionState> {
  const lucia = getLucia();
  const sessionId = lucia.readSessionCookie(request.headers.get("Cookie") ?? "");
  if (!sessionId) return { user: null, session: null, setCookie: null };
  const { session, user } = await validateSession(sessionId);
  if (!session || !user) {
    return { user: null, session: null, setCookie: lucia.createBlankSessionCookie().serialize() };
  }
  if (user.disabledAt) {
    await lucia.invalidateUserSessions(user.id);
    return { user: null, session: null, setCookie: lucia.createBlankSessionCookie().serialize() };
  }
  return { user, session, setCookie: sessionCookie(session) };
}

export async function getUser(request: Request): Promise<User | null> {
  return (await getSessionState(request)).user;
}

/** The signed-in person, or a redirect to sign-in that comes back here afterwards. */
export async function requireUser(request: Request): Promise<User> {
  const user = await getUser(request);
  if (user) return user;
  const url = new URL(request.url);
  const back = `${url.pathname}${url.search}`;
  const query = back === "/" ? "" : `?${new URLSearchParams({ redirectTo: back })}`;
  throw redirect(`/login${query}`);
}

export function forbidden(): never {
  throw json({ message: "error.forbidden.title" }, { status: 403 });
}

export async function requireRole(request: Request, ...roles: Role[]): Promise<User> {
  const user = await requireUser(request);
  if (!roles.includes(user.role)) forbidden();
  return user;
}

export async function requirePermission(request: Request, permission: Permission): Promise<User> {
  const user = await requireUser(request);
  if (!can(user.role, permission)) forbidden();
  return user;
}
