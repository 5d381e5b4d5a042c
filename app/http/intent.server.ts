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

/**
 * The intent of a form whose intents carry no fields of their own: one of `names`, else the 400.
 * The union is built here, on the server, so that a page whose only forms are buttons (the
 * programme, My agenda) sends no zod to the browser (a route module that imports zod ships it).
 */
export function pickIntent<const T extends readonly [string, ...string[]]>(
  names: T,
  values: Record<string, string>,
): T[number] {
  return parseIntent(z.object({ intent: z.enum(names as unknown as [string, ...string[]]) }), values)
    .intent as T[number];
}
