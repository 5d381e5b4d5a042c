import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData, useLocation } from "@remix-run/react";
import { getUser, requirePermission } from "~/auth/guards.server";
import { clientIp, resolveLocale } from "~/auth/request.server";
import { SubmitButton } from "~/components/submit-button";
import { pageMeta, useBilingual, useLocale, useT } from "~/components/i18n";
import { requestMessages } from "~/http/i18n.server";
import { ConferenceTime } from "~/components/time";
import { Badge, EmptyState, FilterChips, Notice, PageHeader } from "~/components/ui";
import { canFavourite, conferenceDays, isForEveryone, SESSION_KINDS } from "~/features/agenda/rules";
import { can } from "~/auth/permissions";
import { formValues, parseWith } from "~/platform/forms/parse";
import { formatInstant, zonedDate } from "~/lib/time";
import { addFavourite, cancelSignUp, removeFavourite, signUp } from "~/features/agenda/agenda.server";
import { sessionForm } from "~/features/agenda/forms.server";
import { getCurrentConference } from "~/features/people/conference.server";
import { requireConference } from "~/http/conference.server";
import { pickIntent } from "~/http/intent.server";
import { replyRefusal } from "~/http/refusal.server";
import { invalid } from "~/platform/types";
import { joinLinksFor } from "~/features/registration/join-links.server";
import { isLive, publishedProgramme, viewerSignUps } from "~/features/agenda/programme.server";

export const meta: MetaFunction = (args) => pageMeta(args, "nav.programme");

export async function loader({ request }: LoaderFunctionArgs) {
  const conference = await getCurrentConference();
  if (!conference)
    return json({
      messages: await requestMessages(request, "agenda"),
      conference: null,
      days: [],
      day: "",
      sessions: [],
      kinds: [],
      rooms: [],
      viewer: null,
      total: 0,
    });
  const zone = conference.time_zone;
  const url = new URL(request.url);
  const all = await publishedProgramme(conference.id);
  const days = conferenceDays(conference.starts_at, conference.ends_at, zone);
  for (const s of all) if (!days.includes(zonedDate(s.starts_at, zone))) days.push(zonedDate(s.starts_at, zone));
  days.sort();
  const asked = url.searchParams.get("day") ?? "";
  const day = days.includes(asked) ? asked : days[0];
  const ofDay = all.filter((s) => zonedDate(s.starts_at, zone) === day);
  const kind = url.searchParams.get("kind") ?? "";
  const room = url.searchParams.get("room") ?? "";
  const sessions = ofDay.filter((s) => (!kind || s.kind === kind) && (!room || String(s.room_id) === room));
  const kinds = SESSION_KINDS.filter((k) => ofDay.some((s) => s.kind === k)).map((k) => ({
    value: k,
    count: ofDay.filter((s) => s.kind === k).length,
  }));
  const roomMap = new Map<number, { value: string; vi: string; en: string }>();
  for (const s of ofDay)
    if (s.room_id !== null && s.room_vi)
      roomMap.set(s.room_id, { value: String(s.room_id), vi: s.room_vi, en: s.room_en ?? s.room_vi });
  const user = await getUser(request);
  const viewer = user && can(user.role, "register:self") ? await viewerSignUps(user.id, conference.id) : null;
  // Approved online delegates get their personal join link on every session they can attend online.
  const links = viewer?.registration
    ? await joinLinksFor({ ...viewer.registration, conference_id: conference.id })
    : [];
  const joinTokens = Object.fromEntries(links.map((l) => [l.id, l.token]));
  return json({
    messages: await requestMessages(request, "agenda"),
    conference: { title_vi: conference.title_vi, title_en: conference.title_en, time_zone: zone },
    days,
    day,
    sessions,
    total: ofDay.length,
    kinds,
    rooms: [...roomMap.values()],
    viewer: user
      ? {
          signedIn: true,
          mode: viewer?.registration?.mode ?? null,
          live: isLive(viewer?.registration?.status),
          signedUp: viewer?.signedUp ?? {},
          favourites: viewer?.favourites ?? {},
          joinTokens,
        }
      : null,
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "register:self");
  const conference = await requireConference();
  // The buttons: sign up or cancel (sessions asking for sign-up), add to or remove from My agenda (the others).
  const values = formValues(await request.formData());
  const intent = pickIntent(["signUp", "cancel", "favourite", "unfavourite"], values);
  const parsed = parseWith(sessionForm, values);
  if (!parsed.ok) return replyRefusal(invalid("programme.badSession").refusal, { ok: false as const, sessionId: null });
  const { sessionId } = parsed.data;
  const ip = clientIp(context);
  if (intent === "favourite" || intent === "unfavourite") {
    const result =
      intent === "favourite"
        ? await addFavourite(user.id, conference.id, sessionId)
        : await removeFavourite(user.id, conference.id, sessionId);
    if (!result.ok) return replyRefusal(result.refusal, { ok: false as const, sessionId });
    return json({ ok: true as const, sessionId, intent });
  }
  if (intent === "cancel") {
    const done = await cancelSignUp(user.id, conference.id, sessionId, ip);
    if (!done) return replyRefusal(invalid("programme.notSignedUp").refusal, { ok: false as const, sessionId });
    return json({ ok: true as const, sessionId, intent });
  }
  const result = await signUp(user.id, conference.id, sessionId, ip, resolveLocale(request, user.locale));
  if (!result.ok) return replyRefusal(result.refusal, { ok: false as const, sessionId });
  return json({ ok: true as const, sessionId, intent });
}

type LoaderData = ReturnType<typeof useLoaderData<typeof loader>>;
type Session = NonNullable<LoaderData["sessions"][number]>;

export default function Programme() {
  const { conference, days, day, sessions, total, kinds, rooms, viewer } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const t = useT();
  const pick = useBilingual();
  const location = useLocation();
  if (!conference) return <EmptyState title={t("programme.noConference")} />;
  const dayHref = (d: string) => {
    // The day tabs keep the filters chosen (kind, room, …): only the day changes.
    const p = new URLSearchParams(location.search);
    p.set("day", d);
    p.delete("index");
    return `?${p}`;
  };
  const doneTitle = data?.ok ? sessions.find((s) => s.id === data.sessionId) : null;
  return (
    <div className="mx-auto max-w-5xl">
      <PageHeader
        title={t("programme.title")}
        action={
          <div className="flex flex-wrap gap-2">
            <a href="/programme.pdf" className="btn-secondary">
              {t("programme.downloadPdf")}
            </a>
            <a href="/programme.ics" className="btn-secondary">
              {t("programme.addCalendar")}
            </a>
          </div>
        }
      >
        {pick(conference.title_vi, conference.title_en)}
        <p className="mt-1">{t("programme.intro")}</p>
      </PageHeader>
      {data && data.ok && doneTitle ? (
        <Notice tone="success">
          {t(`programme.done.${data.intent}`, { title: pick(doneTitle.title_vi, doneTitle.title_en) })}
        </Notice>
      ) : null}
      {data && !data.ok && data.sessionId === null ? (
        <Notice tone="error">{t(data.errors[""], data.params)}</Notice>
      ) : null}

      <nav aria-label={t("programme.days")} className="no-print mb-4">
        <div role="tablist" aria-label={t("programme.days")} className="flex flex-wrap gap-2 border-b border-slate-200">
          {days.map((d, i) => (
            <Link
              key={d}
              to={dayHref(d)}
              role="tab"
              aria-selected={d === day}
              aria-current={d === day ? "page" : undefined}
              preventScrollReset
              className={`-mb-px inline-flex min-h-11 items-center gap-1 rounded-t-md border-b-2 px-4 text-sm font-semibold ${d === day ? "border-navy-700 text-navy-800" : "border-transparent text-slate-600 hover:text-navy-700"}`}
            >
              {t("programme.day", { n: i + 1 })} · <DayLabel iso={d} />
            </Link>
          ))}
        </div>
      </nav>
      <h2 className="mb-3 hidden print:block">
        {t("programme.day", { n: days.indexOf(day) + 1 })} · <DayLabel iso={day} />
      </h2>

      <div className="mb-5 space-y-2">
        {kinds.length > 1 ? (
          <FilterChips
            name="kind"
            label={t("programme.filterKind")}
            options={kinds.map((k) => ({ value: k.value, label: t(`programme.kind.${k.value}`), count: k.count }))}
          />
        ) : null}
        {rooms.length > 1 ? (
          <FilterChips
            name="room"
            label={t("programme.filterRoom")}
            options={rooms.map((r) => ({ value: r.value, label: pick(r.vi, r.en) }))}
          />
        ) : null}
      </div>

      {sessions.length === 0 ? (
        <EmptyState title={total === 0 ? t("programme.none") : t("programme.noneFiltered")} />
      ) : (
        <ol className="space-y-4" data-testid="programme-sessions">
          {sessions.map((s) => (
            <li key={s.id}>
              <SessionCard
                s={s}
                zone={conference.time_zone}
                viewer={viewer}
                problem={
                  data && !data.ok && data.sessionId === s.id
                    ? { key: data.errors[""], params: data.params ?? {} }
                    : null
                }
              />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function DayLabel({ iso }: { iso: string }) {
  const { conference } = useLoaderData<typeof loader>();
  const locale = useLocale();
  return <>{formatInstant(`${iso}T05:00:00Z`, conference?.time_zone ?? "Asia/Ho_Chi_Minh", locale, "date")}</>;
}

function SessionCard({
  s,
  zone,
  viewer,
  problem,
}: {
  s: Session;
  zone: string;
  viewer: LoaderData["viewer"];
  problem: { key: string; params: Record<string, string | number> } | null;
}) {
  const t = useT();
  const pick = useBilingual();
  const location = useLocation();
  const description = pick(s.description_vi, s.description_en);
  const left = s.capacity === null ? null : Math.max(0, s.capacity - s.signedUpInPerson);
  const mine = viewer?.signedUp[s.id];
  return (
    <article
      id={`session-${s.id}`}
      className="card break-inside-avoid"
      data-testid="session-card"
      aria-labelledby={`session-${s.id}-title`}
    >
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0 sm:flex-1">
          <div className="mb-1 flex flex-wrap items-center gap-2">
            <Badge tone={s.kind === "break" ? "grey" : "navy"}>{t(`programme.kind.${s.kind}`)}</Badge>
            {s.requires_signup ? <Badge tone="amber">{t("programme.requiresSignUp")}</Badge> : null}
            {isForEveryone(s) ? <Badge tone="grey">{t("programme.reason.everyone")}</Badge> : null}
            {mine ? (
              <Badge tone="green">✓ {t("programme.signedUp", { mode: t(`programme.mode.${mine}`) })}</Badge>
            ) : null}
          </div>
          <h3 id={`session-${s.id}-title`} className="text-lg font-semibold text-navy-900">
            {/* The session's own page: its summary and documents once final. */}
            <Link to={`/programme/sessions/${s.id}`} className="hover:underline" data-testid="session-link">
              {pick(s.title_vi, s.title_en)}
            </Link>
          </h3>
          <p className="mt-1 text-sm text-slate-600">
            {s.room_vi ? t("programme.room", { room: pick(s.room_vi, s.room_en ?? s.room_vi) }) : t("programme.noRoom")}
          </p>
        </div>
        <div className="text-sm sm:shrink-0 sm:text-right">
          <ConferenceTime iso={s.starts_at} endIso={s.ends_at} zone={zone} />
        </div>
      </div>
      {s.people.length ? (
        <ul className="mt-3 space-y-0.5 text-sm" aria-label={t("programme.people")}>
          {s.people.map((p) => (
            <li key={p.registration_id}>
              <span className="font-semibold">{t(`programme.role.${p.role}`)}:</span> {p.full_name},{" "}
              {pick(p.organisation_vi, p.organisation_en)}
            </li>
          ))}
        </ul>
      ) : null}
      {description ? <p className="mt-3 whitespace-pre-line text-sm text-slate-700">{description}</p> : null}
      {viewer?.joinTokens[s.id] ? (
        <div className="no-print mt-3">
          <a
            className="btn-primary"
            href={`/join/${viewer.joinTokens[s.id]}`}
            target="_blank"
            rel="noreferrer"
            data-testid="join-link"
          >
            {t("programme.join")}
          </a>
        </div>
      ) : null}
      {canFavourite(s) && (!viewer || viewer.live) ? <FavouriteControl s={s} viewer={viewer} /> : null}
      {s.requires_signup ? (
        <div className="no-print mt-4 flex flex-wrap items-center gap-3 border-t border-slate-100 pt-3">
          <p className="text-sm text-slate-600">
            {left === null
              ? null
              : left > 0
                ? t("programme.placesLeft", { n: left, capacity: s.capacity! })
                : t("programme.full")}
            {viewer?.mode === "online" ? <span className="block">{t("programme.onlineUnlimited")}</span> : null}
          </p>
          {!viewer ? (
            <Link
              className="btn-secondary"
              to={`/login?redirectTo=${encodeURIComponent(`/programme${location.search}#session-${s.id}`)}`}
            >
              {t("programme.signInToSignUp")}
            </Link>
          ) : mine ? (
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
          ) : viewer.live ? (
            <Form method="post" preventScrollReset>
              <input type="hidden" name="sessionId" value={s.id} />
              <SubmitButton className="btn-primary" name="intent" value="signUp" busyWhen={{ sessionId: String(s.id) }}>
                {t("programme.signUp")}
              </SubmitButton>
            </Form>
          ) : (
            <p className="text-sm text-slate-700">{t("programme.registerToSignUp")}</p>
          )}
        </div>
      ) : null}
      {problem ? (
        <div className="mt-3">
          <Notice tone="error">{t(problem.key, problem.params)}</Notice>
        </div>
      ) : null}
    </article>
  );
}

/**
 * Adds a session without sign-up to My agenda, or takes it off: a form post without JavaScript (the
 * page comes back with its notice), a fetcher with it (the button turns at once, the page stays put).
 */
function FavouriteControl({ s, viewer }: { s: Session; viewer: LoaderData["viewer"] }) {
  const t = useT();
  const location = useLocation();
  const fetcher = useFetcher<typeof action>();
  const pending = fetcher.formData?.get("intent");
  const on = pending ? pending === "favourite" : Boolean(viewer?.favourites[s.id]);
  const refused = fetcher.data && !fetcher.data.ok ? fetcher.data : null;
  if (!viewer)
    return (
      <div className="no-print mt-4 border-t border-slate-100 pt-3">
        <Link
          className="btn-secondary"
          to={`/login?redirectTo=${encodeURIComponent(`/programme${location.search}#session-${s.id}`)}`}
        >
          {t("programme.favourite.signIn")}
        </Link>
      </div>
    );
  return (
    <fetcher.Form
      method="post"
      preventScrollReset
      className="no-print mt-4 flex flex-wrap items-center gap-3 border-t border-slate-100 pt-3"
    >
      <input type="hidden" name="sessionId" value={s.id} />
      {on ? (
        <span className="text-sm font-semibold text-emerald-800" data-testid="favourite-on">
          ★ {t("programme.favourite.on")}
        </span>
      ) : null}
      <button
        type="submit"
        name="intent"
        value={on ? "unfavourite" : "favourite"}
        className="btn-secondary"
        disabled={fetcher.state !== "idle"}
      >
        {on ? t("programme.favourite.remove") : `☆ ${t("programme.favourite.add")}`}
      </button>
      {refused ? (
        <p className="w-full text-sm text-red-700" role="alert">
          {t(refused.errors[""], refused.params)}
        </p>
      ) : null}
    </fetcher.Form>
  );
}
