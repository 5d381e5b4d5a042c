import { Lucia, TimeSpan } from "lucia";
import { getDb } from "~/db.server";
import type { Locale, Role } from "../../db/schema";
import { KyselyLuciaAdapter } from "./adapter.server";

/** Secure cookies whenever the public address is https (always in production behind TLS). */
export function cookiesAreSecure(): boolean {
  if (process.env.COOKIE_SECURE) return process.env.COOKIE_SECURE === "true";
  return (process.env.PUBLIC_URL ?? "").startsWith("https://");
}

function createLucia() {
  return new Lucia(new KyselyLuciaAdapter(getDb()), {
    // Sliding: Lucia extends a session used in the second half of its life.
    sessionExpiresIn: new TimeSpan(3, "d"),
    sessionCookie: {
      name: "nv_session",
      // A browser-session cookie; the server-side expiry is what counts.
      expires: false,
      attributes: { secure: cookiesAreSecure(), sameSite: "lax" },
    },
    getUserAttributes: (a) => ({
      email: a.email,
      fullName: a.full_name,
      role: a.role,
      organisationId: a.organisation_id,
      locale: a.locale,
      timeZone: a.time_zone,
      disabledAt: a.disabled_at,
    }),
  });
}

let instance: ReturnType<typeof createLucia> | null = null;
export function getLucia() {
  instance ??= createLucia();
  return instance;
}

declare module "lucia" {
  interface Register {
    Lucia: ReturnType<typeof createLucia>;
    DatabaseUserAttributes: {
      email: string;
      full_name: string;
      role: Role;
      organisation_id: number | null;
      locale: Locale;
      time_zone: string | null;
      disabled_at: string | null;
    };
  }
}
