/**
 * What the builder page's action does with a posted form (the sections' order and ticks, the title
 * page, the foreword): the move buttons reorder, then Save, a move and Generate all save first.
 */
import { formValues, parseWith, type FieldErrors } from "~/platform/forms/fields";
import { PROCEEDINGS_SECTIONS, type ProceedingsSection } from "../rules";
import { bookSettingsSchema, cleanSections, moveSection, type BookSettingsForm } from "./schema";

export type BuilderIntent =
  | { intent: "save" }
  | { intent: "generate" }
  | { intent: "move"; direction: "up" | "down"; section: ProceedingsSection };

/** "save", "generate" or "move:up:speeches"; null for anything else. */
export function readIntent(value: string | undefined): BuilderIntent | null {
  if (value === "save" || value === "generate") return { intent: value };
  const move = /^move:(up|down):([a-z]+)$/.exec(value ?? "");
  if (move && (PROCEEDINGS_SECTIONS as readonly string[]).includes(move[2]))
    return { intent: "move", direction: move[1] as "up" | "down", section: move[2] as ProceedingsSection };
  return null;
}

/** Every section in the page's order: the posted order (all of them), missing ones appended in the default order. */
export function fullOrder(posted: readonly unknown[]): ProceedingsSection[] {
  const order = cleanSections(posted);
  return [...order, ...PROCEEDINGS_SECTIONS.filter((s) => !order.includes(s))];
}

export function readBuilderForm(
  formData: FormData,
  intent: BuilderIntent,
):
  | { ok: true; data: BookSettingsForm; order: ProceedingsSection[]; values: Record<string, string> }
  | { ok: false; errors: FieldErrors; order: ProceedingsSection[]; ticked: string[]; values: Record<string, string> } {
  let order = fullOrder(formData.getAll("order"));
  if (intent.intent === "move") order = moveSection(order, intent.section, intent.direction);
  const ticked = new Set(formData.getAll("sections").map(String));
  const values = formValues(formData);
  delete values.order;
  delete values.sections;
  delete values.intent;
  const parsed = parseWith(bookSettingsSchema, { ...values, sections: order.filter((s) => ticked.has(s)) });
  if (!parsed.ok) return { ok: false, errors: parsed.errors, order, ticked: [...ticked], values };
  return { ok: true, data: parsed.data, order, values };
}
