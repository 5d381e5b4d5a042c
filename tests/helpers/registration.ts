import { getDb } from "~/platform/db.server";
import * as invite from "~/routes/invite.$token";
import * as register from "~/routes/register";
import { organisationId } from "./factories";
import { call, cookieFrom } from "./remix";

/** The one-time link in the newest message to an address (as the person would find it in their mailbox). */
export async function linkMailedTo(email: string, kind = "registration.confirm"): Promise<string | null> {
  const mail = await getDb()
    .selectFrom("outbox")
    .select("body_text")
    .where("to_email", "=", email)
    .where("kind", "=", kind)
    .orderBy("id", "desc")
    .executeTakeFirst();
  const match = mail?.body_text.match(/\/invite\/([A-Za-z0-9_-]{20,})/);
  return match ? match[1] : null;
}

export const PASSWORD = "Điện Biên Phủ 1954 ok";

/** The public form as a visitor fills it in (a Điện Biên delegate, a fresh e-mail); override what the test is about. */
export async function registrationForm(overrides: Record<string, string> = {}): Promise<Record<string, string>> {
  return {
    honorific: "ms",
    fullName: "Lò Thị Xuân",
    position: "Phó Giám đốc Sở Ngoại vụ",
    organisationId: String(await organisationId("prov-dien-bien")),
    email: `xuan.${Math.random().toString(36).slice(2, 8)}@dienbien.gov.vn`,
    phone: "0215 3825 123",
    mode: "in_person",
    interpretation: "none",
    dietary: "Ăn chay",
    consentToList: "on",
    ...overrides,
  };
}

/**
 * The public form, then the e-mailed link with a password, as a visitor does: returns the
 * confirmation's response (a redirect carrying the session cookie) and that cookie.
 */
let address = 0;
export async function registerAndConfirm(form: Record<string, string>) {
  // Each visitor from an address of their own, as the per-address limit expects of a test.
  address += 1;
  const sent = await call(register.action, {
    path: "/register",
    form,
    ip: `10.30.${Math.floor(address / 250)}.${address % 250}`,
  });
  if (sent.status !== 302) throw new Error(`the form answered ${sent.status}`);
  const token = await linkMailedTo(form.email.toLowerCase());
  if (!token) throw new Error(`no confirmation link was mailed to ${form.email}`);
  const confirmed = await call(invite.action, {
    path: `/invite/${token}`,
    params: { token },
    form: { password: PASSWORD, confirm: PASSWORD },
  });
  return { response: confirmed, cookie: cookieFrom(confirmed)!, token };
}
