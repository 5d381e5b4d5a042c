import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { DEMO_ACCOUNTS, DEMO_PASSWORDS } from "../../seeds/seed";

type RouteFn = (args: LoaderFunctionArgs & ActionFunctionArgs) => Promise<unknown>;

const BASE = "http://localhost:3000";

/** Calls a loader or action as Remix would; a thrown Response (redirect, 403) is returned. */
export async function call(
  fn: unknown,
  options: {
    path: string;
    method?: string;
    form?: Record<string, string>;
    cookie?: string | null;
    params?: Record<string, string>;
    ip?: string;
    headers?: Record<string, string>;
  },
): Promise<Response> {
  const headers = new Headers(options.headers);
  if (options.cookie) headers.set("Cookie", options.cookie);
  let body: URLSearchParams | undefined;
  if (options.form) {
    body = new URLSearchParams(options.form);
    headers.set("Content-Type", "application/x-www-form-urlencoded");
  }
  const request = new Request(`${BASE}${options.path}`, {
    method: options.method ?? (options.form ? "POST" : "GET"),
    headers,
    body,
  });
  try {
    const result = await (fn as RouteFn)({
      request,
      params: options.params ?? {},
      context: { clientIp: options.ip ?? "127.0.0.1" },
    });
    return result instanceof Response ? result : new Response(JSON.stringify(result));
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

/** "nv_session=abc; Path=/; HttpOnly…" → "nv_session=abc", for a Cookie header. */
export function cookieFrom(response: Response): string | null {
  const header = response.headers.get("Set-Cookie");
  return header ? header.split(";")[0] : null;
}

export type DemoKey = (typeof DEMO_ACCOUNTS)[number]["key"];

export function demoAccount(key: DemoKey) {
  const account = DEMO_ACCOUNTS.find((a) => a.key === key)!;
  return { email: account.email, password: DEMO_PASSWORDS[key] };
}

/** Signs a demo account in through the real login action; returns its Cookie header. */
export async function signInAs(key: DemoKey): Promise<string> {
  const { action } = await import("~/routes/login");
  const { email, password } = demoAccount(key);
  const response = await call(action, { path: "/login", form: { email, password } });
  const cookie = cookieFrom(response);
  if (response.status !== 302 || !cookie) throw new Error(`sign-in as ${key} failed with ${response.status}`);
  return cookie;
}

export async function jsonOf<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T;
}
