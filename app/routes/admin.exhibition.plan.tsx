import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useMemo, useState } from "react";
import { forbidden, requirePermission, requireUser } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { clientIp } from "~/auth/request.server";
import { pageMeta, useBilingual, useT } from "~/components/i18n";
import { EmptyState, Notice, PageHeader } from "~/components/ui";
import { FloorPlan, PlanLegend } from "~/features/exhibition/components/floor-plan";
import { useHydrated } from "~/features/exhibition/components/floor-plan-zoom";
import { PlanEditor, refusalText } from "~/features/exhibition/components/plan-editor";
import { BoothForm, HallForm, ObstacleForm, type BoothDraft } from "~/features/exhibition/components/plan-editor-forms";
import { BoothTable, ObstacleTable, WarningsPanel } from "~/features/exhibition/components/plan-editor-panels";
import { PLAN_INTENTS, planEditorAction, type PlanActionData } from "~/features/exhibition/plan/editor-action.server";
import { rectArea, type Rect } from "~/features/exhibition/plan/geometry";
import { suggestBoothCode } from "~/features/exhibition/plan/plan-data";
import { loadFloorPlan } from "~/features/exhibition/plan/plan.server";
import { planWarnings } from "~/features/exhibition/plan/warnings";
import { requireConference } from "~/http/conference.server";
import { requestMessages } from "~/http/i18n.server";
import { idOf, statusOf } from "~/http/refusal.server";
import { parseIntent } from "~/http/intent.server";
import { formValues } from "~/platform/forms/parse";
import { z } from "zod";
import { getDb } from "~/platform/db.server";
import type { Zone } from "~/features/exhibition/rules";

export const meta: MetaFunction = (args) => pageMeta(args, "exhibition.plan.editor.title");

/** Organisers edit; the secretariat sees the same page read-only. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (!can(user.role, "read:exhibition:any")) forbidden();
  const canEdit = can(user.role, "update:exhibition");
  const conference = await requireConference();
  const db = getDb();
  const url = new URL(request.url);
  const plan = await loadFloorPlan(db, conference.id);
  const hall = plan.halls.find((h) => h.id === idOf(url.searchParams.get("hall"))) ?? plan.halls[0] ?? null;
  const booths = hall ? plan.booths.filter((b) => b.hall_id === hall.id) : [];
  const obstacles = hall ? plan.obstacles.filter((o) => o.hall_id === hall.id) : [];
  const meta = hall
    ? await db.selectFrom("booths").select(["id", "held", "note"]).where("hall_id", "=", hall.id).execute()
    : [];
  const editBooth = idOf(url.searchParams.get("booth"));
  const editObstacle = idOf(url.searchParams.get("obstacle"));
  return json({
    messages: await requestMessages(request, "exhibition"),
    canEdit,
    print: url.searchParams.get("print") === "1",
    plan,
    hall,
    booths,
    obstacles,
    meta: Object.fromEntries(meta.map((m) => [m.id, { held: m.held === 1, note: m.note }])),
    warnings: hall ? planWarnings(hall, booths, obstacles) : [],
    editBoothId: canEdit && booths.some((b) => b.id === editBooth) ? editBooth : null,
    editObstacleId: canEdit && obstacles.some((o) => o.id === editObstacle) ? editObstacle : null,
    hallForm: canEdit
      ? url.searchParams.get("newHall") === "1" || !hall
        ? "new"
        : url.searchParams.get("editHall") === "1"
          ? "edit"
          : null
      : null,
    suggestedCode: hall
      ? suggestBoothCode(
          hall.code,
          plan.booths.map((b) => b.code),
        )
      : "",
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "update:exhibition");
  const conference = await requireConference();
  const values = formValues(await request.formData());
  // The intents, built here in the action (a *.server module is empty in the browser).
  const { intent } = parseIntent(z.object({ intent: z.enum(PLAN_INTENTS) }).passthrough(), values);
  const { data, kind } = await planEditorAction(getDb(), conference.id, intent, values, {
    id: user.id,
    ip: clientIp(context),
  });
  return json(data, { status: kind ? statusOf(kind) : 200 });
}

const PRINT_CSS = `@media print {
  @page { size: A4 landscape; margin: 10mm; }
  header, nav, footer, .no-print, #plan-done { display: none !important; }
  main { max-width: none !important; padding: 0 !important; }
  .plan-grid { display: block !important; }
  .plan-print svg { max-height: 165mm !important; width: 100% !important; }
  .plan-print figure { break-inside: avoid; }
}`;

/** The zone of the booth nearest the drawn one (centre to centre), if the hall has any. */
function nearestZone(booths: readonly (Rect & { zone: Zone })[], rect: Rect): Zone | undefined {
  const centre = (r: Rect) => [r.x + r.w / 2, r.y + r.h / 2] as const;
  const [cx, cy] = centre(rect);
  let best: { zone: Zone; d: number } | undefined;
  for (const b of booths) {
    const [bx, by] = centre(b);
    const d = Math.hypot(bx - cx, by - cy);
    if (!best || d < best.d) best = { zone: b.zone, d };
  }
  return best?.zone;
}

export default function PlanEditorPage() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as PlanActionData | undefined;
  const t = useT();
  const bi = useBilingual();
  const { hall, plan, canEdit } = data;
  const [drawn, setDrawn] = useState<BoothDraft | null>(null);
  const [openBoothId, setOpenBoothId] = useState<number | null>(data.editBoothId);
  const [warning, setWarning] = useState<number | null>(null);
  const [drawing, setDrawing] = useState(true);
  // The Print button and the drag tools need JavaScript; the print version's link does not.
  const hydrated = useHydrated();
  useEffect(() => setOpenBoothId(data.editBoothId), [data.editBoothId]);
  // A saved booth form starts afresh.
  useEffect(() => {
    if (actionData?.done && actionData.intent === "saveBooth") setDrawn(null);
  }, [actionData]);

  const warned = useMemo(() => {
    const list = warning === null ? data.warnings : [data.warnings[warning]!].filter(Boolean);
    return {
      booths: new Set(list.flatMap((w) => w.boothIds)),
      obstacles: new Set(list.flatMap((w) => (w.obstacleId ? [w.obstacleId] : []))),
    };
  }, [data.warnings, warning]);

  const title = t("exhibition.plan.editor.title");
  const planLabel = t("exhibition.plan.label");
  const base = hall ? `?hall=${hall.id}` : "?";

  if (data.print && hall)
    return (
      <div className="plan-print space-y-2">
        <style>{PRINT_CSS}</style>
        <h1 className="text-lg">
          {t("exhibition.title")} — {bi(hall.name_vi, hall.name_en)}
        </h1>
        <FloorPlan plan={plan} label={planLabel} hallId={hall.id} />
        <PlanLegend obstacles />
        <p className="no-print flex gap-2">
          {hydrated ? (
            <button type="button" className="btn-primary" onClick={() => window.print()}>
              {t("exhibition.plan.print")}
            </button>
          ) : null}
          <Link to={base} className="btn-secondary">
            {t("exhibition.plan.backToEditor")}
          </Link>
        </p>
      </div>
    );

  const openBooth = data.booths.find((b) => b.id === openBoothId) ?? null;
  const feedback = actionData && !actionData.done ? actionData : null;
  const boothForm = hall && canEdit && (
    <section id="booth-form" aria-labelledby="booth-form-heading" className="card space-y-3">
      <h2 id="booth-form-heading" className="text-base">
        {openBooth ? t("exhibition.plan.editBoothNamed", { code: openBooth.code }) : t("exhibition.plan.newBooth")}
      </h2>
      <BoothForm
        key={`${openBooth?.id ?? "new"}-${data.suggestedCode}-${drawn ? `${drawn.x},${drawn.y},${drawn.w},${drawn.h}` : ""}-${actionData?.done ? actionData.at : ""}`}
        hall={hall}
        halls={plan.halls}
        booth={openBooth ? { ...openBooth, ...(data.meta[openBooth.id] ?? { held: false, note: "" }) } : null}
        draft={drawn ?? { code: data.suggestedCode, x: 0, y: 0, w: 3, h: 3 }}
        feedback={feedback}
        cancelHref={base}
        onCancel={() => (setDrawn(null), setOpenBoothId(null))}
      />
      {openBooth ? (
        <p className="text-xs text-slate-600">{t("exhibition.plan.areaNow", { area: rectArea(openBooth) })}</p>
      ) : null}
    </section>
  );

  return (
    <div className="space-y-6">
      <style>{PRINT_CSS}</style>
      <PageHeader
        title={title}
        action={
          <div className="no-print flex flex-wrap gap-2">
            {canEdit ? (
              <Link to="/admin/exhibition/plan/import" className="btn-secondary">
                {t("exhibition.plan.importCsv")}
              </Link>
            ) : null}
            {hall ? (
              <>
                {hydrated ? (
                  <button
                    type="button"
                    className="btn-secondary"
                    onClick={() => window.print()}
                    data-testid="print-plan"
                  >
                    {t("exhibition.plan.print")}
                  </button>
                ) : null}
                <Link to={`${base}&print=1`} className="btn-secondary">
                  {t("exhibition.plan.printView")}
                </Link>
              </>
            ) : null}
          </div>
        }
      >
        {canEdit ? t("exhibition.plan.editor.intro") : t("exhibition.plan.editor.readOnly")}
      </PageHeader>

      {actionData?.done ? (
        <Notice tone="success" id="plan-done">
          {t(actionData.done.key, actionData.done.params)}
        </Notice>
      ) : feedback?.errors[""] && !["saveBooth", "saveHall", "saveObstacle"].includes(feedback.intent) ? (
        <Notice tone="error">{refusalText(t, feedback.errors[""], feedback.params)}</Notice>
      ) : null}

      <nav
        aria-label={t("exhibition.plan.halls")}
        className="no-print flex flex-wrap gap-2 border-b border-slate-200 pb-2"
      >
        {plan.halls.map((h) => (
          <Link
            key={h.id}
            to={`?hall=${h.id}`}
            aria-current={h.id === hall?.id ? "page" : undefined}
            className={`rounded-t px-3 py-2 text-sm ${h.id === hall?.id ? "bg-navy-700 font-semibold text-white" : "bg-slate-100 text-slate-800"}`}
          >
            {h.code} · {bi(h.name_vi, h.name_en)}
          </Link>
        ))}
        {canEdit ? (
          <Link to={`${base}&newHall=1#hall-form`} className="btn-link px-3 py-2 text-sm">
            {t("exhibition.plan.addHall")}
          </Link>
        ) : null}
      </nav>

      {!hall ? <EmptyState title={t("exhibition.plan.noHalls")}>{t("exhibition.plan.noHallsHint")}</EmptyState> : null}

      {hall ? (
        <div className="plan-grid grid gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
          <div className="plan-print min-w-0 space-y-3">
            {canEdit && hydrated ? (
              <fieldset className="no-print flex flex-wrap items-center gap-4 text-sm">
                <legend className="sr-only">{t("exhibition.plan.tool")}</legend>
                <label className="flex min-h-11 items-center gap-2">
                  <input type="radio" name="tool" checked={drawing} onChange={() => setDrawing(true)} />
                  {t("exhibition.plan.toolDraw")}
                </label>
                <label className="flex min-h-11 items-center gap-2">
                  <input type="radio" name="tool" checked={!drawing} onChange={() => setDrawing(false)} />
                  {t("exhibition.plan.toolPan")}
                </label>
              </fieldset>
            ) : null}
            <PlanEditor
              plan={plan}
              hall={hall}
              label={planLabel}
              canEdit={canEdit}
              drawing={drawing}
              highlighted={warned.booths}
              highlightedObstacles={warned.obstacles}
              onDraw={(rect) => {
                setOpenBoothId(null);
                setDrawn({ ...rect, code: data.suggestedCode, zone: nearestZone(data.booths, rect) });
                requestAnimationFrame(() =>
                  document.querySelector<HTMLInputElement>("#booth-form input[name=code]")?.focus(),
                );
              }}
              onOpenBooth={(b) => {
                setDrawn(null);
                setOpenBoothId(b.id);
                requestAnimationFrame(() =>
                  document.querySelector<HTMLInputElement>("#booth-form input[name=code]")?.focus(),
                );
              }}
            />
            <PlanLegend obstacles />
            {canEdit ? <p className="no-print text-xs text-slate-600">{t("exhibition.plan.howTo")}</p> : null}
          </div>
          <div className="no-print space-y-4">
            {boothForm}
            <WarningsPanel warnings={data.warnings} selected={warning} onSelect={setWarning} />
          </div>
        </div>
      ) : null}

      {hall ? (
        <section aria-labelledby="booths-heading" className="no-print space-y-2">
          <h2 id="booths-heading">{t("exhibition.plan.boothsOf", { hall: hall.code, count: data.booths.length })}</h2>
          <BoothTable hall={hall} booths={data.booths} meta={data.meta} canEdit={canEdit} />
        </section>
      ) : null}

      {hall ? (
        <section aria-labelledby="obstacles-heading" className="no-print space-y-3">
          <h2 id="obstacles-heading">{t("exhibition.plan.obstacles")}</h2>
          <ObstacleTable hall={hall} obstacles={data.obstacles} canEdit={canEdit} />
          {canEdit ? (
            <div id="obstacle-form" className="card">
              <h3 className="mb-3 text-base">
                {data.editObstacleId ? t("exhibition.plan.editObstacle") : t("exhibition.plan.addObstacle")}
              </h3>
              <ObstacleForm
                key={`${data.editObstacleId ?? "new"}-${actionData?.done ? actionData.at : ""}`}
                hall={hall}
                obstacle={data.obstacles.find((o) => o.id === data.editObstacleId) ?? null}
                feedback={feedback}
                cancelHref={base}
              />
            </div>
          ) : null}
        </section>
      ) : null}

      {canEdit ? (
        <section id="hall-form" aria-labelledby="hall-form-heading" className="no-print card space-y-3">
          <h2 id="hall-form-heading" className="text-base">
            {data.hallForm === "new" ? t("exhibition.plan.addHall") : t("exhibition.plan.hallSettings")}
          </h2>
          {data.hallForm ? (
            <HallForm
              key={`${data.hallForm}-${hall?.id ?? ""}-${actionData?.done ? actionData.at : ""}`}
              hall={data.hallForm === "edit" ? hall : null}
              feedback={feedback}
              cancelHref={base}
            />
          ) : hall ? (
            <div className="flex flex-wrap items-center gap-3 text-sm">
              <span>
                {t("exhibition.plan.hallSummary", {
                  width: hall.width_m,
                  depth: hall.depth_m,
                  grid: hall.grid_m,
                  aisle: hall.min_aisle_m,
                })}
              </span>
              <Link to={`${base}&editHall=1#hall-form`} className="btn-link">
                {t("exhibition.plan.editHall")}
              </Link>
              <Form method="post">
                <input type="hidden" name="id" value={hall.id} />
                <button type="submit" name="intent" value="deleteHall" className="btn-link text-accent-700">
                  {t("exhibition.plan.deleteHall")}
                </button>
              </Form>
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
