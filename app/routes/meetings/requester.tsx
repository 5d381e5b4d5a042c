import { Form, useLoaderData, useSearchParams } from "@remix-run/react";
import { SelectField, TextAreaField, TextField, useZodForm, ZodForm } from "~/components/form";
import { SubmitButton } from "~/components/submit-button";
import { useBilingual, useT } from "~/components/i18n";
import { Badge, EmptyState } from "~/components/ui";
import { meetingRequestSchema } from "~/features/meetings/schema";
import type { ActionData, MeetingsLoader } from "~/routes/meetings/route";

export const statusTone = { pending: "amber", accepted: "green", declined: "red", withdrawn: "grey" } as const;

/** A province's or ministry's side: the parties it may ask, the request form, its requests and their answers. */
export function RequesterSide({ result }: { result: ActionData | undefined }) {
  const data = useLoaderData<MeetingsLoader>();
  const t = useT();
  const pick = useBilingual();
  const [params] = useSearchParams();
  const feedback = result?.intent === "request" ? result : null;
  const state = useZodForm(meetingRequestSchema, {
    defaultValues: { toOrganisationId: params.get("to") ?? "", sector: "", ask: "", priority: "2" },
    feedback,
  });
  return (
    <>
      <section className="card" aria-labelledby="parties-title">
        <h2 id="parties-title" className="text-lg font-semibold">
          {t("meetingsDelegate.parties.title")}
        </h2>
        <Form method="get" className="mt-3 flex gap-2" role="search">
          <label className="sr-only" htmlFor="q">
            {t("meetingsDelegate.parties.search")}
          </label>
          <input
            id="q"
            name="q"
            type="search"
            className="input"
            defaultValue={data.query}
            placeholder={t("meetingsDelegate.parties.search")}
          />
          <button type="submit" className="btn-secondary">
            {t("meetingsDelegate.parties.searchButton")}
          </button>
        </Form>
        {data.parties.length === 0 ? (
          <EmptyState title={t("meetingsDelegate.parties.none")} />
        ) : (
          <ul className="mt-3 max-h-80 divide-y overflow-y-auto text-sm" data-testid="parties">
            {data.parties.map((p) => (
              <li key={p.id} className="flex items-center justify-between gap-3 py-2">
                <span>
                  {pick(p.name_vi, p.name_en)}
                  <span className="block text-xs text-slate-500">
                    {[pick(p.country_vi, p.country_en), pick(p.city_vi, p.city_en)].filter(Boolean).join(" · ")}
                  </span>
                  {p.head_name ? (
                    <span className="block text-xs text-slate-600">
                      {t("meetingsDelegate.parties.head", { name: p.head_name })}
                    </span>
                  ) : null}
                  {p.sectors ? (
                    <span className="block text-xs text-slate-600">
                      {t("meetingsDelegate.parties.sectors", { sectors: p.sectors })}
                    </span>
                  ) : null}
                </span>
                <a
                  className="btn-link shrink-0"
                  href={`?${new URLSearchParams({ q: data.query, to: String(p.id) })}#request-form`}
                >
                  {t("meetingsDelegate.parties.choose")}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="request-title" id="request-form">
        <h2 id="request-title" className="text-lg font-semibold">
          {t("meetingsDelegate.form.title")}
        </h2>
        {feedback?.errors[""] ? <p className="sr-only">{t("meetingsDelegate.refused")}</p> : null}
        <ZodForm state={state} className="mt-3 grid gap-4 sm:grid-cols-2">
          <input type="hidden" name="intent" value="request" />
          <SelectField
            state={state}
            name="toOrganisationId"
            label={t("meetingsDelegate.form.counterpart")}
            required
            className="sm:col-span-2"
            options={[
              { value: "", label: t("meetingsDelegate.form.pick") },
              ...data.parties.map((p) => ({ value: String(p.id), label: pick(p.name_vi, p.name_en) })),
            ]}
          />
          <TextField state={state} name="sector" label={t("meetingsDelegate.form.sector")} required />
          <SelectField
            state={state}
            name="priority"
            label={t("meetingsDelegate.form.priority")}
            required
            options={(["1", "2", "3"] as const).map((p) => ({ value: p, label: t(`meetingsDelegate.priority.${p}`) }))}
          />
          <TextAreaField
            state={state}
            name="ask"
            label={t("meetingsDelegate.form.ask")}
            hint={t("meetingsDelegate.form.askHint")}
            required
            className="sm:col-span-2"
          />
          <div className="sm:col-span-2">
            <SubmitButton name="intent" value="request">
              {t("meetingsDelegate.form.submit")}
            </SubmitButton>
          </div>
        </ZodForm>
      </section>
      <section className="card" aria-labelledby="sent-title">
        <h2 id="sent-title" className="text-lg font-semibold">
          {t("meetingsDelegate.sent.title")}
        </h2>
        {data.sent.length === 0 ? (
          <EmptyState title={t("meetingsDelegate.sent.none")} />
        ) : (
          <ul className="mt-3 divide-y text-sm" data-testid="sent-requests">
            {data.sent.map((r) => (
              <li key={r.id} className="py-2">
                <span className="font-medium">{pick(r.name_vi, r.name_en)}</span>{" "}
                <Badge tone={statusTone[r.status]}>{t(`meetingsDelegate.status.${r.status}`)}</Badge>
                <span className="block text-slate-600">
                  {r.sector} · {r.ask} · {t("meetingsDelegate.form.priority")} {r.priority}
                </span>
                {r.status === "declined" && r.decline_reason ? (
                  <span className="block text-slate-700">
                    {t("meetingsDelegate.declineReason", { reason: r.decline_reason })}
                  </span>
                ) : null}
                {r.status === "pending" || r.status === "accepted" ? (
                  <Form method="post" className="mt-1">
                    <input type="hidden" name="requestId" value={r.id} />
                    <SubmitButton
                      name="intent"
                      value="withdraw"
                      className="btn-link text-accent-700"
                      busyWhen={{ requestId: String(r.id) }}
                    >
                      {t("meetingsDelegate.withdraw")}
                    </SubmitButton>
                  </Form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
