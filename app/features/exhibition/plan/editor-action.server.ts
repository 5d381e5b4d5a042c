/**
 * The plan editor page's action, once the route has read the intent: each form or gesture parsed
 * with its zod schema and answered with the page's action data (the intent, the form's errors and
 * values, what was done) and the refusal's kind, which the route turns into the HTTP status.
 */
import { parseWith } from "~/platform/forms/fields";
import { nowIso } from "~/platform/db.server";
import type { Actor, Db, Refusal, RefusalKind } from "~/platform/types";
import { deleteBooth, moveBooth, saveBooth, setBoothHeld } from "./booths.server";
import { deleteHall, deleteObstacle, saveHall, saveObstacle } from "./halls.server";
import { boothSchema, hallSchema, moveSchema, obstacleSchema } from "./schema";

export interface PlanActionData {
  intent: string;
  errors: Record<string, string>;
  values: Record<string, string>;
  params?: Record<string, string | number>;
  done?: { key: string; params?: Record<string, string | number> };
  moved?: { id: number; code: string; x: number; y: number; w: number; h: number };
  deleted?: string;
  /** A new id after a save (the page opens it); `at` makes each answer a fresh object. */
  id?: number;
  at: string;
}

export const PLAN_INTENTS = [
  "saveHall",
  "deleteHall",
  "saveObstacle",
  "deleteObstacle",
  "saveBooth",
  "moveBooth",
  "deleteBooth",
  "holdBooth",
] as const;

export type PlanIntent = (typeof PLAN_INTENTS)[number];
export interface PlanActionReply {
  data: PlanActionData;
  /** Why it was refused (null: done), for the HTTP status. */
  kind: RefusalKind | null;
}

function reply(data: Omit<PlanActionData, "at">, kind: RefusalKind | null = null): PlanActionReply {
  return { data: { ...data, at: nowIso() }, kind };
}

function refused(intent: string, refusal: Refusal, values: Record<string, string>) {
  return reply(
    { intent, errors: { [refusal.field ?? ""]: refusal.key }, values, params: refusal.params },
    refusal.kind,
  );
}

/** A row id from the form: a positive integer, or null. */
function idOf(value: string | undefined): number | null {
  return value && /^[1-9]\d{0,15}$/.test(value.trim()) ? Number(value) : null;
}

export async function planEditorAction(
  db: Db,
  conferenceId: number,
  intent: PlanIntent,
  values: Record<string, string>,
  actor: Actor,
): Promise<PlanActionReply> {
  const id = idOf(values.id);
  const missing = () => refused(intent, { kind: "notFound", key: "exhibition.errors.notFound" }, values);

  if (intent === "saveHall" || intent === "saveObstacle" || intent === "saveBooth") {
    const schema = intent === "saveHall" ? hallSchema : intent === "saveObstacle" ? obstacleSchema : boothSchema;
    const parsed = parseWith(schema as typeof boothSchema, values);
    if (!parsed.ok) return reply({ intent, errors: parsed.errors, values }, "invalid");
    if (values.id && id === null) return missing();
    const result =
      intent === "saveHall"
        ? await saveHall(db, conferenceId, id, parsed.data as never, actor)
        : intent === "saveObstacle"
          ? await saveObstacle(db, conferenceId, id, parsed.data as never, actor)
          : await saveBooth(db, conferenceId, id, parsed.data, actor);
    if (!result.ok) return refused(intent, result.refusal, values);
    const name = values.code ?? values.label ?? "";
    return reply({
      intent,
      errors: {},
      values: {},
      id: result.id,
      done: { key: `exhibition.plan.done.${intent}`, params: { code: name } },
    });
  }
  if (intent === "moveBooth") {
    const parsed = parseWith(moveSchema, values);
    if (!parsed.ok) return reply({ intent, errors: parsed.errors, values }, "invalid");
    const { id: boothId, ...rect } = parsed.data;
    const result = await moveBooth(db, conferenceId, boothId, rect, actor);
    if (!result.ok) return refused(intent, result.refusal, values);
    const booth = await db.selectFrom("booths").select("code").where("id", "=", boothId).executeTakeFirstOrThrow();
    return reply({ intent, errors: {}, values: {}, moved: { id: boothId, code: booth.code, ...result.rect } });
  }
  if (id === null) return missing();
  if (intent === "deleteBooth") {
    const booth = await db.selectFrom("booths").select("code").where("id", "=", id).executeTakeFirst();
    const result = await deleteBooth(db, conferenceId, id, actor);
    if (!result.ok) return refused(intent, result.refusal, {});
    return reply({
      intent,
      errors: {},
      values: {},
      deleted: booth?.code ?? "",
      done: { key: "exhibition.plan.boothDeleted", params: { code: booth?.code ?? "" } },
    });
  }
  if (intent === "holdBooth") {
    const result = await setBoothHeld(db, conferenceId, id, values.held === "1", actor);
    if (!result.ok) return refused(intent, result.refusal, {});
    return reply({
      intent,
      errors: {},
      values: {},
      done: { key: values.held === "1" ? "exhibition.plan.done.held" : "exhibition.plan.done.released" },
    });
  }
  const result =
    intent === "deleteHall"
      ? await deleteHall(db, conferenceId, id, actor)
      : await deleteObstacle(db, conferenceId, id, actor);
  if (!result.ok) return refused(intent, result.refusal, {});
  return reply({ intent, errors: {}, values: {}, done: { key: `exhibition.plan.done.${intent}` } });
}
