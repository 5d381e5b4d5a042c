import { Form } from "@remix-run/react";
import { SelectField, TextField, useZodForm, ZodForm, type ActionFeedback } from "~/components/form";
import { useEffect, useState } from "react";
import { useLocale, useT } from "~/components/i18n";
import { SubmitButton } from "~/components/submit-button";
import { AGREEMENT_STATES, type AgreementState } from "../../rules";
import { formatCalendarDate } from "../dates";
import { advanceSchema } from "../schema";
import { forwardTargets, STATE_DATE, stateIndex, type StateDates } from "../transitions";

type Dated = Exclude<AgreementState, "drafted">;

/** The procedure as a list of steps (done, current, to come, passed over), each with its date in words. */
function Steps({ state, dates }: { state: AgreementState; dates: StateDates }) {
  const t = useT();
  const locale = useLocale();
  const current = stateIndex(state);
  return (
    <ol className="space-y-2" data-testid="agreement-steps">
      {AGREEMENT_STATES.map((s, i) => {
        const date = s === "drafted" ? null : (dates[STATE_DATE[s as Dated]] ?? null);
        const status =
          i === current ? "current" : i < current ? (s === "drafted" || date ? "done" : "skipped") : "todo";
        const mark = status === "current" ? "●" : status === "done" ? "✓" : status === "skipped" ? "–" : "○";
        return (
          <li
            key={s}
            data-testid={`step-${s}`}
            data-status={status}
            aria-current={status === "current" ? "step" : undefined}
            className={`flex items-baseline gap-3 text-sm ${status === "current" ? "font-semibold text-navy-900" : status === "todo" ? "text-slate-500" : "text-slate-800"}`}
          >
            <span aria-hidden="true" className="w-4 shrink-0 text-center">
              {mark}
            </span>
            <span className="min-w-0 flex-1">
              {t(`proceedings.agreementState.${s}`)}
              <span className="sr-only">
                {" "}
                ({t(`proceedings.agreements.stepper.${status === "current" ? "current" : status}`)})
              </span>
            </span>
            {date ? <span className="tabular-nums text-slate-700">{formatCalendarDate(date, locale)}</span> : null}
          </li>
        );
      })}
    </ol>
  );
}

export function StateStepper({
  state,
  dates,
  today,
  previous,
  mayMove,
  mayGoBack,
  feedback,
}: {
  state: AgreementState;
  dates: StateDates;
  today: string;
  /** Where a correction goes back to (null: nothing to undo). */
  previous: AgreementState | null;
  mayMove: boolean;
  mayGoBack: boolean;
  feedback: ActionFeedback | null;
}) {
  const t = useT();
  const A = "proceedings.agreements";
  const targets = forwardTargets(state);
  const next = targets[0] as Dated | undefined;
  const defaults: Record<string, string> = { target: next ?? "" };
  if (next) defaults[STATE_DATE[next]] = today;
  const form = useZodForm(advanceSchema, { defaultValues: defaults, feedback });
  // Without JavaScript every later step's date is there to fill; with it, only those on the way to the choice.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const chosen = form.form.watch("target") as AgreementState | undefined;
  const shown = (s: Dated) => !hydrated || !chosen || stateIndex(s) <= stateIndex(chosen);
  return (
    <section className="card space-y-4" aria-labelledby="stepper-heading" data-testid="agreement-stepper">
      <h2 id="stepper-heading">{t(`${A}.stepper.title`)}</h2>
      <Steps state={state} dates={dates} />
      {!next ? <p className="text-sm text-slate-600">{t(`${A}.stepper.final`)}</p> : null}
      {next && mayMove ? (
        <ZodForm state={form} className="space-y-3 border-t border-slate-200 pt-4">
          <SelectField
            state={form}
            name="target"
            label={t(`${A}.stepper.moveTo`)}
            options={targets.map((s) => ({ value: s, label: t(`proceedings.agreementState.${s}`) }))}
          />
          <p className="text-xs text-slate-600">{t(`${A}.stepper.datesHint`)}</p>
          <div className="grid gap-3 sm:grid-cols-2">
            {(targets as Dated[]).filter(shown).map((s) => (
              <TextField
                key={s}
                state={form}
                name={STATE_DATE[s]}
                type="date"
                label={t(`${A}.date.${STATE_DATE[s]}`)}
              />
            ))}
          </div>
          <SubmitButton name="intent" value="move" busyLabel={t(`${A}.stepper.advancing`)}>
            {t(`${A}.stepper.advance`)}
          </SubmitButton>
        </ZodForm>
      ) : null}
      {previous && mayGoBack ? (
        <Form method="post" className="border-t border-slate-200 pt-4">
          <SubmitButton name="intent" value="back" className="btn-secondary">
            {t(`${A}.stepper.back`)}
          </SubmitButton>
          <p className="mt-1 text-xs text-slate-600">{t(`${A}.stepper.backHint`)}</p>
        </Form>
      ) : null}
    </section>
  );
}
