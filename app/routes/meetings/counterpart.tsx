import { Form, useLoaderData } from "@remix-run/react";
import { TextField, useZodForm, ZodForm } from "~/components/form";
import { SubmitButton } from "~/components/submit-button";
import { useBilingual, useT } from "~/components/i18n";
import { EmptyState, Notice } from "~/components/ui";
import { maxMeetingsSchema } from "~/features/meetings/schema";
import { MEETING_SECTORS, sectorLabel } from "~/features/meetings/rules";
import type { ActionData, MeetingsLoader } from "~/routes/meetings/route";
import { RequestStatusBadge } from "~/features/meetings/components/request-status";

/**
 * A mission's or foreign partner's side: the requests it received and its
 * maximum number of meetings. Only who speaks for it (for a mission, the head)
 * gets the buttons; other staff see the same lists read-only, with the reason.
 */
export function CounterpartSide({ result }: { result: ActionData | undefined }) {
  const data = useLoaderData<MeetingsLoader>();
  const t = useT();
  const pick = useBilingual();
  const maxFeedback = result?.intent === "max" ? result : null;
  const maxState = useZodForm(maxMeetingsSchema, {
    defaultValues: { maxMeetings: data.maxMeetings == null ? "" : String(data.maxMeetings) },
    feedback: maxFeedback,
  });
  const sectorsFeedback = result?.intent === "sectors" && !result.done ? result : null;
  // After a refusal the boxes show what was sent; otherwise what is saved.
  const tickedSectors = sectorsFeedback ? (sectorsFeedback.values.sector ?? "").split(",") : data.sectors.codes;
  const sectorsNote = sectorsFeedback ? (sectorsFeedback.values.note ?? "") : data.sectors.note;
  const savedSectors = [...data.sectors.codes.map((c) => t(`meetings.sector.${c}`)), data.sectors.note]
    .filter(Boolean)
    .join(", ");
  const answered = (id: number) =>
    result?.intent === "answer" && result.values.requestId === String(id) ? result : null;
  return (
    <>
      <section className="card" aria-labelledby="received-title">
        <h2 id="received-title" className="text-lg font-semibold">
          {t("meetingsDelegate.received.title")}
        </h2>
        {!data.mayAct ? (
          <div className="mt-3" data-testid="head-only">
            <Notice tone="info">{t("meetingsDelegate.received.headOnly")}</Notice>
          </div>
        ) : null}
        {data.received.length === 0 ? (
          <EmptyState title={t("meetingsDelegate.received.none")} />
        ) : (
          <ul className="mt-3 divide-y text-sm" data-testid="received-requests">
            {data.received.map((r) => (
              <li key={r.id} className="py-3">
                <span className="font-medium">{pick(r.name_vi, r.name_en)}</span>{" "}
                <RequestStatusBadge status={r.status} />
                <span className="block text-slate-600">
                  {sectorLabel(t, r.sector)} · {r.ask} · {t("meetingsDelegate.form.priority")} {r.priority}
                </span>
                {r.status === "declined" && r.decline_reason ? (
                  <span className="block">{t("meetingsDelegate.declineReason", { reason: r.decline_reason })}</span>
                ) : null}
                {r.status === "pending" && data.mayAct ? (
                  <Form method="post" className="mt-2 flex flex-wrap items-end gap-2">
                    <input type="hidden" name="intent" value="answer" />
                    <input type="hidden" name="requestId" value={r.id} />
                    <label className="text-xs">
                      {t("meetingsDelegate.reason")}
                      <input
                        name="reason"
                        className="input"
                        defaultValue={answered(r.id)?.values.reason ?? ""}
                        aria-invalid={answered(r.id)?.errors.reason ? true : undefined}
                      />
                    </label>
                    <SubmitButton name="decision" value="accept" busyWhen={{ requestId: String(r.id) }}>
                      {t("meetingsDelegate.accept")}
                    </SubmitButton>
                    <SubmitButton
                      name="decision"
                      value="decline"
                      className="btn-secondary"
                      busyWhen={{ requestId: String(r.id) }}
                    >
                      {t("meetingsDelegate.decline")}
                    </SubmitButton>
                    {answered(r.id)?.errors.reason ? (
                      <p className="field-error w-full">{t(answered(r.id)!.errors.reason)}</p>
                    ) : null}
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="max-title">
        <h2 id="max-title" className="text-lg font-semibold">
          {t("meetingsDelegate.max.title")}
        </h2>
        {data.mayAct ? (
          <ZodForm state={maxState} className="mt-3 flex flex-wrap items-end gap-3">
            <input type="hidden" name="intent" value="max" />
            <TextField
              state={maxState}
              name="maxMeetings"
              label={t("meetingsDelegate.max.label")}
              inputMode="numeric"
            />
            <SubmitButton name="intent" value="max">
              {t("meetingsDelegate.max.save")}
            </SubmitButton>
          </ZodForm>
        ) : (
          <p className="mt-2 text-sm" data-testid="max-read-only">
            {data.maxMeetings == null
              ? t("meetingsDelegate.max.unlimited")
              : t("meetingsDelegate.max.current", { max: data.maxMeetings })}
          </p>
        )}
      </section>
      <section className="card" aria-labelledby="sectors-title">
        <h2 id="sectors-title" className="text-lg font-semibold">
          {t("meetingsDelegate.sectors.title")}
        </h2>
        <p className="text-sm text-slate-600">{t("meetingsDelegate.sectors.intro")}</p>
        {data.mayAct ? (
          <Form method="post" className="mt-3 space-y-3" data-testid="sectors-form">
            <input type="hidden" name="intent" value="sectors" />
            <fieldset aria-describedby="sectors-hint">
              <legend className="label">{t("meetingsDelegate.sectors.codesLabel")}</legend>
              <p id="sectors-hint" className="text-xs text-slate-600">
                {t("meetingsDelegate.sectors.hint")}
              </p>
              <div className="mt-2 grid grid-cols-1 gap-1 sm:grid-cols-2 lg:grid-cols-3">
                {MEETING_SECTORS.map((code) => (
                  <label key={code} className="flex min-h-11 items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      name="sector"
                      value={code}
                      defaultChecked={tickedSectors.includes(code)}
                      className="h-5 w-5"
                    />
                    {t(`meetings.sector.${code}`)}
                  </label>
                ))}
              </div>
            </fieldset>
            <div>
              <label htmlFor="sectors-note" className="label">
                {t("meetingsDelegate.sectors.noteLabel")}
              </label>
              <input
                id="sectors-note"
                name="note"
                className="input"
                maxLength={300}
                defaultValue={sectorsNote}
                aria-describedby="sectors-note-hint"
                aria-invalid={sectorsFeedback?.errors.note ? true : undefined}
              />
              <p id="sectors-note-hint" className="text-xs text-slate-600">
                {t("meetingsDelegate.sectors.noteHint")}
              </p>
              {sectorsFeedback?.errors.note ? <p className="field-error">{t(sectorsFeedback.errors.note)}</p> : null}
            </div>
            {sectorsFeedback?.errors[""] || sectorsFeedback?.errors.codes ? (
              <p className="field-error">{t(sectorsFeedback.errors[""] ?? sectorsFeedback.errors.codes)}</p>
            ) : null}
            <SubmitButton name="intent" value="sectors">
              {t("meetingsDelegate.max.save")}
            </SubmitButton>
          </Form>
        ) : (
          <p className="mt-2 text-sm">{savedSectors || t("meetingsDelegate.sectors.none")}</p>
        )}
      </section>
    </>
  );
}
