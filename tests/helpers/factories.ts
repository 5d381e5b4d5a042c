import { getDb } from "~/platform/db.server";
import type { RegistrationInput } from "~/features/registration/schema";
import { getCurrentConference } from "~/features/people/conference.server";
import { registerDelegate } from "~/features/registration/registrations.server";

/** The seeded demo conference, with its in-person capacity set for the test. */
export async function demoConference(capacity?: number) {
  const conference = (await getCurrentConference())!;
  if (capacity !== undefined) {
    await getDb()
      .updateTable("conferences")
      .set({ in_person_capacity: capacity })
      .where("id", "=", conference.id)
      .execute();
    conference.in_person_capacity = capacity;
  }
  return conference;
}

export async function organisationId(code: string): Promise<number> {
  return (await getDb().selectFrom("organisations").select("id").where("code", "=", code).executeTakeFirstOrThrow()).id;
}

let counter = 0;
/** A valid registration, Vietnamese names and all; override what the test is about. */
export function registrationInput(
  overrides: Partial<RegistrationInput> & { organisationId: number },
): RegistrationInput {
  counter += 1;
  return {
    honorific: "mr",
    fullName: `Nguyễn Văn Đại Biểu ${counter}`,
    position: "Giám đốc Sở Ngoại vụ",
    email: `dai-bieu-${counter}-${Math.random().toString(36).slice(2, 8)}@tinh.gov.vn`,
    phone: "+84 24 3799 3000",
    mode: "in_person",
    interpretation: "none",
    dietary: "",
    consentToList: true,
    ...overrides,
  };
}

/** Registers a visitor through the same model the public form uses. */
export async function registerVisitor(overrides: Partial<RegistrationInput> & { organisationId: number }) {
  const conference = (await getCurrentConference())!;
  const result = await registerDelegate(registrationInput(overrides), { conference, user: null, ip: "127.0.0.1" });
  if (!result.ok) throw new Error(`registration failed: ${JSON.stringify(result.refusal)}`);
  return result;
}

export async function statusOf(id: number) {
  return (
    await getDb()
      .selectFrom("registrations")
      .select(["status", "mode", "waitlisted_at"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow()
  ).status;
}

/** Clears registrations and quotas and restores 500 places, so that each test starts with every place free. */
export async function resetRegistrations() {
  const db = getDb();
  await db.updateTable("conferences").set({ in_person_capacity: 500 }).execute();
  await db.deleteFrom("outbox").execute();
  await db.deleteFrom("registration_requests").execute();
  await db.deleteFrom("registrations").execute();
  await db.deleteFrom("kind_quotas").execute();
  await db.deleteFrom("organisation_quotas").execute();
}
