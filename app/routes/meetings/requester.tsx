import { Form, useLoaderData, useSearchParams } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { SelectField, TextAreaField, useZodForm, ZodForm } from "~/components/form";
import { SubmitButton } from "~/components/submit-button";
import { useBilingual, useT } from "~/components/i18n";
import { ConferenceTime } from "~/components/time";
import { EmptyState, Notice, Pagination } from "~/components/ui";
import { MEETING_SECTORS, sectorLabel, type MeetingRequestStatus } from "~/features/meetings/rules";
import { meetingRequestSchema } from "~/features/meetings/schema";
import type { ActionData, MeetingsLoader } from "~/routes/meetings/route";
import { RequestStatusBadge } from "~/features/meetings/components/request-status";

const EMPTY_REQUEST = { toOrganisationId: "", sector: "", ask: "", priority: "2" as const };

/** How many requests remain under the cap, and until when they may be sent (in the conference zone and the viewer's). */
function Allowance() {
  const data = useLoaderData<MeetingsLoader>();
  const t = useT();
  const a = data.allowance;
  if (!a) return null;
  return (
    <div className="mt-2 space-y-1 text-sm text-slate-700" data-testid="request-allowance">
      <p data-testid="requests-remaining">
        {a.max === null
          ? t("meetingsDelegate.form.unlimited")
          : a.remaining === 0
            ? t("meetingsDelegate.form.capReached", { max: a.max })
            : t("meetingsDelegate.form.remaining", { remaining: a.remaining ?? 0, max: a.max })}
      </p>
      <div data-testid="requests-deadline">
        {a.closesAt ? (
          a.closed ? (
            <p className="font-semibold text-accent-700">{t("meetingsDelegate.form.closed")}</p>
          ) : (
            <p>
              <span className="font-semibold">{t("meetingsDelegate.form.deadline")}: </span>
              <ConferenceTime iso={a.closesAt} zone={data.zone} />
            </p>
          )
        ) : (
          <p>{t("meetingsDelegate.form.noDeadline")}</p>
        )}
      </div>
    </div>
  );
}

/** A province's or ministry's side: the parties it may ask, the request form, its requests and their answers. */
export function RequesterSide({ result }: { result: ActionData | undefined }) {
  const data = useLoaderData<MeetingsLoader>();
  const t = useT();
  const pick = useBilingual();
  const [params] = useSearchParams();
  const feedback = result?.intent === "request" ? result : null;
  const sent = feedback?.done ? feedback : null;
  const sectorName = (value: string) => sectorLabel(t, value);
  const state = useZodForm(meetingRequestSchema, {
    // Once a request is sent the form starts again empty (the ?to= of the chosen party is spent).
    defaultValues: { ...EMPTY_REQUEST, toOrganisationId: sent ? "" : (params.get("to") ?? "") },
    feedback: sent ? null : feedback,
  });
  const confirmation = useRef<HTMLDivElement>(null);
  const { reset } = state.form;
  useEffect(() => {
    // The confirmation appears by the form, and the focus goes to it (the submit button was busy).
    if (!sent) return;
    reset(EMPTY_REQUEST);
    confirmation.current?.focus();
  }, [sent, reset]);
  const statusOf = (status: MeetingRequestStatus) => t(`meetingsDelegate.status.${status}`);
  // The form offers the shown page's parties, and the one chosen with ?to= when no shown page lists it.
  const choices =
    data.chosen && !data.parties.some((p) => p.id === data.chosen?.id) ? [data.chosen, ...data.parties] : data.parties;
  const chooseHref = (id: number) => {
    const next = new URLSearchParams({ q: data.query, to: String(id) });
    if (data.partiesPage > 1) next.set("page", String(data.partiesPage));
    return `?${next}#request-form`;
  };
  const partyItem = (p: (typeof data.parties)[number]) => (
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
        {p.sectors.codes.length || p.sectors.note ? (
          <span className="block text-xs text-slate-600">
            {t("meetingsDelegate.parties.sectors", {
              sectors: [...p.sectors.codes.map(sectorName), p.sectors.note].filter(Boolean).join(", "),
            })}
          </span>
        ) : null}
      </span>
      <div className="flex shrink-0 flex-col items-end gap-1">
        {p.asked ? (
          <span data-testid="party-asked">
            <span className="sr-only">{t("meetingsDelegate.parties.asked")}: </span>
            <RequestStatusBadge status={p.asked} />
          </span>
        ) : null}
        {!p.asked || p.asked === "withdrawn" ? (
          <a className="btn-link" href={chooseHref(p.id)}>
            {t("meetingsDelegate.parties.choose")}
          </a>
        ) : null}
      </div>
    </li>
  );
  return (
    <>
      <section className="card" aria-labelledby="parties-title">
        <h2 id="parties-title" className="text-lg font-semibold">
          {t("meetingsDelegate.parties.title")}
        </h2>
        <Form method="get" className="mt-3 flex flex-col gap-2 sm:flex-row" role="search">
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
          <div data-testid="parties">
            <p className="mt-3 text-sm text-slate-600" data-testid="parties-total">
              {t("meetingsDelegate.parties.found", { count: data.partiesTotal })}
            </p>
            <ul className="mt-1 divide-y text-sm">{data.parties.map(partyItem)}</ul>
            <Pagination page={data.partiesPage} pageSize={data.partiesPageSize} total={data.partiesTotal} />
          </div>
        )}
      </section>
      <section className="card" aria-labelledby="request-title" id="request-form">
        <h2 id="request-title" className="text-lg font-semibold">
          {t("meetingsDelegate.form.title")}
        </h2>
        <Allowance />
        <div ref={confirmation} tabIndex={-1} className="mt-3 outline-none" data-testid="request-sent">
          {sent?.done ? (
            <Notice tone="success">
              {t(sent.done, { to: pick(String(sent.params?.toVi ?? ""), String(sent.params?.toEn ?? "")) })}
            </Notice>
          ) : null}
        </div>
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
              ...choices.map((p) => ({
                value: String(p.id),
                label:
                  p.asked && p.asked !== "withdrawn"
                    ? t("meetingsDelegate.form.askedOption", {
                        name: pick(p.name_vi, p.name_en),
                        status: statusOf(p.asked),
                      })
                    : pick(p.name_vi, p.name_en),
              })),
            ]}
          />
          <SelectField
            state={state}
            name="sector"
            label={t("meetingsDelegate.form.sector")}
            required
            options={[
              { value: "", label: t("meetingsDelegate.form.sectorPick") },
              ...MEETING_SECTORS.map((code) => ({ value: code, label: t(`meetings.sector.${code}`) })),
            ]}
          />
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
                <RequestStatusBadge status={r.status} />
                <span className="block text-slate-600">
                  {sectorName(r.sector)} · {r.ask} · {t("meetingsDelegate.form.priority")} {r.priority}
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
