import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/guards.server";
import { clientIp } from "~/auth/request.server";
import { SubmitButton } from "~/components/submit-button";
import { pageMeta, useBilingual, useLocale, useRootData, useT } from "~/components/i18n";
import { requestMessages } from "~/http/i18n.server";
import { MeetingPlace } from "~/features/meetings/components/meeting-place";
import { Badge, EmptyState, Notice, PageHeader } from "~/components/ui";
import { formValues, parseWith } from "~/platform/forms/parse";
import { formatInstant, formatRange, offsetLabel, zoneCity, zonesDiffer } from "~/lib/time";
import { cancelSignUp, removeFavourite } from "~/features/agenda/agenda.server";
import { sessionForm } from "~/features/agenda/forms.server";
import { groupByDay } from "~/features/agenda/rules";
import { sectorLabel } from "~/features/meetings/rules";
import { getCurrentConference } from "~/features/people/conference.server";
import { requireConference } from "~/http/conference.server";
import { pickIntent } from "~/http/intent.server";
import { replyRefusal } from "~/http/refusal.server";
import { invalid } from "~/platform/types";
import { personalPlacedMeetings } from "~/features/meetings/meeting-outcomes.server";
import { publicUrl } from "~/features/people/invitations.server";
import { personalAgenda } from "~/features/agenda/programme.server";

export const meta: MetaFunction = (args) => pageMeta(args, "programme.myAgenda.title");

/** One line of the day: a session or a bilateral meeting, by id (the rows are in `sessions` and `meetings`). */
type Entry = { type: "session" | "meeting"; id: number; starts_at: string; ends_at: string };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "register:self");
  const conference = await getCurrentConference();
  if (!conference)
    return json({
      messages: await requestMessages(request, "agenda", "meetings"),
      conference: null,
      registration: null,
      days: [],
      sessions: [],
      meetings: [],
      base: "",
    });
  const [{ registration, sessions }, meetings] = await Promise.all([
    personalAgenda(user.id, conference.id),
    personalPlacedMeetings(user.id, conference.id),
  ]);
  const zone = conference.time_zone;
  // The whole day in time order: the sessions and the meetings together.
  const entries: Entry[] = [
    ...sessions.map((s) => ({ type: "session" as const, id: s.id, starts_at: s.starts_at, ends_at: s.ends_at })),
    ...meetings.map((m) => ({ type: "meeting" as const, id: m.id, starts_at: m.starts_at, ends_at: m.ends_at })),
  ];
  const days = groupByDay(entries, zone).map(({ day, items }) => ({
    day,
    items: items.map(({ type, id }) => ({ type, id })),
  }));
  return json({
    messages: await requestMessages(request, "agenda", "meetings"),
    conference: { title_vi: conference.title_vi, title_en: conference.title_en, time_zone: zone },
    registration: registration ? { mode: registration.mode, status: registration.status } : null,
    days,
    sessions,
    meetings,
    base: publicUrl(),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "register:self");
  const conference = await requireConference();
  // The page's buttons: cancel a sign-up, take a chosen session off the agenda.
  const values = formValues(await request.formData());
  const intent = pickIntent(["cancel", "unfavourite"], values);
  const parsed = parseWith(sessionForm, values);
  if (!parsed.ok) return replyRefusal(invalid("programme.badSession").refusal, { ok: false as const });
  if (intent === "unfavourite") {
    const result = await removeFavourite(user.id, conference.id, parsed.data.sessionId);
    if (!result.ok) return replyRefusal(result.refusal, { ok: false as const });
    return json({ ok: true as const, intent });
  }
  const done = await cancelSignUp(user.id, conference.id, parsed.data.sessionId, clientIp(context));
  if (!done) return replyRefusal(invalid("programme.notSignedUp").refusal, { ok: false as const });
  return json({ ok: true as const, intent });
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type AgendaSession = NonNullable<LoaderData["sessions"][number]>;
type AgendaMeeting = NonNullable<LoaderData["meetings"][number]>;

export default function MyAgenda() {
  const { conference, registration, days, sessions, meetings } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const t = useT();
  const pick = useBilingual();
  const locale = useLocale();
  if (!conference) return <EmptyState title={t("programme.noConference")} />;
  const empty = days.length === 0;
  const sessionById = new Map(sessions.map((s) => [s.id, s]));
  const meetingById = new Map(meetings.map((m) => [m.id, m]));
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader
        title={t("programme.myAgenda.title")}
        action={
          empty ? undefined : (
            <div className="flex flex-wrap gap-2">
              <a href="/my-agenda.ics" className="btn-primary" download>
                {t("programme.myAgenda.downloadIcs")}
              </a>
              <button type="button" className="btn-secondary" onClick={() => window.print()}>
                {t("programme.print")}
              </button>
            </div>
          )
        }
      >
        {pick(conference.title_vi, conference.title_en)}
        <p className="mt-1">{t("programme.myAgenda.intro")}</p>
      </PageHeader>
      {data?.ok ? (
        <Notice tone="success">
          {t(data.intent === "unfavourite" ? "programme.done.unfavourited" : "programme.done.cancelled")}
        </Notice>
      ) : null}
      {data && !data.ok ? <Notice tone="error">{t(data.errors[""], data.params)}</Notice> : null}
      {!registration ? (
        <EmptyState title={t("programme.myAgenda.noRegistration")}>
          <Link to="/programme" className="btn-secondary mt-2">
            {t("programme.myAgenda.seeProgramme")}
          </Link>
        </EmptyState>
      ) : empty ? (
        <EmptyState title={t("programme.myAgenda.empty")}>
          <p>{t("programme.myAgenda.emptyHint")}</p>
          <Link to="/programme" className="btn-primary mt-3">
            {t("programme.myAgenda.seeProgramme")}
          </Link>
        </EmptyState>
      ) : (
        <div className="space-y-8" data-testid="my-agenda">
          {days.map(({ day, items }) => (
            <section key={day} aria-labelledby={`day-${day}`}>
              <div className="mb-3 flex flex-wrap items-baseline justify-between gap-x-3 border-b border-slate-200 pb-1">
                <h2 id={`day-${day}`} className="text-lg">
                  {formatInstant(`${day}T05:00:00Z`, conference.time_zone, locale, "longDate")}
                </h2>
                <span className="text-xs text-slate-500">
                  {t("time.conferenceZone", { offset: offsetLabel(`${day}T05:00:00Z`, conference.time_zone) })}
                </span>
              </div>
              <ol className="space-y-3">
                {items.map((item) => {
                  const s = item.type === "session" ? sessionById.get(item.id) : undefined;
                  const m = item.type === "meeting" ? meetingById.get(item.id) : undefined;
                  return (
                    <li key={`${item.type}-${item.id}`} className="break-inside-avoid">
                      {s ? <SessionEntry s={s} /> : m ? <MeetingEntry m={m} /> : null}
                    </li>
                  );
                })}
              </ol>
            </section>
          ))}
        </div>
      )}
      {registration && meetings.length === 0 ? (
        <p className="mt-6 text-sm text-slate-600">{t("programme.myAgenda.bilateralNote")}</p>
      ) : null}
    </div>
  );
}

/** The time column of an entry: "08:00–10:00" in the conference's zone, and in the viewer's where it differs. */
function Hours({ from, to }: { from: string; to: string }) {
  const { conference } = useLoaderData<typeof loader>();
  const locale = useLocale();
  const t = useT();
  const zone = conference?.time_zone ?? "Asia/Ho_Chi_Minh";
  const viewerZone = useRootData()?.viewerZone ?? zone;
  return (
    <div className="sm:w-32 sm:shrink-0">
      <p className="text-base font-semibold tabular-nums text-navy-900">
        <time dateTime={from}>{formatInstant(from, zone, locale, "time")}</time>–
        <time dateTime={to}>{formatInstant(to, zone, locale, "time")}</time>
      </p>
      {zonesDiffer(from, zone, viewerZone) ? (
        <p className="text-xs text-slate-600" data-testid="viewer-time">
          {t("time.yourZone", {
            time: formatRange(from, to, viewerZone, locale, true),
            city: zoneCity(viewerZone),
            offset: offsetLabel(from, viewerZone),
          })}
        </p>
      ) : null}
    </div>
  );
}

function SessionEntry({ s }: { s: AgendaSession }) {
  const { base } = useLoaderData<typeof loader>();
  const t = useT();
  const pick = useBilingual();
  return (
    <article
      className="card flex flex-col gap-2 sm:flex-row sm:gap-4"
      data-testid="agenda-item"
      data-type="session"
      data-reasons={s.reasons.join(" ")}
      aria-labelledby={`agenda-session-${s.id}`}
    >
      <Hours from={s.starts_at} to={s.ends_at} />
      <div className="min-w-0 flex-1">
        <div className="mb-1 flex flex-wrap gap-2">
          <Badge tone="navy">{t(`programme.kind.${s.kind}`)}</Badge>
          {s.role ? (
            <Badge tone="amber">{t("programme.myAgenda.yourRole", { role: t(`programme.role.${s.role}`) })}</Badge>
          ) : null}
          {s.signedUpMode ? (
            <Badge tone="green">✓ {t("programme.signedUp", { mode: t(`programme.mode.${s.signedUpMode}`) })}</Badge>
          ) : null}
          {s.reasons.includes("favourite") ? <Badge tone="green">★ {t("programme.reason.favourite")}</Badge> : null}
          {s.reasons.includes("everyone") ? <Badge tone="grey">{t("programme.reason.everyone")}</Badge> : null}
        </div>
        <h3 id={`agenda-session-${s.id}`} className="font-semibold text-navy-900">
          <Link to={`/programme#session-${s.id}`} className="hover:underline">
            {pick(s.title_vi, s.title_en)}
          </Link>
        </h3>
        <p className="text-sm text-slate-600">
          {s.room_vi ? t("programme.room", { room: pick(s.room_vi, s.room_en ?? s.room_vi) }) : t("programme.noRoom")}
        </p>
        {s.people.length ? (
          <p className="mt-1 text-sm text-slate-700">
            {s.people.map((p) => `${t(`programme.role.${p.role}`)}: ${p.full_name}`).join(" · ")}
          </p>
        ) : null}
        {s.joinToken || s.signedUpMode || s.reasons.includes("favourite") ? (
          <div className="no-print mt-3 flex flex-wrap gap-3">
            {s.joinToken ? (
              <a className="btn-primary" href={`/join/${s.joinToken}`} target="_blank" rel="noreferrer">
                {t("programme.join")}
              </a>
            ) : null}
            {s.signedUpMode ? (
              <Form method="post" preventScrollReset>
                <input type="hidden" name="sessionId" value={s.id} />
                <SubmitButton
                  className="btn-secondary"
                  name="intent"
                  value="cancel"
                  busyWhen={{ sessionId: String(s.id) }}
                >
                  {t("programme.cancelSignUp")}
                </SubmitButton>
              </Form>
            ) : null}
            {s.reasons.includes("favourite") ? (
              <Form method="post" preventScrollReset>
                <input type="hidden" name="sessionId" value={s.id} />
                <SubmitButton
                  className="btn-secondary"
                  name="intent"
                  value="unfavourite"
                  busyWhen={{ sessionId: String(s.id) }}
                >
                  {t("programme.favourite.remove")}
                </SubmitButton>
              </Form>
            ) : null}
          </div>
        ) : null}
        {s.joinToken ? (
          <p className="mt-2 hidden break-all text-xs print:block">
            {t("programme.joinOnline")}: {base}/join/{s.joinToken}
          </p>
        ) : null}
      </div>
    </article>
  );
}

function MeetingEntry({ m }: { m: AgendaMeeting }) {
  const t = useT();
  const pick = useBilingual();
  return (
    <article
      className="card flex flex-col gap-2 border-l-4 border-l-amber-400 sm:flex-row sm:gap-4"
      data-testid="agenda-item"
      data-type="meeting"
      data-reasons="meeting"
      aria-labelledby={`agenda-meeting-${m.id}`}
    >
      <Hours from={m.starts_at} to={m.ends_at} />
      <div className="min-w-0 flex-1">
        <div className="mb-1 flex flex-wrap gap-2">
          <Badge tone="amber">{t("programme.meetings.heading")}</Badge>
          <Badge tone="grey">{t("programme.reason.meeting")}</Badge>
        </div>
        <h3 id={`agenda-meeting-${m.id}`} className="font-semibold text-navy-900">
          {pick(m.counterpart_vi, m.counterpart_en)}
        </h3>
        <p className="text-sm text-slate-600">
          {sectorLabel(t, m.sector)}
          {m.ask ? ` · ${m.ask}` : ""}
        </p>
        <div className="mt-1">
          <MeetingPlace place={m.place} />
        </div>
      </div>
    </article>
  );
}
