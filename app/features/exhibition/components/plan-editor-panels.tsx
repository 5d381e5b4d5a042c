import { Form, Link } from "@remix-run/react";
import { DataTable } from "~/components/data-table";
import { useT } from "~/components/i18n";
import { Badge, EmptyState } from "~/components/ui";
import type { PlanBooth, PlanHall, PlanObstacle } from "../plan/plan-data";
import type { PlanWarning } from "../plan/warnings";
import { formatArea } from "./floor-plan";
import { DeleteBoothButton } from "./plan-editor-forms";

/**
 * The hall's warnings in words (narrow aisles, blocked exits). With JavaScript a warning is a
 * button that highlights its booths on the plan; without, every warned booth is highlighted.
 */
export function WarningsPanel({
  warnings,
  selected,
  onSelect,
}: {
  warnings: PlanWarning[];
  selected: number | null;
  onSelect: (index: number | null) => void;
}) {
  const t = useT();
  return (
    <section aria-labelledby="warnings-heading" className="card space-y-2" data-testid="plan-warnings">
      <h2 id="warnings-heading" className="text-base">
        {t("exhibition.plan.warnings", { count: warnings.length })}
      </h2>
      {warnings.length === 0 ? (
        <p className="text-sm text-slate-700">{t("exhibition.plan.noWarnings")}</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {warnings.map((w, i) => (
            <li key={i}>
              <button
                type="button"
                className={`w-full rounded px-2 py-1 text-left hover:bg-amber-50 ${selected === i ? "bg-amber-100 font-semibold" : ""}`}
                aria-pressed={selected === i}
                onClick={() => onSelect(selected === i ? null : i)}
              >
                <span aria-hidden="true">⚠ </span>
                {t(w.key, { ...w.params, kind: w.params.kind ? t(`exhibition.obstacle.${w.params.kind}`) : "" })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Every booth of the hall with its fields: the editor without JavaScript (edit, hold, delete). */
export function BoothTable({
  hall,
  booths,
  meta,
  canEdit,
}: {
  hall: PlanHall;
  booths: PlanBooth[];
  meta: Record<number, { held: boolean; note: string }>;
  canEdit: boolean;
}) {
  const t = useT();
  return (
    <DataTable
      testId="booth-table"
      rows={booths}
      rowKey={(b) => b.id}
      rowProps={(b) => ({ "data-booth-row": b.code })}
      empty={<EmptyState title={t("exhibition.plan.noBooths")}>{t("exhibition.plan.noBoothsHint")}</EmptyState>}
      columns={[
        { key: "code", header: t("exhibition.plan.field.code"), rowHeader: true, cell: (b) => b.code },
        { key: "zone", header: t("exhibition.plan.field.zone"), cell: (b) => t(`exhibition.zone.${b.zone}`) },
        { key: "type", header: t("exhibition.plan.field.type"), cell: (b) => t(`exhibition.boothType.${b.type}`) },
        {
          key: "place",
          header: t("exhibition.plan.place"),
          cell: (b) => t("exhibition.plan.placeValue", { x: b.x, y: b.y, w: b.w, h: b.h }),
        },
        {
          key: "area",
          header: t("exhibition.plan.field.area"),
          cell: (b) => t("exhibition.area", { area: formatArea(b.area) }),
        },
        {
          key: "services",
          header: t("exhibition.plan.services"),
          cell: (b) =>
            [b.power ? t("exhibition.power") : "", b.water ? t("exhibition.water") : ""].filter(Boolean).join(", ") ||
            "—",
        },
        {
          key: "state",
          header: t("exhibition.plan.state"),
          cell: (b) => (
            <>
              <Badge tone={b.state === "free" ? "green" : b.state === "held" ? "grey" : "navy"}>
                {t(`exhibition.boothState.${b.state}`)}
              </Badge>
              {b.exhibitor ? <span className="block text-xs text-slate-600">{b.exhibitor.name_vi}</span> : null}
            </>
          ),
        },
        canEdit && {
          key: "actions",
          header: t("common.actions"),
          hideHeader: true,
          cell: (b) => (
            <div className="flex flex-wrap items-center gap-3">
              <Link
                to={`?hall=${hall.id}&booth=${b.id}#booth-form`}
                className="btn-link"
                aria-label={t("exhibition.plan.editBoothNamed", { code: b.code })}
              >
                {t("exhibition.plan.edit")}
              </Link>
              {b.state === "free" || b.state === "held" ? (
                <Form method="post">
                  <input type="hidden" name="id" value={b.id} />
                  <input type="hidden" name="held" value={meta[b.id]?.held ? "0" : "1"} />
                  <button type="submit" name="intent" value="holdBooth" className="btn-link">
                    {meta[b.id]?.held ? t("exhibition.plan.release") : t("exhibition.plan.hold")}
                  </button>
                </Form>
              ) : null}
              <DeleteBoothButton booth={b} />
            </div>
          ),
        },
      ]}
    />
  );
}

export function ObstacleTable({
  hall,
  obstacles,
  canEdit,
}: {
  hall: PlanHall;
  obstacles: PlanObstacle[];
  canEdit: boolean;
}) {
  const t = useT();
  return (
    <DataTable
      testId="obstacle-table"
      rows={obstacles}
      rowKey={(o) => o.id}
      empty={<p className="text-sm text-slate-700">{t("exhibition.plan.noObstacles")}</p>}
      columns={[
        {
          key: "kind",
          header: t("exhibition.plan.field.kind"),
          rowHeader: true,
          cell: (o) => t(`exhibition.obstacle.${o.kind}`),
        },
        { key: "label", header: t("exhibition.plan.field.label"), cell: (o) => o.label || "—" },
        {
          key: "place",
          header: t("exhibition.plan.place"),
          cell: (o) => t("exhibition.plan.placeValue", { x: o.x, y: o.y, w: o.w, h: o.h }),
        },
        canEdit && {
          key: "actions",
          header: t("common.actions"),
          hideHeader: true,
          cell: (o) => (
            <div className="flex flex-wrap gap-3">
              <Link to={`?hall=${hall.id}&obstacle=${o.id}#obstacle-form`} className="btn-link">
                {t("exhibition.plan.edit")}
              </Link>
              <Form method="post">
                <input type="hidden" name="id" value={o.id} />
                <button type="submit" name="intent" value="deleteObstacle" className="btn-link text-accent-700">
                  {t("exhibition.plan.delete")}
                </button>
              </Form>
            </div>
          ),
        },
      ]}
    />
  );
}
