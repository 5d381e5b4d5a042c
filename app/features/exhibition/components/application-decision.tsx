import { Form } from "@remix-run/react";
import { TextAreaField, useZodForm, type ActionFeedback } from "~/components/form";
import { useT } from "~/components/i18n";
import { SubmitButton } from "~/components/submit-button";
import { Notice } from "~/components/ui";
import { answerSchema, decisionSchema } from "../applications/schema";
import type { ApplicationStatus } from "../rules";

const A = "exhibition.applications.admin";

/** Approve, or reject with a reason (required, mailed): the choices the application's status allows. */
export function ApplicationDecision({
  status,
  feedback,
}: {
  status: ApplicationStatus;
  feedback: ActionFeedback | null;
}) {
  const t = useT();
  const choices = (["approve", "reject"] as const).filter((d) =>
    d === "approve" ? status === "submitted" || status === "rejected" : status === "submitted" || status === "approved",
  );
  const state = useZodForm(decisionSchema, { defaultValues: { decision: choices[0] ?? "approve" }, feedback });
  if (choices.length === 0) return null;
  const decisionError = state.errorFor("decision");
  return (
    <section className="card" aria-labelledby="decision-heading" data-testid="decision">
      <h2 id="decision-heading">{t(`${A}.section.decision`)}</h2>
      <Form method="post" noValidate onSubmit={state.onSubmit} className="mt-3 space-y-4">
        {state.formError ? <Notice tone="error">{t(state.formError)}</Notice> : null}
        <fieldset>
          <legend className="sr-only">{t(`${A}.section.decision`)}</legend>
          <div className="flex flex-wrap gap-4">
            {choices.map((d) => (
              <label key={d} className="inline-flex min-h-11 items-center gap-2">
                <input
                  type="radio"
                  value={d}
                  defaultChecked={state.defaults.decision === d}
                  {...state.form.register("decision")}
                />
                {t(`${A}.${d}`)}
              </label>
            ))}
          </div>
          {decisionError ? <p className="field-error">{t(decisionError)}</p> : null}
        </fieldset>
        <TextAreaField state={state} name="reason" label={t(`${A}.reason`)} hint={t(`${A}.reasonHint`)} rows={3} />
        <SubmitButton name="intent" value="decide">
          {t("common.save")}
        </SubmitButton>
      </Form>
    </section>
  );
}

/** Marks a change request handled, with an answer mailed when one is written. */
export function ChangeRequestAnswer({ feedback }: { feedback: ActionFeedback | null }) {
  const t = useT();
  const state = useZodForm(answerSchema, { defaultValues: {}, feedback });
  return (
    <Form method="post" noValidate onSubmit={state.onSubmit} className="space-y-3">
      {state.formError ? <Notice tone="error">{t(state.formError)}</Notice> : null}
      <TextAreaField state={state} name="answer" label={t(`${A}.answer`)} hint={t(`${A}.answerHint`)} rows={3} />
      <SubmitButton name="intent" value="answer" className="btn-secondary">
        {t(`${A}.markHandled`)}
      </SubmitButton>
    </Form>
  );
}
