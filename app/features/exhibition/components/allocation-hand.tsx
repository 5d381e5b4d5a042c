import { useMemo } from "react";
import { SelectField, TextField, useZodForm, ZodForm, type ActionFeedback } from "~/components/form";
import { useBilingual, useT } from "~/components/i18n";
import { SubmitButton } from "~/components/submit-button";
import { handAllocationSchema } from "../allocation/schema";
import type { FloorPlanData, PlanBooth } from "../plan/plan-data";
import { adjacencyMap } from "../plan/geometry";
import { FloorPlan, formatArea, PlanLegend } from "./floor-plan";

export interface WaitingExhibitor {
  id: number;
  name_vi: string;
  name_en: string;
  booths_needed: number;
  min_area: number;
}

/**
 * Allocation by hand: an approved exhibitor from the list, then its booth(s) clicked on the plan
 * (filling the code fields) or typed; the form posts without JavaScript and the server checks all.
 */
export function HandAllocation({
  plan,
  waiting,
  feedback,
  canEdit,
}: {
  plan: FloorPlanData;
  waiting: WaitingExhibitor[];
  feedback: ActionFeedback | null;
  canEdit: boolean;
}) {
  const t = useT();
  const bi = useBilingual();
  const state = useZodForm(handAllocationSchema, {
    defaultValues: { exhibitorId: "", booth1: "", booth2: "" },
    feedback,
  });
  const [exhibitorId, booth1, booth2] = state.form.watch(["exhibitorId", "booth1", "booth2"]);
  const exhibitor = waiting.find((w) => String(w.id) === exhibitorId);
  const needs = exhibitor?.booths_needed ?? 1;
  const byCode = useMemo(() => new Map(plan.booths.map((b) => [b.code.toUpperCase(), b.id])), [plan]);
  const adjacency = useMemo(() => adjacencyMap(plan.booths), [plan]);
  const [first, second] = [booth1, booth2].map((c) => byCode.get((c ?? "").trim().toUpperCase()));
  const selected = new Set([first, second].filter((id): id is number => !!id));
  // Said at once (the server checks it again): two booths must share a side.
  const apart = first && second && !(adjacency.get(first) ?? []).includes(second);
  const fits = (b: PlanBooth) =>
    b.state === "free" &&
    (needs === 1 || !first || second || b.id === first || (adjacency.get(first) ?? []).includes(b.id));
  const set = (name: "booth1" | "booth2", value: string) =>
    state.form.setValue(name, value, { shouldDirty: true, shouldValidate: state.form.formState.isSubmitted });
  const pick = (booth: PlanBooth) => {
    if (booth.state !== "free") return;
    const code = booth.code;
    if (booth1?.toUpperCase() === code) return (set("booth1", booth2 ?? ""), set("booth2", ""));
    if (booth2?.toUpperCase() === code) return set("booth2", "");
    if (needs === 2 && booth1 && !booth2) return set("booth2", code);
    set("booth1", code);
    if (needs === 1) set("booth2", "");
  };
  return (
    <div className="grid gap-4 lg:grid-cols-[20rem_1fr]">
      {canEdit ? (
        <div>
          <p className="mb-3 text-sm text-slate-600">{t("exhibition.allocation.hand.intro")}</p>
          {waiting.length === 0 ? (
            <p className="text-sm text-slate-700">{t("exhibition.allocation.hand.none")}</p>
          ) : (
            <ZodForm state={state}>
              <input type="hidden" name="intent" value="allocate" />
              <SelectField
                state={state}
                name="exhibitorId"
                label={t("exhibition.allocation.hand.exhibitor")}
                required
                options={[
                  { value: "", label: t("exhibition.allocation.hand.pick") },
                  ...waiting.map((w) => ({
                    value: String(w.id),
                    label: t("exhibition.allocation.hand.option", {
                      name: bi(w.name_vi, w.name_en),
                      count: w.booths_needed,
                      area: formatArea(w.min_area),
                    }),
                  })),
                ]}
              />
              <TextField
                state={state}
                name="booth1"
                label={t("exhibition.allocation.hand.booth1")}
                hint={t("exhibition.allocation.hand.clickHint")}
                required
              />
              <TextField state={state} name="booth2" label={t("exhibition.allocation.hand.booth2")} />
              {apart ? (
                <p role="status" className="text-sm text-amber-800">
                  {t("exhibition.allocation.errors.notAdjacent", {
                    a: (booth1 ?? "").toUpperCase(),
                    b: (booth2 ?? "").toUpperCase(),
                  })}
                </p>
              ) : null}
              <SubmitButton busyLabel={t("common.saving")}>{t("exhibition.allocation.hand.submit")}</SubmitButton>
            </ZodForm>
          )}
        </div>
      ) : null}
      <div className={canEdit ? "" : "lg:col-span-2"}>
        <PlanLegend />
        <div className="mt-2">
          <FloorPlan
            plan={plan}
            label={t("exhibition.allocation.plan.label")}
            selected={selected}
            dimmed={canEdit && exhibitor ? (b) => !fits(b) : undefined}
            onBoothActivate={canEdit && waiting.length ? pick : undefined}
          />
        </div>
      </div>
    </div>
  );
}
