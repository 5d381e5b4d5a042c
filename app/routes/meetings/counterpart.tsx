import { Form, useLoaderData } from "@remix-run/react";
import { TextField, useZodForm, ZodForm } from "~/components/form";
import { SubmitButton } from "~/components/submit-button";
import { useBilingual, useT } from "~/components/i18n";
import { Badge, EmptyState, Notice } from "~/components/ui";
import { maxMeetingsSchema, sectorsSchema } from "~/features/meetings/schema";
import type { ActionData, MeetingsLoader } from "~/routes/meetings/route";
import { statusTone } from "./requester";

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
  const sectorsState = useZodForm(sectorsSchema, {
    defaultValues: { sectors: data.sectors },
    feedback: result?.intent === "sectors" ? result : null,
  });
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
                <Badge tone={statusTone[r.status]}>{t(`meetingsDelegate.status.${r.status}`)}</Badge>
                <span className="block text-slate-600">
                  {r.sector} · {r.ask} · {t("meetingsDelegate.form.priority")} {r.priority}
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
          <ZodForm state={sectorsState} className="mt-3 flex flex-wrap items-end gap-3">
            <input type="hidden" name="intent" value="sectors" />
            <TextField
              state={sectorsState}
              name="sectors"
              label={t("meetingsDelegate.sectors.label")}
              hint={t("meetingsDelegate.sectors.hint")}
              className="min-w-[20rem] flex-1"
            />
            <SubmitButton name="intent" value="sectors">
              {t("meetingsDelegate.max.save")}
            </SubmitButton>
          </ZodForm>
        ) : (
          <p className="mt-2 text-sm">{data.sectors || t("meetingsDelegate.sectors.none")}</p>
        )}
      </section>
    </>
  );
}
