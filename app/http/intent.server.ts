import { json } from "@remix-run/node";
import { z } from "zod";

/**
 * A multi-action form's intent, read with the route's discriminated union of intents (one
 * `z.object({ intent: z.literal("…"), … })` per action). An unknown or missing intent, or fields
 * the union does not accept, stops with 400 and the same answer on every route.
 */
export function parseIntent<S extends z.ZodTypeAny>(schema: S, values: Record<string, string>): z.output<S> {
  const parsed = schema.safeParse(values);
  if (!parsed.success) throw unknownIntent(values);
  return parsed.data;
}

/**
 * The intent when the union accepts it, else null: for a route whose permission depends on the
 * intent, which checks it (the page's write permission for an unknown one) before answering
 * unknownIntent, so that someone without it gets the same 403 whatever they send.
 */
export function knownIntent<S extends z.ZodTypeAny>(schema: S, values: Record<string, string>): z.output<S> | null {
  const parsed = schema.safeParse(values);
  return parsed.success ? parsed.data : null;
}

/** The one answer to an intent the route does not know. */
export function unknownIntent(values: Record<string, string> = {}) {
  return json({ intent: values.intent ?? "", errors: { "": "errors.unknownIntent" }, values: {} }, { status: 400 });
}

/** The intent names of a route's union, for `z.discriminatedUnion("intent", …)` over simple intents. */
export const intent = <const T extends string>(name: T) => z.object({ intent: z.literal(name) });
