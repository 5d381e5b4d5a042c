import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useFetcher, useLoaderData, useSearchParams } from "@remix-run/react";
import { useState, type DragEvent } from "react";
import { z } from "zod";
import { requirePermission } from "~/auth/guards.server";
import { clientIp } from "~/auth/request.server";
import { pageMeta, useBilingual, useT } from "~/components/i18n";
import { requestMessages } from "~/http/i18n.server";
import { Badge, EmptyState, Notice, PageHeader } from "~/components/ui";
import { conferenceDays } from "~/features/agenda/rules";
import { formValues } from "~/platform/forms/fields";
import { utcToZonedLocal } from "~/lib/time";
import { listRooms, listSessions, setPublished } from "~/features/agenda/agenda.server";
import { getCurrentConference } from "~/features/people/conference.server";
import { requireConference } from "~/http/conference.server";
import { flash, ownUrl } from "~/http/flash.server";
import { intent as intentOf, parseIntent } from "~/http/intent.server";
import type { MessageParams } from "~/platform/types";

export const meta: MetaFunction = (args) => pageMeta(args, "nav.programme");

const SLOT = 15; // minutes per row
const toMinutes = (hm: string) => Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3, 5));
const toClock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "update:agenda");
  const conference = await getCurrentConference();
  if (!conference)
    return json({
      messages: await requestMessages(request, "agenda"),
      done: null,
      conference: null,
      days: [],
      day: "",
      rooms: [],
      sessions: [],
      totals: { sessions: 0, drafts: 0 },
    });
  const zone = conference.time_zone;
  const days = conferenceDays(conference.starts_at, conference.ends_at, zone);
  const asked = new URL(request.url).searchParams.get("day") ?? "";
  const day = days.includes(asked) ? asked : days[0];
  const [rooms, all] = await Promise.all([
    listRooms(conference.id),
    listSessions(conference.id, { includeDrafts: true }),
  ]);
  const sessions = all
    .map((s) => ({ s, start: utcToZonedLocal(s.starts_at, zone), end: utcToZonedLocal(s.ends_at, zone) }))
    .filter(({ start }) => start.slice(0, 10) === day)
    .map(({ s, start, end }) => ({
      id: s.id,
      kind: s.kind,
      title_vi: s.title_vi,
      title_en: s.title_en,
      room_id: s.room_id,
      room_vi: s.room_vi,
      room_en: s.room_en,
      published: s.published === 1,
      people: s.people.length,
      start: start.slice(11),
      // A session running past midnight is drawn to the end of the day.
      end: end.slice(0, 10) === day ? end.slice(11) : "23:59",
    }));
  const done = await publishedAll().take(request);
  return json(
    {
      done: done.value,
      messages: await requestMessages(request, "agenda"),
      conference: { zone },
      days,
      day,
      rooms: rooms.map((r) => ({ id: r.id, name_vi: r.name_vi, name_en: r.name_en, capacity: r.capacity })),
      sessions,
      totals: { sessions: sessions.length, drafts: sessions.filter((s) => !s.published).length },
    },
    { headers: done.headers },
  );
}

/**
 * What "publish all" / "unpublish all" did, shown once after the redirect (post/redirect/get: no ?index left).
 * A function, called only by the loader and the action: the browser build drops it with them.
 */
const publishedAll = () =>
  flash(
    "nv_agenda_done",
    "/admin/agenda",
    z.object({ intent: z.enum(["publishAll", "unpublishAll"]), n: z.number().int().min(0) }),
  );

export async function action({ request, context }: ActionFunctionArgs) {
  // The page's one form: every session published, or every one back to draft. (Here, in the action, it stays out of the browser bundle.)
  const Intent = z.discriminatedUnion("intent", [intentOf("publishAll"), intentOf("unpublishAll")]);
  const user = await requirePermission(request, "update:agenda");
  const conference = await requireConference();
  const { intent } = parseIntent(Intent, formValues(await request.formData()));
  const n = await setPublished(conference.id, "all", intent === "publishAll", { id: user.id, ip: clientIp(context) });
  return redirect(ownUrl(request), { headers: { "Set-Cookie": await publishedAll().set({ intent, n }) } });
}

const kindTone: Record<string, string> = {
  plenary: "border-navy-600 bg-navy-50",
  discussion: "border-emerald-600 bg-emerald-50",
  diplomatic_corps: "border-purple-600 bg-purple-50",
  meeting_block: "border-amber-600 bg-amber-50",
  exhibition_opening: "border-accent-600 bg-red-50",
  break: "border-slate-400 bg-slate-100",
  other: "border-slate-600 bg-white",
};

type MoveResult = {
  ok?: boolean;
  problems: Array<{ key: string; params?: MessageParams }>;
  errors: Record<string, string>;
  title: string;
  notified?: number;
};

export default function AgendaEditor() {
  const { conference, days, day, rooms, sessions, totals, done } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const t = useT();
  const pick = useBilingual();
  const fetcher = useFetcher<MoveResult>();
  const [dragging, setDragging] = useState<number | null>(null);
  const [over, setOver] = useState<string | null>(null);

  if (!conference) return <EmptyState title={t("agendaUi.title")}>{t("agendaUi.noConference")}</EmptyState>;

  // 07:00–19:00, widened to fit any session that falls outside.
  const first = Math.min(7 * 60, ...sessions.map((s) => Math.floor(toMinutes(s.start) / 60) * 60));
  const last = Math.max(19 * 60, ...sessions.map((s) => Math.ceil(toMinutes(s.end) / 60) * 60));
  const slots = Array.from({ length: (last - first) / SLOT }, (_, i) => first + i * SLOT);
  const columns: Array<{ id: number | null; label: string; sub?: string }> = [
    ...rooms.map((r) => ({ id: r.id, label: pick(r.name_vi, r.name_en), sub: `${r.capacity}` })),
    { id: null, label: t("agendaUi.noRoom") },
  ];
  const colOf = (roomId: number | null) => columns.findIndex((c) => c.id === roomId) + 2;
  const rowOf = (m: number) => Math.floor((m - first) / SLOT) + 2;
  const endRowOf = (m: number) => Math.ceil((m - first) / SLOT) + 2;

  const drop = (event: DragEvent, slot: number, roomId: number | null) => {
    event.preventDefault();
    setOver(null);
    const id = Number(event.dataTransfer.getData("text/x-session") || dragging);
    const s = sessions.find((x) => x.id === id);
    setDragging(null);
    if (!s) return;
    const duration = toMinutes(s.end) - toMinutes(s.start);
    const end = Math.min(slot + duration, 23 * 60 + 59);
    fetcher.submit(
      {
        intent: "move",
        day,
        startTime: toClock(slot),
        endTime: toClock(end),
        roomId: roomId === null ? "" : String(roomId),
      },
      { method: "post", action: `/admin/agenda/${id}` },
    );
  };
  const moving = fetcher.state !== "idle";
  const result = fetcher.state === "idle" ? fetcher.data : undefined;

  return (
    <div>
      <PageHeader
        title={t("agendaUi.title")}
        action={
          <div className="flex flex-wrap gap-2">
            <Link to="/admin/rooms" className="btn-secondary">
              {t("agendaUi.manageRooms")}
            </Link>
            <Link to={`/admin/agenda/new?day=${day}`} className="btn-primary">
              {t("agendaUi.newSession")}
            </Link>
          </div>
        }
      >
        {t("agendaUi.intro", { zone: conference.zone })}
      </PageHeader>

      {done ? (
        <Notice tone="success">
          {t(done.intent === "publishAll" ? "agendaUi.publishedN" : "agendaUi.unpublishedN", { n: done.n })}
        </Notice>
      ) : null}
      {params.get("deleted") ? <Notice tone="success">{t("agendaUi.deleted")}</Notice> : null}
      {moving ? <Notice tone="info">{t("agendaUi.moving")}</Notice> : null}
      {result?.ok ? (
        <Notice tone="success">
          {t("agendaUi.moved", { title: result.title })}
          {result.notified ? ` ${t("agendaUi.savedNotified", { n: result.notified })}` : null}
        </Notice>
      ) : null}
      {result && !result.ok ? (
        <Notice tone="error">
          <p className="font-semibold">{t("agendaUi.moveRefused", { title: result.title })}</p>
          <ul className="mt-1 list-disc pl-5" data-testid="move-problems">
            {result.problems.length
              ? result.problems.map((p, i) => <li key={i}>{t(p.key, p.params)}</li>)
              : Object.values(result.errors).map((e, i) => <li key={i}>{t(e)}</li>)}
          </ul>
        </Notice>
      ) : null}

      <nav aria-label={t("agendaUi.days")} className="no-print mb-4 flex flex-wrap gap-2">
        {days.map((d, i) => (
          <Link
            key={d}
            to={`?day=${d}`}
            aria-current={d === day ? "page" : undefined}
            className={`rounded-full border px-4 py-1.5 text-sm ${d === day ? "border-navy-700 bg-navy-700 text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-100"}`}
          >
            {t("agendaUi.day", { n: i + 1 })} · {d.split("-").reverse().join("/")}
          </Link>
        ))}
      </nav>

      {rooms.length === 0 && sessions.length === 0 ? (
        <EmptyState title={t("agendaUi.emptyRooms")}>
          <p>{t("agendaUi.emptyRoomsHelp")}</p>
          <Link to="/admin/rooms" className="btn-primary mt-4 inline-block">
            {t("agendaUi.manageRooms")}
          </Link>
        </EmptyState>
      ) : (
        <>
          <div className="no-print mb-3 flex flex-wrap items-center justify-between gap-3 text-sm text-slate-600">
            <span>{t("agendaUi.counts", totals)}</span>
            <div className="flex flex-wrap gap-2">
              <Form method="post">
                <button type="submit" name="intent" value="publishAll" className="btn-secondary">
                  {t("agendaUi.publishAll")}
                </button>
              </Form>
              <Form method="post">
                <button type="submit" name="intent" value="unpublishAll" className="btn-secondary">
                  {t("agendaUi.unpublishAll")}
                </button>
              </Form>
            </div>
          </div>
          <p className="mb-2 hidden font-semibold print:block">
            {t("agendaUi.day", { n: days.indexOf(day) + 1 })} · {day.split("-").reverse().join("/")}
          </p>
          {sessions.length === 0 ? (
            <Notice tone="info">
              {t("agendaUi.emptyDay")} {t("agendaUi.emptyDayHelp")}
            </Notice>
          ) : null}
          <div className="agenda-scroll overflow-x-auto rounded-lg border border-slate-200 bg-white print:overflow-visible print:border-0">
            <div
              className="agenda-grid relative grid print:min-w-0"
              data-testid="agenda-grid"
              style={{
                gridTemplateColumns: `3.5rem repeat(${columns.length}, minmax(9.5rem, 1fr))`,
                gridTemplateRows: `auto repeat(${slots.length}, 1.25rem)`,
                minWidth: `${3.5 + columns.length * 9.5}rem`,
              }}
            >
              <div
                className="sticky left-0 z-20 border-b border-slate-300 bg-white p-2 text-xs font-semibold text-slate-500"
                style={{ gridColumn: 1, gridRow: 1 }}
              >
                {t("agendaUi.time")}
              </div>
              {columns.map((c, i) => (
                <div
                  key={c.id ?? "none"}
                  data-room-header={c.id ?? ""}
                  className="border-b border-l border-slate-300 bg-slate-50 p-2 text-sm font-semibold text-navy-900"
                  style={{ gridColumn: i + 2, gridRow: 1 }}
                >
                  {c.label}
                  {c.sub ? (
                    <span className="block text-xs font-normal text-slate-500">
                      {t("agendaUi.roomOption", { name: "", capacity: c.sub }).trim()}
                    </span>
                  ) : null}
                </div>
              ))}
              {slots.map((m, r) =>
                m % 60 === 0 ? (
                  <div
                    key={`h${m}`}
                    className="sticky left-0 z-20 border-t border-slate-200 bg-white pr-1 text-right text-xs text-slate-500"
                    style={{ gridColumn: 1, gridRow: `${r + 2} / span 4` }}
                  >
                    {toClock(m)}
                  </div>
                ) : null,
              )}
              {columns.map((c, ci) =>
                slots.map((m, r) => {
                  const key = `${c.id ?? "none"}-${m}`;
                  return (
                    <div
                      key={key}
                      data-slot={toClock(m)}
                      data-room={c.id ?? ""}
                      className={`border-l border-slate-200 ${m % 60 === 0 ? "border-t border-t-slate-200" : ""} ${over === key ? "bg-navy-100" : ""}`}
                      style={{ gridColumn: ci + 2, gridRow: r + 2 }}
                      onDragOver={(e) => {
                        if (dragging !== null) {
                          e.preventDefault();
                          setOver(key);
                        }
                      }}
                      onDrop={(e) => drop(e, m, c.id)}
                    />
                  );
                }),
              )}
              {sessions.map((s) => {
                const col = colOf(s.room_id);
                return (
                  <Link
                    key={s.id}
                    to={`/admin/agenda/${s.id}`}
                    draggable
                    onDragStart={(e) => {
                      e.dataTransfer.setData("text/x-session", String(s.id));
                      e.dataTransfer.effectAllowed = "move";
                      setDragging(s.id);
                    }}
                    onDragEnd={() => {
                      setDragging(null);
                      setOver(null);
                    }}
                    data-testid="session-block"
                    data-session={s.id}
                    title={`${s.start}–${s.end} · ${pick(s.title_vi, s.title_en)} · ${t(`agendaUi.kind.${s.kind}`)}`}
                    className={`z-10 m-0.5 overflow-hidden rounded border-l-4 px-1.5 py-0.5 text-xs leading-snug shadow-sm hover:shadow focus:outline-none focus-visible:ring-2 focus-visible:ring-navy-600 focus-visible:ring-offset-1 print:shadow-none ${kindTone[s.kind] ?? kindTone.other} ${dragging === s.id ? "opacity-50" : ""} ${dragging !== null && dragging !== s.id ? "pointer-events-none" : ""}`}
                    style={{
                      gridColumn: col > 1 ? col : columns.length + 1,
                      gridRow: `${rowOf(toMinutes(s.start))} / ${Math.max(endRowOf(toMinutes(s.end)), rowOf(toMinutes(s.start)) + 1)}`,
                    }}
                  >
                    {toMinutes(s.end) - toMinutes(s.start) < 45 ? (
                      // A short block (a break) has room for one line only.
                      <span className="block truncate font-semibold text-navy-900">
                        {s.start}–{s.end} · {pick(s.title_vi, s.title_en)}
                        {s.published ? "" : ` · ✎ ${t("agendaUi.draft")}`}
                      </span>
                    ) : (
                      <>
                        <span className="line-clamp-3 font-semibold text-navy-900">{pick(s.title_vi, s.title_en)}</span>
                        <span className="block truncate text-slate-600">
                          {s.start}–{s.end} · {t(`agendaUi.kind.${s.kind}`)}
                        </span>
                        <span className="mt-0.5 flex flex-wrap items-center gap-1 text-slate-600">
                          {s.published ? (
                            <Badge tone="green">✓ {t("agendaUi.published")}</Badge>
                          ) : (
                            <Badge tone="amber">✎ {t("agendaUi.draft")}</Badge>
                          )}
                          {s.people ? <span>{t("agendaUi.peopleCount", { n: s.people })}</span> : null}
                        </span>
                      </>
                    )}
                    <span className="sr-only">{s.room_id ? pick(s.room_vi, s.room_en) : t("agendaUi.noRoom")}</span>
                  </Link>
                );
              })}
            </div>
          </div>
          <p className="no-print mt-3 text-right">
            <PrintButton />
          </p>
        </>
      )}
    </div>
  );
}

function PrintButton() {
  const t = useT();
  return (
    <button type="button" className="btn-secondary" onClick={() => window.print()}>
      {t("agendaUi.print")}
    </button>
  );
}
