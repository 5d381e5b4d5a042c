import { generateIdFromEntropySize } from "lucia";
import { getDb, nowIso } from "~/platform/db.server";
import type { Locale } from "~/platform/i18n";
import type { Role } from "~/auth/roles";
import { foldForSearch } from "~/lib/text";
import { recordAudit } from "../../platform/audit.server";
import { invalid, notFound, type Actor, type Db, type Result } from "../../platform/types";

export const newUserId = () => generateIdFromEntropySize(10);

export async function createUser(
  db: Db,
  input: {
    email: string;
    fullName: string;
    role: Role;
    organisationId: number | null;
    passwordHash: string | null;
    locale?: Locale;
  },
): Promise<string> {
  const id = newUserId();
  const now = nowIso();
  await db
    .insertInto("users")
    .values({
      id,
      email: input.email,
      full_name: input.fullName,
      role: input.role,
      organisation_id: input.organisationId,
      password_hash: input.passwordHash,
      locale: input.locale ?? "vi",
      time_zone: null,
      disabled_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

export async function getUserProfile(id: string) {
  return getDb()
    .selectFrom("users as u")
    .leftJoin("organisations as o", "o.id", "u.organisation_id")
    .select([
      "u.id",
      "u.email",
      "u.full_name",
      "u.role",
      "u.locale",
      "u.time_zone",
      "u.organisation_id",
      "o.name_vi as organisation_vi",
      "o.name_en as organisation_en",
      "o.time_zone as organisation_time_zone",
    ])
    .where("u.id", "=", id)
    .executeTakeFirst();
}

export const USER_PAGE_SIZE = 50;

export async function listUsers({ q, role, page = 1 }: { q?: string | null; role?: Role | null; page?: number }) {
  const db = getDb();
  let query = db.selectFrom("users as u").leftJoin("organisations as o", "o.id", "u.organisation_id");
  if (role) query = query.where("u.role", "=", role);
  const needle = q ? foldForSearch(q) : "";
  const rows = await query
    .select([
      "u.id",
      "u.email",
      "u.full_name",
      "u.role",
      "u.disabled_at",
      "u.created_at",
      (eb) => eb.case().when("u.password_hash", "is", null).then(1).else(0).end().as("pending"),
      "o.name_vi as organisation_vi",
      "o.name_en as organisation_en",
      "o.kind as organisation_kind",
      "u.heads_organisation",
    ])
    .orderBy("u.role")
    .orderBy("u.full_name")
    .execute();
  // Folded in JS (SQLite cannot strip Vietnamese diacritics); accounts stay in the hundreds.
  const filtered = needle
    ? rows.filter((r) => `${foldForSearch(r.full_name)} ${foldForSearch(r.email)}`.includes(needle))
    : rows;
  const start = (Math.max(1, page) - 1) * USER_PAGE_SIZE;
  return { rows: filtered.slice(start, start + USER_PAGE_SIZE), total: filtered.length, pageSize: USER_PAGE_SIZE };
}

export async function updateProfile(
  userId: string,
  input: { fullName: string; locale: Locale; timeZone: string | null },
  ip: string | null,
) {
  const db = getDb();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable("users")
      .set({ full_name: input.fullName, locale: input.locale, time_zone: input.timeZone, updated_at: nowIso() })
      .where("id", "=", userId)
      .execute();
    await recordAudit(trx, { actorId: userId, action: "user.update_profile", entity: "user", entityId: userId, ip });
  });
}

export async function setLocale(userId: string, locale: Locale) {
  await getDb().updateTable("users").set({ locale, updated_at: nowIso() }).where("id", "=", userId).execute();
}

/** Disables or re-enables an account; disabling ends all its sessions at once. Nobody changes their own. */
export async function setUserDisabled(
  targetId: string,
  disabled: boolean,
  actor: Actor,
): Promise<Result<{ email: string }>> {
  if (targetId === actor.id) return invalid("people.cannotDisableSelf");
  const db = getDb();
  return db.transaction().execute(async (trx): Promise<Result<{ email: string }>> => {
    const target = await trx.selectFrom("users").select(["id", "email"]).where("id", "=", targetId).executeTakeFirst();
    if (!target) return notFound();
    await trx
      .updateTable("users")
      .set({ disabled_at: disabled ? nowIso() : null, updated_at: nowIso() })
      .where("id", "=", targetId)
      .execute();
    if (disabled) {
      await trx.deleteFrom("auth_sessions").where("user_id", "=", targetId).execute();
      // Its one-time links go too: a disabled account is not reopened by a link in an old e-mail.
      await trx
        .updateTable("invitations")
        .set({ revoked_at: nowIso() })
        .where("email", "=", target.email)
        .where("used_at", "is", null)
        .where("revoked_at", "is", null)
        .execute();
    }
    await recordAudit(trx, {
      actorId: actor.id,
      action: disabled ? "user.disable" : "user.enable",
      entity: "user",
      entityId: targetId,
      detail: { email: target.email },
      ip: actor.ip,
    });
    return { ok: true, email: target.email };
  });
}

/**
 * Makes an account the head of its organisation (the ambassador or consul
 * general who answers the mission's meeting requests), replacing any previous
 * head in one transaction; or takes the role away.
 */
export async function setOrganisationHead(
  targetId: string,
  head: boolean,
  actor: Actor,
): Promise<Result<{ email: string }>> {
  return getDb()
    .transaction()
    .execute(async (trx): Promise<Result<{ email: string }>> => {
      const target = await trx
        .selectFrom("users")
        .select(["id", "email", "organisation_id"])
        .where("id", "=", targetId)
        .executeTakeFirst();
      if (!target) return notFound();
      if (target.organisation_id === null) return invalid("people.headNeedsOrganisation");
      if (head)
        await trx
          .updateTable("users")
          .set({ heads_organisation: 0 })
          .where("organisation_id", "=", target.organisation_id)
          .where("heads_organisation", "=", 1)
          .execute();
      await trx
        .updateTable("users")
        .set({ heads_organisation: head ? 1 : 0, updated_at: nowIso() })
        .where("id", "=", targetId)
        .execute();
      await recordAudit(trx, {
        actorId: actor.id,
        action: head ? "user.make_head" : "user.remove_head",
        entity: "user",
        entityId: targetId,
        detail: { email: target.email, organisationId: target.organisation_id },
        ip: actor.ip,
      });
      return { ok: true, email: target.email };
    });
}

/** True when the demo accounts are present (the login page then points to the README's list). */
export async function hasDemoAccounts(): Promise<boolean> {
  const row = await getDb()
    .selectFrom("users")
    .select("id")
    .where("email", "like", "%@ngoaivu.test")
    .limit(1)
    .executeTakeFirst();
  return Boolean(row);
}
