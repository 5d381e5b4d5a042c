import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/guards.server";
import { clientIp } from "~/auth/request.server";
import { SubmitButton } from "~/components/submit-button";
import { pageMeta, useBilingual, useLocale, useT } from "~/components/i18n";
import { requestMessages } from "~/http/i18n.server";
import { MeetingPlace } from "~/features/meetings/components/meeting-place";
import { ConferenceTime } from "~/components/time";
import { Badge, EmptyState, Notice, PageHeader } from "~/components/ui";
import { formValues, parseWith } from "~/platform/forms/parse";
import { formatInstant, zonedDate } from "~/lib/time";
import { cancelSignUp } from "~/features/agenda/agenda.server";
import { myAgendaIntents, sessionForm } from "~/features/agenda/forms.server";
import { getCurrentConference } from "~/features/people/conference.server";
import { requireConference } from "~/http/conference.server";
import { parseIntent } from "~/http/intent.server";
import { replyRefusal } from "~/http/refusal.server";
import { invalid } from "~/platform/types";
import { personalPlacedMeetings } from "~/features/meetings/meeting-outcomes.server";
import { publicUrl } from "~/features/people/invitations.server";
import { personalAgenda } from "~/features/agenda/programme.server";

export const meta: MetaFunction = (args) => pageMeta(args, "programme.myAgenda.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "register:self");
  const conference = await getCurrentConference();
  if (!conference)
    return json({
      messages: await requestMessages(request, "agenda", "meetings"),
      conference: null,
      registration: null,
      days: [],
      meetings: [],
      base: "",
    });
  const [{ registration, sessions }, meetings] = await Promise.all([
    personalAgenda(user.id, conference.id),
    personalPlacedMeetings(user.id, conference.id),
  ]);
  const zone = conference.time_zone;
  const days: Array<{ day: string; sessions: typeof sessions }> = [];
  for (const s of sessions) {
    const day = zonedDate(s.starts_at, zone);
    const last = days[days.length - 1];
    if (last?.day === day) last.sessions.push(s);
    else days.push({ day, sessions: [s] });
  }
  return json({
    messages: await requestMessages(request, "agenda", "meetings"),
    conference: { title_vi: conference.title_vi, title_en: conference.title_en, time_zone: zone },
    registration: registration ? { mode: registration.mode, status: registration.status } : null,
    days,
    meetings,
    base: publicUrl(),
  });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "register:self");
  const conference = await requireConference();
  const values = formValues(await request.formData());
  parseIntent(myAgendaIntents, values);
  const parsed = parseWith(sessionForm, values);
  if (!parsed.ok) return replyRefusal(invalid("programme.badSession").refusal, { ok: false as const });
  const done = await cancelSignUp(user.id, conference.id, parsed.data.sessionId, clientIp(context));
  if (!done) return replyRefusal(invalid("programme.notSignedUp").refusal, { ok: false as const });
  return json({ ok: true as const });
}

export default function MyAgenda() {
  const { conference, registration, days, meetings, base } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const t = useT();
  const pick = useBilingual();
  const locale = useLocale();
  if (!conference) return <EmptyState title={t("programme.noConference")} />;
  const empty = days.length === 0 && meetings.length === 0;
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
      {data?.ok ? <Notice tone="success">{t("programme.done.cancelled")}</Notice> : null}
      {data && !data.ok ? <Notice tone="error">{t(data.errors[""])}</Notice> : null}
      {!registration ? (
        <EmptyState title={t("programme.myAgenda.noRegistration")}>
          <Link to="/programme" className="btn-secondary mt-2">
            {t("programme.myAgenda.seeProgramme")}
          </Link>
        </EmptyState>
      ) : days.length === 0 ? (
        <EmptyState title={t("programme.myAgenda.empty")}>
          <p>{t("programme.myAgenda.emptyHint")}</p>
          <Link to="/programme" className="btn-primary mt-3">
            {t("programme.myAgenda.seeProgramme")}
          </Link>
        </EmptyState>
      ) : (
        <div className="space-y-6" data-testid="my-agenda">
          {days.map(({ day, sessions }) => (
            <section key={day} aria-labelledby={`day-${day}`}>
              <h2 id={`day-${day}`} className="mb-3 text-lg">
                {formatInstant(`${day}T05:00:00Z`, conference.time_zone, locale, "longDate")}
              </h2>
              <ol className="space-y-3">
                {sessions.map((s) => (
                  <li key={s.id} className="card break-inside-avoid" data-testid="agenda-item">
                    <div className="flex flex-wrap items-start justify-between gap-3">
                      <div className="min-w-0 flex-1">
                        <div className="mb-1 flex flex-wrap gap-2">
                          <Badge tone="navy">{t(`programme.kind.${s.kind}`)}</Badge>
                          {s.role ? (
                            <Badge tone="amber">
                              {t("programme.myAgenda.yourRole", { role: t(`programme.role.${s.role}`) })}
                            </Badge>
                          ) : null}
                          {s.signedUpMode ? (
                            <Badge tone="green">
                              ✓ {t("programme.signedUp", { mode: t(`programme.mode.${s.signedUpMode}`) })}
                            </Badge>
                          ) : null}
                        </div>
                        <h3 className="font-semibold text-navy-900">{pick(s.title_vi, s.title_en)}</h3>
                        <p className="text-sm text-slate-600">
                          {s.room_vi
                            ? t("programme.room", { room: pick(s.room_vi, s.room_en ?? s.room_vi) })
                            : t("programme.noRoom")}
                        </p>
                        {s.people.length ? (
                          <p className="mt-1 text-sm text-slate-700">
                            {s.people.map((p) => `${t(`programme.role.${p.role}`)}: ${p.full_name}`).join(" · ")}
                          </p>
                        ) : null}
                      </div>
                      <div className="text-sm sm:text-right">
                        <ConferenceTime iso={s.starts_at} endIso={s.ends_at} zone={conference.time_zone} />
                      </div>
                    </div>
                    <div className="no-print mt-3 flex flex-wrap gap-3">
                      {s.joinToken ? (
                        <a className="btn-primary" href={`/join/${s.joinToken}`} target="_blank" rel="noreferrer">
                          {t("programme.join")}
                        </a>
                      ) : null}
                      {s.signedUpMode ? (
                        <Form method="post">
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
                    </div>
                    {s.joinToken ? (
                      <p className="mt-2 hidden break-all text-xs print:block">
                        {t("programme.joinOnline")}: {base}/join/{s.joinToken}
                      </p>
                    ) : null}
                  </li>
                ))}
              </ol>
            </section>
          ))}
        </div>
      )}
      {meetings.length ? (
        <section aria-labelledby="meetings-heading" className="mt-8" data-testid="my-meetings">
          <h2 id="meetings-heading" className="mb-3 text-lg">
            {t("programme.meetings.heading")}
          </h2>
          <ol className="space-y-3">
            {meetings.map((m) => (
              <li key={m.id} className="card break-inside-avoid">
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div className="min-w-0 flex-1">
                    <h3 className="font-semibold text-navy-900">{pick(m.counterpart_vi, m.counterpart_en)}</h3>
                    <p className="text-sm text-slate-600">
                      {m.sector}
                      {m.ask ? ` · ${m.ask}` : ""}
                    </p>
                    <div className="mt-1">
                      <MeetingPlace place={m.place} />
                    </div>
                  </div>
                  <div className="text-sm sm:text-right">
                    <ConferenceTime iso={m.starts_at} endIso={m.ends_at} zone={conference.time_zone} />
                  </div>
                </div>
              </li>
            ))}
          </ol>
        </section>
      ) : (
        <p className="mt-6 text-sm text-slate-600">{t("programme.myAgenda.bilateralNote")}</p>
      )}
    </div>
  );
}
