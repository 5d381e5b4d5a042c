import { useLoaderData } from "@remix-run/react";
import { TextAreaField, useZodForm, ZodForm } from "~/components/form";
import { SubmitButton } from "~/components/submit-button";
import { useBilingual, useLocale, useT } from "~/components/i18n";
import { ConferenceTime } from "~/components/time";
import { EmptyState, Notice } from "~/components/ui";
import { meetingOutcomeSchema } from "~/features/meetings/schema";
import { MeetingPlace } from "~/features/meetings/components/meeting-place";
import { sectorLabel } from "~/features/meetings/rules";
import { formatInstant } from "~/lib/time";
import type { ActionData, MeetingsLoader } from "~/routes/meetings/route";

type Placed = ReturnType<typeof useLoaderData<MeetingsLoader>>["placed"][number];

function OutcomeForm({ meeting, result }: { meeting: Placed; result: ActionData | undefined }) {
  const t = useT();
  const feedback = result && result.values.meetingId === String(meeting.id) && !result.done ? result : null;
  const state = useZodForm(meetingOutcomeSchema, {
    defaultValues: { meetingId: String(meeting.id), outcome: meeting.outcome, followUp: meeting.follow_up },
    feedback,
  });
  return (
    <ZodForm state={state} className="mt-2 space-y-3">
      <input type="hidden" name="intent" value="outcome" />
      <input type="hidden" {...state.form.register("meetingId")} defaultValue={String(meeting.id)} />
      <TextAreaField
        state={state}
        name="outcome"
        label={t("meetingsDelegate.outcome.outcome")}
        hint={t("meetingsDelegate.outcome.hint")}
      />
      <TextAreaField state={state} name="followUp" label={t("meetingsDelegate.outcome.followUp")} />
      <SubmitButton name="intent" value="outcome" busyWhen={{ meetingId: String(meeting.id) }}>
        {t("meetingsDelegate.outcome.save")}
      </SubmitButton>
    </ZodForm>
  );
}

/** After a meeting has started, either party records what it achieved and what follows; shown with who wrote it and when. */
function Outcome({ meeting, zone, result }: { meeting: Placed; zone: string; result: ActionData | undefined }) {
  const t = useT();
  const pick = useBilingual();
  const locale = useLocale();
  const mine = result && result.values.meetingId === String(meeting.id) ? result : undefined;
  if (!meeting.started) {
    return (
      <p className="mt-2 text-xs text-slate-500">
        {t("meetingsDelegate.outcome.afterStart")} ({formatInstant(meeting.starts_at, zone, locale, "dateTime")})
      </p>
    );
  }
  const recorded = meeting.outcome_recorded_at !== null;
  return (
    <div className="mt-3 rounded-md border border-slate-200 bg-slate-50 p-3" data-testid="meeting-outcome">
      <h3 className="text-sm font-semibold text-navy-900">{t("meetingsDelegate.outcome.title")}</h3>
      {mine?.done ? (
        <div className="mt-2">
          <Notice tone="success">{t(mine.done)}</Notice>
        </div>
      ) : null}
      {recorded ? (
        <>
          <dl className="mt-2 space-y-2 text-sm">
            {meeting.outcome ? (
              <div>
                <dt className="font-semibold text-slate-700">{t("meetingsDelegate.outcome.outcome")}</dt>
                <dd className="whitespace-pre-line">{meeting.outcome}</dd>
              </div>
            ) : null}
            {meeting.follow_up ? (
              <div>
                <dt className="font-semibold text-slate-700">{t("meetingsDelegate.outcome.followUp")}</dt>
                <dd className="whitespace-pre-line">{meeting.follow_up}</dd>
              </div>
            ) : null}
          </dl>
          <div className="mt-2 text-xs text-slate-600">
            {t("meetingsDelegate.outcome.recordedBy", {
              name: meeting.recorded_by_name ?? "—",
              organisation: pick(meeting.recorded_by_org_vi, meeting.recorded_by_org_en) || "—",
            })}
            {", "}
            <ConferenceTime iso={meeting.outcome_recorded_at!} zone={zone} />
          </div>
          <details className="mt-2" open={Boolean(mine && !mine.done)}>
            <summary className="btn-link cursor-pointer">{t("meetingsDelegate.outcome.edit")}</summary>
            <OutcomeForm meeting={meeting} result={mine} />
          </details>
        </>
      ) : (
        <>
          <p className="mt-1 text-xs text-slate-600">{t("meetingsDelegate.outcome.notYet")}</p>
          <OutcomeForm meeting={meeting} result={mine} />
        </>
      )}
    </div>
  );
}

/** The organisation's placed meetings: time, counterpart, where, and the outcome once started. */
export function PlacedMeetings({ result }: { result: ActionData | undefined }) {
  const data = useLoaderData<MeetingsLoader>();
  const t = useT();
  const pick = useBilingual();
  return (
    <section className="card" aria-labelledby="placed-title">
      <h2 id="placed-title" className="text-lg font-semibold">
        {t("meetingsDelegate.placed.title")}
      </h2>
      {data.placed.length === 0 ? (
        <EmptyState title={t("meetingsDelegate.placed.none")} />
      ) : (
        <ol className="mt-3 divide-y" data-testid="placed-meetings">
          {data.placed.map((m) => (
            <li key={m.id} className="py-4" data-testid="placed-meeting">
              <div className="grid gap-3 sm:grid-cols-[13rem_minmax(0,1fr)_15rem]">
                <div className="text-sm">
                  <ConferenceTime iso={m.starts_at} endIso={m.ends_at} zone={data.zone} />
                </div>
                <div className="min-w-0 text-sm">
                  <span className="font-semibold text-navy-900">{pick(m.counterpart_vi, m.counterpart_en)}</span>
                  <span className="block text-slate-600">
                    {sectorLabel(t, m.sector)}
                    {m.ask ? ` · ${m.ask}` : ""}
                  </span>
                </div>
                <MeetingPlace place={m.place} />
              </div>
              <Outcome meeting={m} zone={data.zone} result={result} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
