/**
 * Small charts without a chart library. Numbers are always written beside the
 * picture, so colour and length are never the only way to read them.
 */
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

export type BarTone = "navy" | "green" | "amber" | "slate" | "light";
const toneClass: Record<BarTone, string> = {
  navy: "bg-navy-600",
  green: "bg-emerald-600",
  amber: "bg-amber-500",
  slate: "bg-slate-400",
  light: "bg-navy-300",
};

export interface BarItem {
  key: string;
  label: string;
  value: number;
  href?: string;
  /** Accessible name for the link, e.g. "Show the 12 approved registrations". */
  linkLabel?: string;
  tone?: BarTone;
}

/** A labelled horizontal bar per item, scaled to the largest; the count links to the matching list. */
export function BarList({ items, label }: { items: BarItem[]; label: string }) {
  const max = Math.max(1, ...items.map((i) => i.value));
  return (
    <ul aria-label={label} className="space-y-3">
      {items.map((item) => (
        <li key={item.key} data-testid={`bar-${item.key}`}>
          <div className="flex items-baseline justify-between gap-3 text-sm">
            <span className="min-w-0 text-slate-700">{item.label}</span>
            {item.href && item.value > 0 ? (
              <Link
                to={item.href}
                aria-label={item.linkLabel}
                className="font-semibold tabular-nums text-navy-700 underline-offset-2 hover:underline"
              >
                {item.value}
              </Link>
            ) : (
              <span className="font-semibold tabular-nums text-slate-500">{item.value}</span>
            )}
          </div>
          <div className="mt-1 h-2 rounded-full bg-slate-100" aria-hidden="true">
            <div
              className={`h-2 rounded-full ${toneClass[item.tone ?? "navy"]}`}
              style={{ width: `${item.value === 0 ? 0 : Math.max(2, (item.value / max) * 100)}%` }}
            />
          </div>
        </li>
      ))}
    </ul>
  );
}

export interface Segment {
  key: string;
  value: number;
  tone: BarTone;
  /** Pattern for segments that must differ by more than colour (pending places). */
  striped?: boolean;
}

/** Capacity as one bar: the segments side by side over the whole, the rest empty. */
export function SegmentedBar({ segments, whole, summary }: { segments: Segment[]; whole: number; summary: string }) {
  const total = Math.max(
    whole,
    segments.reduce((n, s) => n + s.value, 0),
    1,
  );
  return (
    <div
      role="img"
      aria-label={summary}
      className="flex h-5 w-full overflow-hidden rounded-md border border-slate-300 bg-white"
      data-testid="capacity-bar"
    >
      {segments.map((s) =>
        s.value > 0 ? (
          <div
            key={s.key}
            className={`h-full ${toneClass[s.tone]}`}
            style={{
              width: `${(s.value / total) * 100}%`,
              backgroundImage: s.striped
                ? "repeating-linear-gradient(135deg, rgba(255,255,255,.45) 0 4px, transparent 4px 8px)"
                : undefined,
            }}
          />
        ) : null,
      )}
    </div>
  );
}

/** A square key for a legend, matching a bar's tone (and stripes). */
export function LegendKey({ tone, striped }: { tone: BarTone | "empty"; striped?: boolean }) {
  return (
    <span
      aria-hidden="true"
      className={`inline-block h-3 w-3 shrink-0 rounded-sm border border-slate-300 ${tone === "empty" ? "bg-white" : toneClass[tone]}`}
      style={
        striped
          ? { backgroundImage: "repeating-linear-gradient(135deg, rgba(255,255,255,.45) 0 2px, transparent 2px 4px)" }
          : undefined
      }
    />
  );
}

const W = 600;
const H = 160;

/**
 * A day-by-day chart as inline SVG: columns (one per day) or an area. The SVG
 * stretches to its box; axis text is HTML, so it stays readable on a phone.
 * Screen readers get `summary`; the route adds a table with the same numbers.
 */
export function DayChart({
  values,
  titles,
  kind,
  summary,
  maxLabel,
  fromLabel,
  toLabel,
  testId,
}: {
  values: number[];
  /** Tooltip per day, e.g. "20/11: 4". */
  titles: string[];
  kind: "columns" | "area";
  summary: string;
  maxLabel: ReactNode;
  fromLabel: string;
  toLabel: string;
  testId?: string;
}) {
  const max = Math.max(1, ...values);
  const n = Math.max(1, values.length);
  const step = W / n;
  const y = (v: number) => H - (v / max) * (H - 8);
  let picture: ReactNode;
  if (kind === "columns") {
    const gap = Math.min(4, step * 0.25);
    picture = values.map((v, i) => (
      <rect
        key={i}
        x={i * step + gap / 2}
        y={y(v)}
        width={Math.max(1, step - gap)}
        height={H - y(v)}
        className="fill-navy-600"
      >
        <title>{titles[i]}</title>
      </rect>
    ));
  } else {
    const points = values.map((v, i) => `${(i + 0.5) * step},${y(v)}`);
    const line = values.length === 1 ? `0,${y(values[0])} ${W},${y(values[0])}` : points.join(" ");
    picture = (
      <>
        <polygon
          points={`${values.length === 1 ? 0 : step / 2},${H} ${line} ${values.length === 1 ? W : W - step / 2},${H}`}
          className="fill-navy-100"
        />
        <polyline
          points={line}
          fill="none"
          className="stroke-navy-700"
          strokeWidth={2}
          vectorEffect="non-scaling-stroke"
          strokeLinejoin="round"
        />
      </>
    );
  }
  return (
    <figure data-testid={testId}>
      <div className="mb-1 text-xs text-slate-500">{maxLabel}</div>
      <svg
        role="img"
        aria-label={summary}
        viewBox={`0 0 ${W} ${H}`}
        preserveAspectRatio="none"
        className="block h-36 w-full"
      >
        {[0, 0.5, 1].map((f) => (
          <line
            key={f}
            x1={0}
            x2={W}
            y1={H - f * (H - 8)}
            y2={H - f * (H - 8)}
            className="stroke-slate-200"
            strokeWidth={1}
            vectorEffect="non-scaling-stroke"
          />
        ))}
        {picture}
      </svg>
      <div className="mt-1 flex justify-between text-xs text-slate-500" aria-hidden="true">
        <span>{fromLabel}</span>
        <span>{toLabel}</span>
      </div>
    </figure>
  );
}
