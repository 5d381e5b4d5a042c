import type { Locale } from "~/platform/i18n";
import type { Db, Result } from "~/platform/types";
import type { Spread } from "../allocator/allocate";
import type { FloorPlanData } from "../plan/plan-data";
import { loadFloorPlan } from "../plan/plan.server";
import { explanationRow, sortExplanations, type ExplanationRow, type Names } from "./explain";
import { exhibitorIdOf } from "./instance-build";
import { previewAllocation } from "./run.server";

/** The preview as the desk shows it: serialisable, in the page's language. */
export interface PreviewView {
  total: number;
  placed: number;
  placementScore: number;
  neighbourhoodScore: number;
  optimal: boolean;
  /** The proven bound on the placement score (null when none was proved). */
  bound: number | null;
  ms: number;
  spread: Spread;
  rows: ExplanationRow[];
  /** What the commit form posts back. */
  allocations: string;
  /** The plan as it would be: previewed booths allocated, named for their exhibitors. */
  plan: FloorPlanData;
  /** Booths the run would change hands or give (the page marks them). */
  proposed: number[];
}

export async function previewView(
  db: Db,
  conferenceId: number,
  locale: Locale,
  options: { timeLimitSec?: number } = {},
): Promise<Result<{ preview: PreviewView }>> {
  const [run, plan, exhibitors] = await Promise.all([
    previewAllocation(db, conferenceId, options),
    loadFloorPlan(db, conferenceId),
    db
      .selectFrom("exhibitors")
      .select(["id", "name_vi", "name_en"])
      .where("conference_id", "=", conferenceId)
      .execute(),
  ]);
  if (!run.ok) return run;
  const { result, instance } = run;
  const names: Names = new Map(exhibitors.map((e) => [e.id, e]));
  const reasons = new Map(result.unplaced.map((u) => [u.exhibitor, u]));
  const rows = sortExplanations(
    result.explanations.map((e) => explanationRow(e, names, locale, reasons.get(e.exhibitor))),
  );
  const owner = new Map<string, number>();
  for (const a of result.allocations) for (const code of a.booths) owner.set(code, exhibitorIdOf(a.exhibitor)!);
  const proposed: number[] = [];
  const booths = plan.booths.map((b) => {
    const id = owner.get(b.code);
    if (id === undefined) return b.state === "allocated" ? { ...b, state: "free" as const, exhibitor: null } : b;
    if (b.exhibitor?.id !== id) proposed.push(b.id);
    const name = names.get(id);
    return {
      ...b,
      state: b.state === "confirmed" ? b.state : ("allocated" as const),
      exhibitor: name ? { id, name_vi: name.name_vi, name_en: name.name_en } : null,
    };
  });
  return {
    ok: true,
    preview: {
      total: instance.exhibitors.length,
      placed: result.placed,
      placementScore: result.placementScore,
      neighbourhoodScore: result.neighbourhoodScore,
      optimal: result.optimal,
      bound: Number.isFinite(result.bound) ? result.bound : null,
      ms: Math.round(result.ms),
      spread: result.spread,
      rows,
      allocations: JSON.stringify(result.allocations),
      plan: { ...plan, booths },
      proposed,
    },
  };
}
