import { Form, Link } from "@remix-run/react";
import { useId, useMemo } from "react";
import { SelectField, TextField, useZodForm, ZodForm, type ActionFeedback } from "~/components/form";
import { useT } from "~/components/i18n";
import { SubmitButton } from "~/components/submit-button";
import { BOOTH_TYPES, OBSTACLE_KINDS, ZONES, type Zone } from "../rules";
import type { PlanBooth, PlanHall, PlanObstacle } from "../plan/plan-data";
import { boothSchema, hallSchema, obstacleSchema, outlineText } from "../plan/schema";
import { refusalText } from "./plan-editor";

/** The plan page's own feedback (an action's answer): the intent it belongs to and the form's errors. */
export interface PlanFeedback extends ActionFeedback {
  intent: string;
  params?: Record<string, string | number>;
}

/** A checkbox posting "on", kept out of react-hook-form (its value is the box itself). */
function Checkbox({ name, label, defaultChecked }: { name: string; label: string; defaultChecked: boolean }) {
  const id = useId();
  return (
    <label htmlFor={id} className="flex min-h-11 items-center gap-2 text-sm">
      <input id={id} type="checkbox" name={name} defaultChecked={defaultChecked} className="h-5 w-5" />
      {label}
    </label>
  );
}

/**
 * The form's feedback with a refusal's parameters filled in ("overlaps booth {code}"): the field
 * shows the words as they are (a text that is no key translates to itself). Memoised per answer.
 */
function useFilled(feedback: PlanFeedback | null, intent: string): PlanFeedback | null {
  const t = useT();
  return useMemo(() => {
    if (feedback?.intent !== intent) return null;
    if (!feedback.params || !feedback.errors) return feedback;
    const errors = Object.fromEntries(
      Object.entries(feedback.errors).map(([field, key]) => [field, refusalText(t, key, feedback.params)]),
    );
    return { ...feedback, errors };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per answer
  }, [feedback, intent]);
}

const num = (n: number | undefined) => (n === undefined ? "" : String(n));

export interface BoothDraft {
  x: number;
  y: number;
  w: number;
  h: number;
  code: string;
  /** The zone of the nearest booth, for a drawn one (its neighbours' theme). */
  zone?: Zone;
}

/** A booth's form: a new one (drawn with the mouse, or typed) or one of the plan's. */
export function BoothForm({
  hall,
  halls,
  booth,
  draft,
  feedback,
  cancelHref,
  onCancel,
}: {
  hall: PlanHall;
  halls: PlanHall[];
  booth: (PlanBooth & { held: boolean; note: string }) | null;
  draft: BoothDraft;
  feedback: PlanFeedback | null;
  cancelHref: string;
  onCancel?: () => void;
}) {
  const t = useT();
  const source = booth ?? draft;
  const state = useZodForm(boothSchema, {
    defaultValues: {
      hallId: String(booth?.hall_id ?? hall.id),
      code: source.code,
      zone: booth?.zone ?? draft.zone ?? ZONES[0],
      type: booth?.type ?? BOOTH_TYPES[0],
      x: num(source.x),
      y: num(source.y),
      w: num(source.w),
      h: num(source.h),
      area: booth && Math.abs(booth.area - booth.w * booth.h) > 0.01 ? String(booth.area) : "",
      note: booth?.note ?? "",
    },
    feedback: useFilled(feedback, "saveBooth"),
  });
  const values = feedback?.intent === "saveBooth" ? feedback.values : undefined;
  const checked = (name: "power" | "water" | "held") =>
    values ? values[name] === "on" : booth ? Boolean(booth[name]) : false;
  return (
    <ZodForm state={state} className="grid grid-cols-2 gap-3" action={undefined}>
      {booth ? <input type="hidden" name="id" value={booth.id} /> : null}
      <TextField state={state} name="code" label={t("exhibition.plan.field.code")} required className="col-span-2" />
      <SelectField
        state={state}
        name="hallId"
        label={t("exhibition.plan.field.hall")}
        options={halls.map((h) => ({ value: String(h.id), label: h.code }))}
        className="col-span-2"
      />
      <SelectField
        state={state}
        name="zone"
        label={t("exhibition.plan.field.zone")}
        options={ZONES.map((z) => ({ value: z, label: t(`exhibition.zone.${z}`) }))}
        className="col-span-2"
      />
      <SelectField
        state={state}
        name="type"
        label={t("exhibition.plan.field.type")}
        options={BOOTH_TYPES.map((z) => ({ value: z, label: t(`exhibition.boothType.${z}`) }))}
        className="col-span-2"
      />
      <TextField state={state} name="x" label={t("exhibition.plan.field.x")} inputMode="text" required />
      <TextField state={state} name="y" label={t("exhibition.plan.field.y")} inputMode="text" required />
      <TextField state={state} name="w" label={t("exhibition.plan.field.w")} inputMode="text" required />
      <TextField state={state} name="h" label={t("exhibition.plan.field.h")} inputMode="text" required />
      <TextField
        state={state}
        name="area"
        label={t("exhibition.plan.field.area")}
        hint={t("exhibition.plan.field.areaHint")}
        className="col-span-2"
      />
      <div className="col-span-2 flex flex-wrap gap-x-4">
        <Checkbox name="power" label={t("exhibition.power")} defaultChecked={checked("power")} />
        <Checkbox name="water" label={t("exhibition.water")} defaultChecked={checked("water")} />
        <Checkbox name="held" label={t("exhibition.plan.field.held")} defaultChecked={checked("held")} />
      </div>
      <TextField state={state} name="note" label={t("exhibition.plan.field.note")} className="col-span-2" />
      <p className="col-span-2 text-xs text-slate-600">{t("exhibition.plan.gridHint", { grid: hall.grid_m })}</p>
      <div className="col-span-2 flex flex-wrap gap-2">
        <SubmitButton name="intent" value="saveBooth" busyLabel={t("common.saving")}>
          {booth ? t("exhibition.plan.saveBooth") : t("exhibition.plan.addBooth")}
        </SubmitButton>
        {booth || onCancel ? (
          <Link
            to={cancelHref}
            className="btn-secondary"
            onClick={onCancel ? (e) => (e.preventDefault(), onCancel()) : undefined}
          >
            {t("exhibition.plan.cancel")}
          </Link>
        ) : null}
      </div>
    </ZodForm>
  );
}

/** Deletes a booth (a plain form: works without JavaScript; the server refuses an allocated one). */
export function DeleteBoothButton({ booth }: { booth: PlanBooth }) {
  const t = useT();
  return (
    <Form method="post">
      <input type="hidden" name="id" value={booth.id} />
      <button
        type="submit"
        name="intent"
        value="deleteBooth"
        className="btn-link text-accent-700"
        aria-label={t("exhibition.plan.deleteBoothNamed", { code: booth.code })}
      >
        {t("exhibition.plan.delete")}
      </button>
    </Form>
  );
}

export function ObstacleForm({
  hall,
  obstacle,
  feedback,
  cancelHref,
}: {
  hall: PlanHall;
  obstacle: PlanObstacle | null;
  feedback: PlanFeedback | null;
  cancelHref: string;
}) {
  const t = useT();
  const state = useZodForm(obstacleSchema, {
    defaultValues: {
      hallId: String(hall.id),
      kind: obstacle?.kind ?? "column",
      x: num(obstacle?.x),
      y: num(obstacle?.y),
      w: num(obstacle?.w),
      h: num(obstacle?.h),
      label: obstacle?.label ?? "",
    },
    feedback: useFilled(feedback, "saveObstacle"),
  });
  return (
    <ZodForm state={state} className="grid grid-cols-2 gap-3">
      <input type="hidden" name="hallId" value={hall.id} />
      {obstacle ? <input type="hidden" name="id" value={obstacle.id} /> : null}
      <SelectField
        state={state}
        name="kind"
        label={t("exhibition.plan.field.kind")}
        options={OBSTACLE_KINDS.map((k) => ({ value: k, label: t(`exhibition.obstacle.${k}`) }))}
        className="col-span-2"
      />
      <TextField state={state} name="label" label={t("exhibition.plan.field.label")} className="col-span-2" />
      <TextField state={state} name="x" label={t("exhibition.plan.field.x")} required />
      <TextField state={state} name="y" label={t("exhibition.plan.field.y")} required />
      <TextField state={state} name="w" label={t("exhibition.plan.field.w")} required />
      <TextField state={state} name="h" label={t("exhibition.plan.field.h")} required />
      <div className="col-span-2 flex flex-wrap gap-2">
        <SubmitButton name="intent" value="saveObstacle" busyLabel={t("common.saving")}>
          {obstacle ? t("exhibition.plan.saveObstacle") : t("exhibition.plan.addObstacle")}
        </SubmitButton>
        {obstacle ? (
          <Link to={cancelHref} className="btn-secondary">
            {t("exhibition.plan.cancel")}
          </Link>
        ) : null}
      </div>
    </ZodForm>
  );
}

export function HallForm({
  hall,
  feedback,
  cancelHref,
}: {
  hall: PlanHall | null;
  feedback: PlanFeedback | null;
  cancelHref: string;
}) {
  const t = useT();
  const state = useZodForm(hallSchema, {
    defaultValues: {
      code: hall?.code ?? "",
      nameVi: hall?.name_vi ?? "",
      nameEn: hall?.name_en ?? "",
      width: num(hall?.width_m),
      depth: num(hall?.depth_m),
      grid: num(hall?.grid_m ?? 0.5),
      minAisle: num(hall?.min_aisle_m ?? 3),
      outline: outlineText(hall?.outline ?? null),
    },
    feedback: useFilled(feedback, "saveHall"),
  });
  return (
    <ZodForm state={state} className="grid gap-3 sm:grid-cols-2">
      {hall ? <input type="hidden" name="id" value={hall.id} /> : null}
      <TextField state={state} name="code" label={t("exhibition.plan.field.hallCode")} required />
      <TextField state={state} name="nameVi" label={t("exhibition.plan.field.nameVi")} required />
      <TextField state={state} name="nameEn" label={t("exhibition.plan.field.nameEn")} required />
      <TextField state={state} name="width" label={t("exhibition.plan.field.width")} required />
      <TextField state={state} name="depth" label={t("exhibition.plan.field.depth")} required />
      <TextField state={state} name="grid" label={t("exhibition.plan.field.grid")} required />
      <TextField state={state} name="minAisle" label={t("exhibition.plan.field.minAisle")} required />
      <TextField
        state={state}
        name="outline"
        label={t("exhibition.plan.field.outline")}
        hint={t("exhibition.plan.field.outlineHint")}
        className="sm:col-span-2"
      />
      <div className="flex flex-wrap gap-2 sm:col-span-2">
        <SubmitButton name="intent" value="saveHall" busyLabel={t("common.saving")}>
          {hall ? t("exhibition.plan.saveHall") : t("exhibition.plan.addHall")}
        </SubmitButton>
        <Link to={cancelHref} className="btn-secondary">
          {t("exhibition.plan.cancel")}
        </Link>
      </div>
    </ZodForm>
  );
}
