import { Form, Link } from "@remix-run/react";
import { useState } from "react";
import { BarList } from "~/components/charts";
import { useT } from "~/components/i18n";
import { SubmitButton } from "~/components/submit-button";
import { Badge } from "~/components/ui";
import type { ExplanationRow } from "../allocation/explain";
import type { PreviewView } from "../allocation/preview-view.server";
import { FloorPlan, PlanLegend } from "./floor-plan";

type Filter = "all" | "unplaced" | "notFirst";

/** The automatic allocation's preview: scores, the spread of wishes, the plan as it would be, every explanation, and the commit. */
export function AllocationPreview({ preview, canEdit }: { preview: PreviewView; canEdit: boolean }) {
  const t = useT();
  const [filter, setFilter] = useState<Filter>("all");
  const s = preview.spread;
  const counts = {
    all: preview.rows.length,
    unplaced: preview.rows.filter((r) => !r.placed).length,
    notFirst: preview.rows.filter((r) => !r.firstZone).length,
  };
  const rows = preview.rows.filter((r) =>
    filter === "unplaced" ? !r.placed : filter === "notFirst" ? !r.firstZone : true,
  );
  return (
    <section aria-labelledby="preview-title" className="card space-y-4 border-2 border-amber-300">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id="preview-title">{t("exhibition.allocation.auto.previewTitle")}</h2>
          <p className="text-sm text-slate-700" data-testid="preview-summary">
            {t("exhibition.allocation.auto.placed", { placed: preview.placed, total: preview.total })} ·{" "}
            {preview.optimal
              ? t("exhibition.allocation.auto.optimal")
              : t("exhibition.allocation.auto.bestFound", { bound: preview.bound ?? "—" })}
          </p>
          <dl className="mt-1 flex flex-wrap gap-x-4 text-sm text-slate-600">
            <div>
              <dt className="inline">{t("exhibition.allocation.auto.placementScore")}: </dt>
              <dd className="inline font-semibold tabular-nums">{preview.placementScore}</dd>
            </div>
            <div>
              <dt className="inline">{t("exhibition.allocation.auto.neighbourhoodScore")}: </dt>
              <dd className="inline font-semibold tabular-nums">{preview.neighbourhoodScore}</dd>
            </div>
            <div>{t("exhibition.allocation.auto.time", { ms: preview.ms })}</div>
          </dl>
        </div>
        <div className="flex flex-wrap gap-2">
          {canEdit ? (
            <Form method="post">
              <input type="hidden" name="intent" value="commit" />
              <input type="hidden" name="allocations" value={preview.allocations} />
              <SubmitButton busyLabel={t("common.saving")}>{t("exhibition.allocation.auto.commit")}</SubmitButton>
            </Form>
          ) : null}
          <Link to="/admin/exhibition" className="btn-secondary">
            {t("exhibition.allocation.auto.discard")}
          </Link>
        </div>
      </div>
      <div className="grid gap-4 lg:grid-cols-[18rem_1fr]">
        <div>
          <h3 className="mb-2 text-base font-semibold">{t("exhibition.allocation.spread.title")}</h3>
          <BarList
            label={t("exhibition.allocation.spread.title")}
            items={[
              { key: "zone1", label: t("exhibition.allocation.spread.zone1"), value: s.zone1, tone: "green" },
              { key: "zone2", label: t("exhibition.allocation.spread.zone2"), value: s.zone2, tone: "navy" },
              { key: "zone3", label: t("exhibition.allocation.spread.zone3"), value: s.zone3, tone: "light" },
              { key: "zoneNone", label: t("exhibition.allocation.spread.zoneNone"), value: s.zoneNone, tone: "amber" },
              { key: "unplaced", label: t("exhibition.allocation.spread.unplaced"), value: s.unplaced, tone: "slate" },
            ]}
          />
          <ul className="mt-3 space-y-1 text-sm text-slate-700">
            <li>
              {t("exhibition.allocation.spread.neighbours", { met: s.neighbourWishesMet, asked: s.neighbourWishes })}
            </li>
            <li>{t("exhibition.allocation.spread.typeMet", { count: s.typeMet })}</li>
            <li>{t("exhibition.allocation.spread.apart", { count: s.apartConflicts })}</li>
          </ul>
        </div>
        <div>
          <PlanLegend />
          <div className="mt-2">
            <FloorPlan
              plan={preview.plan}
              label={t("exhibition.allocation.plan.previewLabel")}
              selected={new Set(preview.proposed)}
            />
          </div>
        </div>
      </div>
      <div>
        <h3 className="mb-2 text-base font-semibold">{t("exhibition.allocation.explanations.title")}</h3>
        <div role="group" aria-label={t("exhibition.allocation.filter.label")} className="mb-3 flex flex-wrap gap-2">
          {(["all", "unplaced", "notFirst"] as const).map((f) => (
            <button
              key={f}
              type="button"
              aria-pressed={filter === f}
              onClick={() => setFilter(f)}
              className={filter === f ? "btn-primary" : "btn-secondary"}
            >
              {t(`exhibition.allocation.filter.${f}`, { count: counts[f] })}
            </button>
          ))}
        </div>
        {rows.length === 0 ? (
          <p className="text-sm text-slate-600">{t("exhibition.allocation.explanations.none")}</p>
        ) : (
          <ul className="divide-y divide-slate-200" data-testid="explanations">
            {rows.map((row) => (
              <ExplanationItem key={row.exhibitorId} row={row} />
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

function ExplanationItem({ row }: { row: ExplanationRow }) {
  const t = useT();
  return (
    <li className="py-2" data-exhibitor={row.exhibitorId}>
      <details open={!row.placed || undefined}>
        <summary className="cursor-pointer">
          <span className="font-semibold">{row.name}</span>{" "}
          <span className="text-sm text-slate-600">
            {row.booths.length
              ? t("exhibition.allocation.explanations.booths", { booths: row.booths.join(" + ") })
              : t("exhibition.allocation.explanations.noBooth")}
          </span>{" "}
          <span className="inline-flex flex-wrap gap-1 align-middle">
            {!row.placed ? <Badge tone="red">{t("exhibition.allocation.badge.unplaced")}</Badge> : null}
            {row.locked ? <Badge tone="grey">{t("exhibition.allocation.locked")}</Badge> : null}
            {row.placed ? (
              <Badge tone={row.zoneRank === 1 ? "green" : row.zoneRank ? "navy" : "amber"}>
                {t(
                  row.zoneRank
                    ? `exhibition.allocation.badge.zone${row.zoneRank}`
                    : "exhibition.allocation.badge.zoneNone",
                )}
              </Badge>
            ) : null}
            {row.placed && row.typeMet !== null ? (
              <Badge tone={row.typeMet ? "green" : "amber"}>
                {t(row.typeMet ? "exhibition.allocation.badge.typeMet" : "exhibition.allocation.badge.typeMissed")}
              </Badge>
            ) : null}
            {row.placed && row.neighboursAsked ? (
              <Badge tone={row.neighboursMet === row.neighboursAsked ? "green" : "amber"}>
                {t("exhibition.allocation.badge.neighbours", { met: row.neighboursMet, asked: row.neighboursAsked })}
              </Badge>
            ) : null}
            {row.apartConflicts ? (
              <Badge tone="red">{t("exhibition.allocation.badge.apart", { count: row.apartConflicts })}</Badge>
            ) : null}
          </span>
        </summary>
        <ul className="mt-1 list-disc space-y-0.5 pl-6 text-sm text-slate-700">
          {row.lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </details>
    </li>
  );
}
