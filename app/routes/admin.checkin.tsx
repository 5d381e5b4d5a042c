import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useLocation, useSubmit } from "@remix-run/react";
import { useCallback, useEffect, useId, useState } from "react";
import { requirePermission } from "~/auth/guards.server";
import { clientIp } from "~/auth/request.server";
import { CheckinOutcome, CountsPanel, PersonRow, type Outcome } from "~/features/registration/components/checkin";
import { useZodForm, ZodForm } from "~/components/form";
import { SubmitButton } from "~/components/submit-button";
import { pageMeta, useT } from "~/components/i18n";
import { requestMessages } from "~/http/i18n.server";
import { QrScanner } from "~/features/registration/components/qr-scanner";
import { EmptyState, Notice, PageHeader } from "~/components/ui";
import { checkinCodeSchema, registrationIdSchema } from "~/features/registration/checkin-schema";
import { formValues, parseWith, type FieldErrors } from "~/platform/forms/fields";
import { codeFromScan, type DoorCounts } from "~/features/registration/checkin";
import {
  checkIn,
  counts,
  findByCode,
  recentCheckIns,
  searchByName,
  SEARCH_LIMIT,
  undoCheckIn,
} from "~/features/registration/checkin.server";
import { requireConference } from "~/http/conference.server";
import { intent, parseIntent } from "~/http/intent.server";
import { refusalErrors, statusOf } from "~/http/refusal.server";
import { z } from "zod";

export const meta: MetaFunction = (args) => pageMeta(args, "checkin.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "checkin:registration");
  const conference = await requireConference();
  const q = (new URL(request.url).searchParams.get("q") ?? "").trim().slice(0, 100);
  const [results, totals, recent] = await Promise.all([
    q ? searchByName(conference.id, q) : Promise.resolve(null),
    counts(conference.id),
    recentCheckIns(conference.id),
  ]);
  return json({
    messages: await requestMessages(request, "registration"),
    q,
    results,
    counts: totals,
    recent,
    zone: conference.time_zone,
    searchLimit: SEARCH_LIMIT,
  });
}

interface Reply {
  intent: string;
  source: "camera" | "typed";
  errors: FieldErrors;
  values: Record<string, string>;
  outcome?: Outcome;
  /** The code looked up (normalised), so the page clears the field only if it still holds that code. */
  code?: string;
  undone?: string;
}
const reply = (body: Reply, status = 200) => json(body, { status });

export async function action({ request, context }: ActionFunctionArgs) {
  const Intent = z.discriminatedUnion("intent", [intent("code"), intent("checkin"), intent("undo")]);
  const user = await requirePermission(request, "checkin:registration");
  const conference = await requireConference();
  const values = formValues(await request.formData());
  const actor = { id: user.id, ip: clientIp(context) };
  const chosen = parseIntent(Intent, values).intent;
  const base = {
    intent: chosen,
    source: values.source === "camera" ? "camera" : "typed",
    errors: {},
    values: {},
  } as const;
  switch (chosen) {
    case "code": {
      const parsed = parseWith(checkinCodeSchema, values);
      if (!parsed.ok) return reply({ ...base, errors: parsed.errors, values: { code: values.code ?? "" } }, 400);
      const code = parsed.data.code;
      const person = await findByCode(conference.id, code);
      if (!person) return reply({ ...base, code, outcome: { state: "unknown", code } }, 404);
      return reply({ ...base, code, outcome: await checkIn(conference.id, person.id, actor) });
    }
    case "checkin": {
      const parsed = parseWith(registrationIdSchema, values);
      const outcome: Outcome = parsed.ok
        ? await checkIn(conference.id, parsed.data.registrationId, actor)
        : { state: "not_found" };
      return reply({ ...base, outcome }, outcome.state === "not_found" ? 404 : 200);
    }
    case "undo": {
      const parsed = parseWith(registrationIdSchema, values);
      if (!parsed.ok) return reply({ ...base, errors: { "": "checkin.undoNothing" } }, 400);
      const result = await undoCheckIn(conference.id, parsed.data.registrationId, actor);
      if (!result.ok) return reply({ ...base, errors: refusalErrors(result.refusal) }, statusOf(result.refusal.kind));
      return reply({ ...base, undone: result.name });
    }
  }
}

/** Counts polled from /admin/checkin/counts every few seconds; the freshest of poll and page wins. */
function useLiveCounts(fromPage: DoorCounts) {
  const [polled, setPolled] = useState<DoorCounts | null>(null);
  const [live, setLive] = useState(false);
  useEffect(() => {
    setLive(true);
    let stopped = false;
    const poll = async () => {
      if (document.visibilityState !== "visible") return;
      try {
        const res = await fetch("/admin/checkin/counts", {
          headers: { Accept: "application/json" },
          cache: "no-store",
        });
        if (res.ok && !stopped) setPolled((await res.json()) as DoorCounts);
      } catch {
        // Offline for a moment: keep the last counts; the next poll tries again.
      }
    };
    const timer = window.setInterval(() => void poll(), 5000);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
  }, []);
  return { counts: polled && polled.at > fromPage.at ? polled : fromPage, live };
}

export default function CheckIn() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const t = useT();
  const location = useLocation();
  const submit = useSubmit();
  const searchId = useId();
  const { counts: liveCounts, live } = useLiveCounts(data.counts);
  const now = liveCounts.at;

  const codeForm = useZodForm(checkinCodeSchema, {
    defaultValues: { code: "" },
    feedback: result?.intent === "code" ? result : null,
  });
  const outcome = (result?.outcome as Outcome | undefined) ?? null;
  const { form } = codeForm;
  useEffect(() => {
    // Ready for the next person, without the mouse: after every answer (check-in, refusal, unknown code, undo)
    // the field is empty and has the focus again, except after a scan (a phone would open its keyboard).
    // A next code already being typed (or sent by a keyboard-wedge scanner) while the answer came is kept.
    if (!result || (!result.outcome && !result.undone)) return;
    const current = form.getValues("code") ?? "";
    if (!current.trim() || !result.code || codeFromScan(current) === result.code) form.reset({ code: "" });
    if (result.source !== "typed") return;
    form.setFocus("code");
    // On a phone the answer sits under the field: bring it into sight, the focus staying in the field.
    requestAnimationFrame(() =>
      document.querySelector('[data-testid="checkin-result"]')?.scrollIntoView({ block: "nearest" }),
    );
  }, [result, form]);
  // Keep the camera picture where it is: a scan's result shows under it, not at the top.
  const onScan = useCallback(
    (code: string) => submit({ intent: "code", source: "camera", code }, { method: "post", preventScrollReset: true }),
    [submit],
  );
  const codeField = form.register("code");
  // Leaving the field empty (to use the camera or the search) is not an error: validate on blur only what was typed.
  const onCodeBlur: typeof codeField.onBlur = (event) =>
    event.target.value ? codeField.onBlur(event) : Promise.resolve();
  const codeError = codeForm.errorFor("code");

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader title={t("checkin.title")}>{t("checkin.intro")}</PageHeader>

      <CountsPanel counts={liveCounts} live={live} refreshHref={`${location.pathname}${location.search}`} />

      <section className="card" aria-labelledby="code-heading">
        <h2 id="code-heading" className="sr-only">
          {t("checkin.code.heading")}
        </h2>
        <ZodForm state={codeForm} className="space-y-3">
          <input type="hidden" name="intent" value="code" />
          <input type="hidden" name="source" value="typed" />
          <label htmlFor="checkin-code" className="label text-base">
            {t("checkin.code.label")}
          </label>
          <div className="flex flex-col gap-3 sm:flex-row">
            <input
              id="checkin-code"
              {...codeField}
              onBlur={onCodeBlur}
              defaultValue={codeForm.defaults.code}
              className="input h-14 flex-1 font-mono text-2xl uppercase tracking-widest"
              // The desk's one field: the officer types or scans a code as soon as the page opens.
              // eslint-disable-next-line jsx-a11y/no-autofocus
              autoFocus
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              enterKeyHint="go"
              maxLength={64}
              placeholder="K7QM-3XPA-9T2D"
              aria-invalid={codeError ? true : undefined}
              aria-describedby={codeError ? "checkin-code-error checkin-code-hint" : "checkin-code-hint"}
            />
            <SubmitButton name="intent" value="code" className="btn-primary h-14 px-6 text-base">
              {t("checkin.checkIn")}
            </SubmitButton>
          </div>
          {codeError ? (
            <p id="checkin-code-error" className="field-error">
              {t(codeError)}
            </p>
          ) : null}
          <p id="checkin-code-hint" className="text-xs text-slate-500">
            {t("checkin.code.hint")}
          </p>
        </ZodForm>
      </section>

      {outcome && result?.source !== "camera" ? <CheckinOutcome outcome={outcome} zone={data.zone} now={now} /> : null}
      {result?.undone ? <Notice tone="success">{t("checkin.undone", { name: result.undone })}</Notice> : null}
      {result?.intent === "undo" && result.errors[""] ? <Notice tone="error">{t(result.errors[""])}</Notice> : null}

      <QrScanner
        onCode={onScan}
        feedback={
          outcome && result?.source === "camera" ? (
            <CheckinOutcome outcome={outcome} zone={data.zone} now={now} />
          ) : null
        }
      />

      <section className="card" aria-labelledby={`${searchId}-heading`}>
        <h2 id={`${searchId}-heading`}>{t("checkin.search.heading")}</h2>
        <Form method="get" role="search" className="mt-3 flex flex-col gap-2 sm:flex-row">
          <label htmlFor={`${searchId}-q`} className="sr-only">
            {t("checkin.search.label")}
          </label>
          <input
            id={`${searchId}-q`}
            name="q"
            type="search"
            defaultValue={data.q}
            className="input h-11 flex-1 text-base"
            placeholder={t("checkin.search.placeholder")}
            autoComplete="off"
          />
          <button type="submit" className="btn-secondary h-11">
            {t("common.search")}
          </button>
        </Form>
        {data.results ? (
          data.results.length === 0 ? (
            <div className="mt-4">
              <EmptyState title={t("checkin.search.empty", { q: data.q })} />
            </div>
          ) : (
            <>
              <p className="mt-3 text-sm text-slate-600" role="status">
                {t("checkin.search.results", { count: data.results.length, q: data.q })}
                {data.results.length >= data.searchLimit ? ` ${t("checkin.search.limited")}` : ""}
              </p>
              <ul className="mt-2 divide-y divide-slate-100" data-testid="checkin-search-results">
                {data.results.map((p) => (
                  <PersonRow key={p.id} person={p} zone={data.zone} now={now} action="checkin" />
                ))}
              </ul>
            </>
          )
        ) : null}
      </section>

      <section aria-labelledby="recent-heading">
        <h2 id="recent-heading" className="mb-2">
          {t("checkin.recent.heading")}
        </h2>
        {data.recent.length === 0 ? (
          <p className="text-sm text-slate-600">{t("checkin.recent.empty")}</p>
        ) : (
          <ul className="card divide-y divide-slate-100 p-0 px-4" data-testid="checkin-recent">
            {data.recent.map((p) => (
              <PersonRow key={p.id} person={p} zone={data.zone} now={now} action="undo" />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
