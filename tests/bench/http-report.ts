/**
 * bench:http's verdicts on the issue's targets (met or not met, with what missed: the bench
 * prints the truth and never fails) and the compact Markdown table.
 */
import { connectionsFor, type LoadFigures } from "./http-load";

export const HEALTHZ = "/healthz";

export interface Measured extends LoadFigures {
  kind: "baseline" | "read" | "write";
  /** Writes: rows the run put in the database; SQLITE_BUSY lines the server printed meanwhile. */
  rows_written?: number;
  sqlite_busy?: number;
}

/** size → rate → page → figures */
export type Results = Record<string, Record<string, Record<string, Measured>>>;

export interface Target {
  rule: string;
  met: boolean | null;
  misses: string[];
}

const TARGET_RATE = 200;
/** The achieved rate counts as the target rate within 3 % (autocannon's pacing rounds per second). */
const RATE_TOLERANCE = 0.97;

/** At 200/s: every read page keeps up, p99 within twice /healthz's, no errors; writes without SQLITE_BUSY. */
export function targetAt200(runs: Record<string, Measured> | undefined): Target {
  const rule =
    "at 200/s every read page achieves the rate with p99 ≤ 2 × /healthz p99 and no errors; writes without SQLITE_BUSY";
  if (!runs?.[HEALTHZ]) return { rule, met: null, misses: ["not measured at 200/s"] };
  const limit = 2 * runs[HEALTHZ].p99_ms;
  const misses: string[] = [];
  for (const [page, f] of Object.entries(runs)) {
    const failed = f.unexpected_status + f.errors;
    if (f.kind === "read") {
      if (f.achieved_rps < TARGET_RATE * RATE_TOLERANCE) misses.push(`${page}: achieved ${f.achieved_rps}/s`);
      if (f.p99_ms > limit) misses.push(`${page}: p99 ${f.p99_ms} ms > ${limit} ms`);
      if (failed) misses.push(`${page}: ${failed} failed answers`);
    }
    if (f.kind === "write") {
      if (f.sqlite_busy) misses.push(`${page}: ${f.sqlite_busy} SQLITE_BUSY`);
      if (failed) misses.push(`${page}: ${failed} failed answers`);
    }
  }
  return { rule, met: misses.length === 0, misses };
}

/** At 10× the data, no page's p99 more than twice its conference-size p99 at the same rate. */
export function targetTenfold(
  results: Results,
): Target & { ratios: Record<string, Record<string, number>>; not_comparable: string[] } {
  const rule = "at 10× data no page's p99 more than 2 × its conference-size p99 (same rate)";
  const small = results.conference;
  const large = results["10x"];
  if (!small || !large) return { rule, met: null, misses: ["needs both sizes"], ratios: {}, not_comparable: [] };
  const ratios: Record<string, Record<string, number>> = {};
  const misses: string[] = [];
  // A run with no answer within it has no p99 to compare (the server was saturated): listed apart.
  const notComparable: string[] = [];
  for (const [rate, pages] of Object.entries(large)) {
    for (const [page, f] of Object.entries(pages)) {
      const base = small[rate]?.[page];
      if (!base || f.kind === "baseline") continue;
      if (!base.requests || !f.requests) {
        notComparable.push(`${page} at ${rate}/s: ${base.requests} / ${f.requests} answers`);
        continue;
      }
      const ratio = Math.round((f.p99_ms / Math.max(base.p99_ms, 0.1)) * 100) / 100;
      (ratios[rate] ??= {})[page] = ratio;
      if (ratio > 2) misses.push(`${page} at ${rate}/s: p99 ${base.p99_ms} → ${f.p99_ms} ms (×${ratio})`);
    }
  }
  return {
    rule,
    met: Object.keys(ratios).length ? misses.length === 0 : null,
    misses,
    ratios,
    not_comparable: notComparable,
  };
}

export function targets(results: Results) {
  return {
    conference_at_200: targetAt200(results.conference?.[String(TARGET_RATE)]),
    tenfold_at_200: targetAt200(results["10x"]?.[String(TARGET_RATE)]),
    tenfold_p99: targetTenfold(results),
  };
}

/** One row per size and page, one column group per rate: achieved/s, p50/p99 ms, failed answers. */
export function markdownTable(results: Results): string {
  const lines: string[] = [];
  for (const [size, rates] of Object.entries(results)) {
    const rateKeys = Object.keys(rates);
    const pages = [...new Set(rateKeys.flatMap((r) => Object.keys(rates[r])))];
    lines.push(
      `\n**${size}** — per rate: achieved/s · p50 / p99 ms · ✗ failed (unexpected status, errors) · ⏳ unanswered beyond one per connection\n`,
    );
    lines.push(`| page | ${rateKeys.map((r) => `${r}/s`).join(" | ")} |`);
    lines.push(`|---|${rateKeys.map(() => "---").join("|")}|`);
    for (const page of pages) {
      const cells = rateKeys.map((r) => {
        const f = rates[r][page];
        if (!f) return "–";
        const failed = f.unexpected_status + f.errors;
        const busy = f.sqlite_busy ? ` BUSY ${f.sqlite_busy}` : "";
        // One in flight per connection is how autocannon stops; more is a queue.
        const late = f.unanswered > connectionsFor(f.target_rps) ? ` · ⏳${f.unanswered}` : "";
        return `${f.achieved_rps} · ${f.p50_ms} / ${f.p99_ms}${failed ? ` · ✗${failed}` : ""}${late}${busy}`;
      });
      lines.push(`| ${page} | ${cells.join(" | ")} |`);
    }
  }
  return lines.join("\n");
}
