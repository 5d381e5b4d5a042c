import { Form } from "@remix-run/react";
import {
  checkinTimeLabel,
  isExpected,
  presentPercent,
  refusalKey,
  type CheckInResult,
  type DoorCounts,
  type DoorPerson,
} from "~/features/registration/checkin";
import { useBilingual, useLocale, useT } from "../../../components/i18n";
import { Badge } from "../../../components/ui";

/** What the page shows after a scan, a typed code or a "Check in" button. */
export type Outcome = CheckInResult | { state: "unknown"; code: string };

function useTimeLabel(zone: string, now: string) {
  const locale = useLocale();
  return (iso: string) => checkinTimeLabel(iso, now, zone, locale);
}

export function CountsPanel({ counts, live, refreshHref }: { counts: DoorCounts; live: boolean; refreshHref: string }) {
  const t = useT();
  const percent = presentPercent(counts.present, counts.expected);
  const summary = t("checkin.counts.summary", { present: counts.present, expected: counts.expected });
  return (
    <section className="card" aria-labelledby="counts-heading" data-testid="checkin-counts">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id="counts-heading">{t("checkin.counts.heading")}</h2>
        {live ? (
          <span className="text-xs text-slate-500">{t("checkin.counts.live")}</span>
        ) : (
          <a href={refreshHref} className="btn-link">
            {t("checkin.counts.refresh")}
          </a>
        )}
      </div>
      <p className="mt-2 flex flex-wrap items-baseline gap-x-3">
        <span className="text-4xl font-bold tabular-nums text-navy-900" data-testid="checkin-present">
          {counts.present}
          <span className="text-slate-500"> / </span>
          {counts.expected}
        </span>
        <span className="text-sm text-slate-600">
          {t("checkin.counts.caption")} · {percent}%
        </span>
      </p>
      <div
        role="progressbar"
        aria-label={t("checkin.counts.bar")}
        aria-valuemin={0}
        aria-valuemax={Math.max(counts.expected, 1)}
        aria-valuenow={counts.present}
        aria-valuetext={`${summary} (${percent}%)`}
        className="mt-3 h-4 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div
          className="h-full rounded-full bg-emerald-600 transition-[width] duration-500"
          style={{ width: `${percent}%` }}
        />
      </div>
      {counts.expected === 0 ? <p className="mt-2 text-sm text-slate-600">{t("checkin.counts.none")}</p> : null}
      {counts.byKind.length > 1 ? (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer font-semibold text-navy-800">{t("checkin.counts.byKind")}</summary>
          <dl className="mt-2 grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-4 gap-y-1">
            {counts.byKind.map((k) => (
              <div key={k.kind} className="contents">
                <dt className="text-slate-700">{t(`orgKind.${k.kind}`)}</dt>
                <dd className="tabular-nums text-slate-900">
                  {k.present} / {k.expected}
                </dd>
              </div>
            ))}
          </dl>
        </details>
      ) : null}
    </section>
  );
}

function PersonDetails({ person }: { person: DoorPerson }) {
  const t = useT();
  return (
    <dl className="mt-3 grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
      <dt className="text-slate-600">{t("checkin.person.position")}</dt>
      <dd>{person.position}</dd>
      <dt className="text-slate-600">{t("checkin.person.mode")}</dt>
      <dd>{t(`registration.mode.${person.mode}`)}</dd>
      <dt className="text-slate-600">{t("checkin.person.status")}</dt>
      <dd>{t(`registration.status.${person.status}`)}</dd>
      <dt className="text-slate-600">{t("checkin.person.code")}</dt>
      <dd className="font-mono">{person.badge_code}</dd>
    </dl>
  );
}

// Solid bands with white words (at least 4.5:1): read at arm's length, and never by colour alone.
const tones = {
  green: {
    box: "border-emerald-700 bg-emerald-50",
    band: "bg-emerald-700 text-white",
    text: "text-emerald-900",
    icon: "✓",
  },
  amber: { box: "border-amber-600 bg-amber-50", band: "bg-amber-700 text-white", text: "text-amber-950", icon: "!" },
  red: { box: "border-red-700 bg-red-50", band: "bg-red-700 text-white", text: "text-red-900", icon: "✕" },
} as const;

function UndoButton({ person, compact }: { person: DoorPerson; compact?: boolean }) {
  const t = useT();
  return (
    <Form method="post" className="no-print">
      <input type="hidden" name="intent" value="undo" />
      <input type="hidden" name="registrationId" value={person.id} />
      <button
        type="submit"
        className={compact ? "btn-link text-accent-700" : "btn-secondary"}
        aria-label={t("checkin.undoName", { name: person.full_name })}
      >
        {t("checkin.undo")}
      </button>
    </Form>
  );
}

function useOutcomeText(outcome: Outcome, zone: string, now: string) {
  const t = useT();
  const timeLabel = useTimeLabel(zone, now);
  let tone: keyof typeof tones = "red";
  let message: string;
  let detail: string | null = null;
  if (outcome.state === "checked_in") {
    tone = "green";
    message = t("checkin.result.checkedIn", { time: timeLabel(outcome.at).time });
  } else if (outcome.state === "already") {
    tone = "amber";
    const when = timeLabel(outcome.at);
    message = when.date
      ? t("checkin.result.alreadyOn", { time: when.time, date: when.date })
      : t("checkin.result.already", { time: when.time });
    detail = outcome.person.checked_in_by_name
      ? t("checkin.result.by", { name: outcome.person.checked_in_by_name })
      : null;
  } else if (outcome.state === "not_expected") {
    message = t("checkin.result.refused");
    detail = t(refusalKey(outcome.person) ?? "checkin.result.refused");
  } else if (outcome.state === "unknown") {
    message = t("checkin.unknown.title");
    detail = t("checkin.unknown.body", { code: outcome.code });
  } else {
    message = t("checkin.notFound");
  }
  return { tone, message, detail };
}

/**
 * The large result card, readable from a step away: a coloured band with the result in words
 * (green checked in, amber already, red refused or unknown), then the name and organisation in large type.
 */
export function CheckinOutcome({ outcome, zone, now }: { outcome: Outcome; zone: string; now: string }) {
  const t = useT();
  const pick = useBilingual();
  const { tone, message, detail } = useOutcomeText(outcome, zone, now);
  const style = tones[tone];
  const person = "person" in outcome ? outcome.person : null;
  return (
    <section
      role={tone === "red" ? "alert" : "status"}
      aria-atomic="true"
      className={`overflow-hidden rounded-lg border-2 shadow-sm ${style.box}`}
      data-testid="checkin-result"
      data-state={outcome.state}
      data-tone={tone}
    >
      <p
        className={`flex items-center gap-3 px-5 py-4 text-2xl font-bold leading-tight sm:text-4xl ${style.band}`}
        data-testid="checkin-result-message"
      >
        <span
          aria-hidden="true"
          className="flex h-10 w-10 shrink-0 items-center justify-center rounded-full bg-white/20 text-2xl sm:h-12 sm:w-12 sm:text-3xl"
        >
          {style.icon}
        </span>
        <span>{message}</span>
      </p>
      <div className="p-5">
        {person ? (
          <>
            <p className="text-3xl font-bold leading-tight text-navy-900 sm:text-4xl" data-testid="checkin-result-name">
              {t(`registration.honorific.${person.honorific}`)} {person.full_name}
            </p>
            <p className="mt-2 text-xl leading-snug text-slate-800 sm:text-2xl">
              {pick(person.organisation_vi, person.organisation_en)}
            </p>
          </>
        ) : null}
        {detail ? <p className={`mt-3 text-lg font-semibold ${style.text}`}>{detail}</p> : null}
        {person ? (
          <div className="mt-4 rounded-md bg-white/80 p-4">
            <PersonDetails person={person} />
            {outcome.state === "checked_in" || outcome.state === "already" ? (
              <div className="mt-3">
                <UndoButton person={person} />
              </div>
            ) : null}
          </div>
        ) : null}
      </div>
    </section>
  );
}

/** One person in the search results (with "Check in") or in the recent list (with "Undo"). */
export function PersonRow({
  person,
  zone,
  now,
  action,
}: {
  person: DoorPerson;
  zone: string;
  now: string;
  action: "checkin" | "undo";
}) {
  const t = useT();
  const pick = useBilingual();
  const timeLabel = useTimeLabel(zone, now);
  const refusal = refusalKey(person);
  const present = person.checked_in_at ? timeLabel(person.checked_in_at) : null;
  return (
    <li className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
      <div className="min-w-0">
        <p className="font-semibold text-navy-900">
          {t(`registration.honorific.${person.honorific}`)} {person.full_name}
        </p>
        <p className="text-sm text-slate-600">
          {person.position} · {pick(person.organisation_vi, person.organisation_en)}
        </p>
        {refusal ? (
          <p className="mt-1 text-sm text-red-800">
            <Badge tone="red">
              {t(`registration.status.${person.status}`)} · {t(`registration.mode.${person.mode}`)}
            </Badge>{" "}
            {t(refusal)}
          </p>
        ) : null}
      </div>
      <div className="flex shrink-0 items-center gap-3">
        {present ? (
          <Badge tone="green">
            ✓ {t("checkin.presentAt", { time: present.date ? `${present.time} ${present.date}` : present.time })}
          </Badge>
        ) : null}
        {action === "undo" && present ? <UndoButton person={person} compact /> : null}
        {action === "checkin" && isExpected(person) && !present ? (
          <Form method="post">
            <input type="hidden" name="intent" value="checkin" />
            <input type="hidden" name="registrationId" value={person.id} />
            <button
              type="submit"
              className="btn-primary"
              aria-label={t("checkin.checkInName", { name: person.full_name })}
            >
              {t("checkin.checkIn")}
            </button>
          </Form>
        ) : null}
      </div>
    </li>
  );
}
