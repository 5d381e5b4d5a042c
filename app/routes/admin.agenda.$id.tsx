import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useEffect, useId, useState } from "react";
import { z } from "zod";
import { requirePermission } from "~/auth/guards.server";
import { clientIp, resolveLocale } from "~/auth/request.server";
import { SelectField, TextAreaField, TextField, useZodForm, ZodForm } from "~/components/form";
import { SubmitButton } from "~/components/submit-button";
import { pageMeta, useBilingual, useT } from "~/components/i18n";
import { requestMessages } from "~/http/i18n.server";
import { Badge, Notice, PageHeader } from "~/components/ui";
import { conferenceDays, SESSION_KINDS, SESSION_ROLES, type SessionRole } from "~/features/agenda/rules";
import { translate } from "~/http/i18n.server";
import { sessionSchema } from "~/features/agenda/schema";
import { formValues, parseWith } from "~/platform/forms/fields";
import { foldForSearch } from "~/lib/text";
import { utcToZonedLocal } from "~/lib/time";
import { listSessionCandidates } from "~/features/agenda/agenda-people.server";
import {
  deleteSession,
  listRooms,
  listSessions,
  saveSession,
  setPublished,
  type SessionPerson,
} from "~/features/agenda/agenda.server";
import { signUpsBeyondPlaces } from "~/features/agenda/session-places.server";
import { SignUpsOver } from "~/features/agenda/components/sign-ups-over";
import { blockFollowsSession } from "~/features/meetings/meetings.server";
import { requireConference } from "~/http/conference.server";
import { intent as intentOf, parseIntent } from "~/http/intent.server";
import { notFound, parseId, statusOf } from "~/http/refusal.server";
import type { MessageParams, Refusal } from "~/platform/types";

export const meta: MetaFunction = (args) => pageMeta(args, "programme.pdf.session");

type People = Record<SessionRole, number[]>;
const noPeople = (): People => ({ chair: [], speaker: [], rapporteur: [] });

async function context(params: { id?: string }) {
  const conference = await requireConference();
  const id = params.id === "new" ? null : parseId(params.id);
  const session =
    id === null ? null : (await listSessions(conference.id, { includeDrafts: true })).find((s) => s.id === id);
  if (id !== null && !session) notFound();
  return { conference, id, session: session ?? null };
}

/** A session's stored fields as the form shows them (wall clock in the conference's zone). */
function formOf(s: NonNullable<Awaited<ReturnType<typeof context>>["session"]>, zone: string) {
  // Empty means "use the room's capacity"; a number is the session's own.
  const capacity = s.ownCapacity === null ? "" : String(s.ownCapacity);
  const start = utcToZonedLocal(s.starts_at, zone);
  return {
    kind: s.kind,
    titleVi: s.title_vi,
    titleEn: s.title_en,
    descriptionVi: s.description_vi,
    descriptionEn: s.description_en,
    day: start.slice(0, 10),
    startTime: start.slice(11),
    endTime: utcToZonedLocal(s.ends_at, zone).slice(11),
    roomId: s.room_id === null ? "" : String(s.room_id),
    requiresSignup: s.requires_signup ? "on" : "",
    capacity,
    streamUrl: s.stream_url ?? "",
  };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "update:agenda");
  const { conference, session } = await context(params);
  const zone = conference.time_zone;
  const days = conferenceDays(conference.starts_at, conference.ends_at, zone);
  const [rooms, candidates, over] = await Promise.all([
    listRooms(conference.id),
    listSessionCandidates(conference.id),
    session ? signUpsBeyondPlaces(conference.id, session.id) : Promise.resolve(null),
  ]);
  const url = new URL(request.url);
  const q = (k: string) => url.searchParams.get(k) ?? "";
  const values = session
    ? formOf(session, zone)
    : {
        kind: "plenary",
        titleVi: "",
        titleEn: "",
        descriptionVi: "",
        descriptionEn: "",
        day: days.includes(q("day")) ? q("day") : days[0],
        startTime: /^\d\d:\d\d$/.test(q("start")) ? q("start") : "09:00",
        endTime: /^\d\d:\d\d$/.test(q("end")) ? q("end") : "10:00",
        roomId: q("room"),
        requiresSignup: "",
        capacity: "",
        streamUrl: "",
      };
  const people = noPeople();
  for (const p of session?.people ?? []) people[p.role as SessionRole].push(p.registration_id);
  return json({
    messages: await requestMessages(request, "agenda"),
    zone,
    days,
    values,
    people,
    rooms: rooms.map((r) => ({ id: r.id, name_vi: r.name_vi, name_en: r.name_en, capacity: r.capacity })),
    // Only what the pickers show of each candidate (their position and status stay out of the page).
    candidates: candidates.map((c) => ({
      id: c.id,
      full_name: c.full_name,
      organisation_vi: c.organisation_vi,
      organisation_en: c.organisation_en,
    })),
    over,
    session: session
      ? {
          id: session.id,
          published: session.published === 1,
          titleVi: session.title_vi,
          signedUpInPerson: session.signedUpInPerson,
          signedUpOnline: session.signedUpOnline,
        }
      : null,
  });
}

/** Chairs, then speakers, then rapporteurs, each in the order sent; null when an id is not a number. */
function peopleFrom(formData: FormData): { people: People; list: SessionPerson[] } | null {
  const people = noPeople();
  for (const role of SESSION_ROLES) {
    for (const v of formData.getAll(role)) {
      const n = Number(v);
      if (typeof v !== "string" || !Number.isInteger(n) || n <= 0) return null;
      if (!people[role].includes(n)) people[role].push(n);
    }
  }
  return {
    people,
    list: SESSION_ROLES.flatMap((role) => people[role].map((registrationId) => ({ registrationId, role }))),
  };
}

/** A refusal as the page lists it: its message and what the message names. */
type Problem = { key: string; params?: MessageParams };
const problemsOf = (refusals: Refusal[]): Problem[] => refusals.map(({ key, params }) => ({ key, params }));

/** The form's field errors: the first refusal beside each field, translated with its details where it names the clash. */
function errorsOf(refusals: Refusal[], locale: "vi" | "en") {
  const out: Record<string, string> = {};
  for (const r of refusals) out[r.field ?? ""] ??= r.params ? translate(locale, r.key, r.params) : r.key;
  return out;
}

export async function action({ request, params, context: ctx }: ActionFunctionArgs) {
  // The page's forms: the session saved, moved (on the timetable), published or back to draft, deleted; a post without an intent saves. (Here, in the action, it stays out of the browser bundle.)
  const Intent = z.discriminatedUnion("intent", [
    intentOf("save"),
    intentOf("move"),
    intentOf("publish"),
    intentOf("unpublish"),
    intentOf("delete"),
  ]);
  const user = await requirePermission(request, "update:agenda");
  const { conference, id, session } = await context(params);
  const formData = await request.formData();
  const values = formValues(formData);
  const actor = { id: user.id, ip: clientIp(ctx) };
  const locale = resolveLocale(request, user.locale);
  const { intent } = parseIntent(Intent, { ...values, intent: values.intent ?? "save" });

  if (intent === "save" || intent === "move") {
    let input = values;
    let picked = peopleFrom(formData);
    if (intent === "move") {
      // A move keeps everything but the day, the times and the room.
      if (!session) notFound();
      const current = formOf(session, conference.time_zone);
      input = {
        ...current,
        day: values.day ?? "",
        startTime: values.startTime ?? "",
        endTime: values.endTime ?? "",
        roomId: values.roomId ?? "",
      };
      const people = noPeople();
      for (const p of session.people) people[p.role as SessionRole].push(p.registration_id);
      picked = {
        people,
        list: session.people.map((p) => ({ registrationId: p.registration_id, role: p.role as SessionRole })),
      };
    }
    const base = { intent, values: input, people: picked?.people ?? noPeople(), title: session?.title_vi ?? "" };
    const parsed = parseWith(sessionSchema, input);
    if (!parsed.ok || !picked) {
      const errors = {
        ...(parsed.ok ? {} : parsed.errors),
        ...(picked ? {} : { people: "agenda.errors.unknownPerson" }),
      };
      return json({ ...base, errors, problems: [] as Problem[] }, { status: 400 });
    }
    // A meeting block's slots and meetings follow its session (the meetings' reaction, in the same transaction).
    // Fewer places than are signed up is saved only once confirmed (the save form's checkbox; a move never confirms).
    const result = await saveSession(conference.id, id, parsed.data, picked.list, actor, {
      onChange: blockFollowsSession,
      confirmOver: intent === "save" && values.confirmOver === "1",
    });
    if (!result.ok && result.refusal.key === "agenda.errors.capacityBelowSignUps") {
      const errors = errorsOf([result.refusal], locale);
      return json({ ...base, errors, problems: problemsOf([result.refusal]), confirmOver: true }, { status: 409 });
    }
    if (!result.ok) {
      const errors = errorsOf(result.clashes.length ? result.clashes : [result.refusal], locale);
      return json({ ...base, errors, problems: problemsOf(result.clashes) }, { status: statusOf(result.refusal.kind) });
    }
    if (intent === "move")
      return json({ ...base, ok: true, errors: {}, problems: [] as Problem[], notified: result.notified });
    return redirect(`/admin/agenda/${result.id}?saved=1${result.notified ? `&notified=${result.notified}` : ""}`);
  }
  if (!session) notFound();
  if (intent === "publish" || intent === "unpublish") {
    await setPublished(conference.id, [session.id], intent === "publish", actor);
    return redirect(`/admin/agenda/${session.id}?done=${intent}`);
  }
  if (intent === "delete") {
    const result = await deleteSession(conference.id, session.id, actor);
    if (!result.ok)
      return json(
        {
          intent,
          problems: problemsOf([result.refusal]),
          errors: {},
          values,
          people: noPeople(),
          title: session.title_vi,
        },
        { status: statusOf(result.refusal.kind) },
      );
    return redirect(
      `/admin/agenda?day=${utcToZonedLocal(session.starts_at, conference.time_zone).slice(0, 10)}&deleted=1`,
    );
  }
}

export default function SessionEditor() {
  const loaded = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [params] = useSearchParams();
  const t = useT();
  const { session } = loaded;
  const notified = Number(params.get("notified") ?? 0);
  const done = params.get("done");
  return (
    <div className="mx-auto max-w-4xl">
      <PageHeader
        title={session ? t("agendaUi.editSession") : t("agendaUi.createSession")}
        action={
          <Link to={`/admin/agenda?day=${loaded.values.day}`} className="btn-secondary">
            {t("agendaUi.back")}
          </Link>
        }
      >
        {session ? (
          <span className="flex flex-wrap items-center gap-2">
            {session.published ? (
              <Badge tone="green">✓ {t("agendaUi.published")}</Badge>
            ) : (
              <Badge tone="amber">✎ {t("agendaUi.draft")}</Badge>
            )}
            <span>{t("agendaUi.signups", { inPerson: session.signedUpInPerson, online: session.signedUpOnline })}</span>
          </span>
        ) : null}
      </PageHeader>
      {params.get("saved") && !data ? (
        <Notice tone="success">{notified ? t("agendaUi.savedNotified", { n: notified }) : t("common.saved")}</Notice>
      ) : null}
      {done && !data ? (
        <Notice tone="success">{t(done === "publish" ? "agendaUi.publishedOne" : "agendaUi.unpublishedOne")}</Notice>
      ) : null}
      {data?.problems.length ? (
        <Notice tone="error">
          <p className="font-semibold">{t("agendaUi.refused")}</p>
          <ul className="mt-1 list-disc pl-5" data-testid="problems">
            {data.problems.map((p, i) => (
              <li key={i}>{t(p.key, p.params)}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <SessionForm key={`${session?.id ?? "new"}`} />
      {loaded.over ? <SignUpsOver over={loaded.over} zone={loaded.zone} /> : null}
      {session ? (
        <div className="no-print mt-6 flex flex-wrap gap-3">
          <Form method="post">
            <input type="hidden" name="intent" value={session.published ? "unpublish" : "publish"} />
            <button type="submit" className="btn-secondary">
              {session.published ? t("agendaUi.unpublish") : t("agendaUi.publish")}
            </button>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value="delete" />
            <button type="submit" className="btn-danger">
              {t("agendaUi.delete")}
            </button>
          </Form>
        </div>
      ) : null}
    </div>
  );
}

function SessionForm() {
  const { values, people, rooms, days, zone } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const t = useT();
  const pick = useBilingual();
  const feedback =
    data && data.intent === "save" ? { errors: data.errors as Record<string, string>, values: data.values } : null;
  const state = useZodForm(sessionSchema, { defaultValues: values, feedback });
  const signupDefault = (feedback ? feedback.values.requiresSignup : values.requiresSignup) === "on";
  const dayOptions = days.includes(state.defaults.day) || !state.defaults.day ? days : [state.defaults.day, ...days];
  return (
    <div className="card">
      <ZodForm state={state} className="grid gap-4 sm:grid-cols-2">
        <SelectField
          state={state}
          name="kind"
          label={t("agendaUi.kind")}
          required
          className="sm:col-span-2"
          options={SESSION_KINDS.map((k) => ({ value: k, label: t(`agendaUi.kind.${k}`) }))}
        />
        <TextField state={state} name="titleVi" label={t("agendaUi.titleVi")} required className="sm:col-span-2" />
        <TextField state={state} name="titleEn" label={t("agendaUi.titleEn")} required className="sm:col-span-2" />
        <TextAreaField state={state} name="descriptionVi" label={t("agendaUi.descriptionVi")} rows={3} />
        <TextAreaField state={state} name="descriptionEn" label={t("agendaUi.descriptionEn")} rows={3} />
        <SelectField
          state={state}
          name="day"
          label={t("agendaUi.dayField")}
          required
          hint={zone}
          options={dayOptions.map((d) => ({
            value: d,
            label: days.includes(d)
              ? `${t("agendaUi.day", { n: days.indexOf(d) + 1 })} · ${d.split("-").reverse().join("/")}`
              : d,
          }))}
        />
        <div className="grid grid-cols-2 gap-4">
          <TextField state={state} name="startTime" label={t("agendaUi.startTime")} type="time" required />
          <TextField state={state} name="endTime" label={t("agendaUi.endTime")} type="time" required />
        </div>
        <SelectField
          state={state}
          name="roomId"
          label={t("agendaUi.room")}
          options={[
            { value: "", label: t("agendaUi.noRoom") },
            ...rooms.map((r) => ({
              value: String(r.id),
              label: t("agendaUi.roomOption", { name: pick(r.name_vi, r.name_en), capacity: r.capacity }),
            })),
          ]}
        />
        <TextField
          state={state}
          name="capacity"
          label={t("agendaUi.capacity")}
          inputMode="numeric"
          hint={t("agendaUi.capacityHint")}
        />
        {data && "confirmOver" in data && data.confirmOver ? (
          <label className="flex items-start gap-2 text-sm sm:col-span-2" data-testid="confirm-over">
            <input type="checkbox" name="confirmOver" value="1" className="mt-1 h-4 w-4" />
            <span>{t("agendaUi.confirmOver")}</span>
          </label>
        ) : null}
        <TextField
          state={state}
          name="streamUrl"
          label={t("agendaUi.streamUrl")}
          type="url"
          placeholder="https://"
          className="sm:col-span-2"
        />
        <label className="flex items-center gap-2 text-sm font-semibold text-slate-800 sm:col-span-2">
          <input type="checkbox" name="requiresSignup" defaultChecked={signupDefault} className="h-4 w-4" />
          {t("agendaUi.requiresSignup")}
        </label>
        <PeopleEditor
          initial={data?.people ?? people}
          error={(data?.errors as Record<string, string> | undefined)?.people}
        />
        <div className="sm:col-span-2">
          <SubmitButton name="intent" value="save" busyLabel={t("common.saving")}>
            {t("common.save")}
          </SubmitButton>
        </div>
      </ZodForm>
    </div>
  );
}

/** Without JavaScript, a <select multiple> per role; with it, a search-as-you-type picker that keeps the order of choice. */
function PeopleEditor({ initial, error }: { initial: People; error?: string }) {
  const { candidates } = useLoaderData<typeof loader>();
  const t = useT();
  const pick = useBilingual();
  const [hydrated, setHydrated] = useState(false);
  const [chosen, setChosen] = useState<People>(initial);
  useEffect(() => setHydrated(true), []);
  useEffect(() => setChosen(initial), [initial]);
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const label = (id: number) => {
    const c = byId.get(id);
    return c ? `${c.full_name} · ${pick(c.organisation_vi, c.organisation_en)}` : `#${id}`;
  };
  return (
    <fieldset className="space-y-4 sm:col-span-2" aria-describedby={error ? "people-error" : undefined}>
      <legend className="label">{t("agendaUi.people")}</legend>
      <p className="text-xs text-slate-500">{t("agendaUi.peopleHint")}</p>
      {error ? (
        <p id="people-error" className="field-error">
          {t(error)}
        </p>
      ) : null}
      <div className="grid gap-4 md:grid-cols-3">
        {SESSION_ROLES.map((role) =>
          hydrated ? (
            <RolePicker
              key={role}
              role={role}
              ids={chosen[role]}
              label={label}
              onChange={(ids) => setChosen((c) => ({ ...c, [role]: ids }))}
            />
          ) : (
            <div key={role}>
              <label htmlFor={`people-${role}`} className="label">
                {t(`agendaUi.role.${role}`)}
              </label>
              <select
                id={`people-${role}`}
                name={role}
                multiple
                size={6}
                className="input"
                defaultValue={initial[role].map(String)}
              >
                {candidates.map((c) => (
                  <option key={c.id} value={c.id}>
                    {label(c.id)}
                  </option>
                ))}
              </select>
              <p className="mt-1 text-xs text-slate-500">{t("agendaUi.selectHint")}</p>
            </div>
          ),
        )}
      </div>
    </fieldset>
  );
}

function RolePicker({
  role,
  ids,
  label,
  onChange,
}: {
  role: SessionRole;
  ids: number[];
  label: (id: number) => string;
  onChange: (ids: number[]) => void;
}) {
  const { candidates } = useLoaderData<typeof loader>();
  const t = useT();
  const [query, setQuery] = useState("");
  const inputId = useId();
  const folded = foldForSearch(query);
  const matches = folded
    ? candidates
        .filter(
          (c) =>
            !ids.includes(c.id) &&
            foldForSearch(`${c.full_name} ${c.organisation_vi} ${c.organisation_en}`).includes(folded),
        )
        .slice(0, 8)
    : [];
  const [active, setActive] = useState(0);
  const add = (id: number) => {
    onChange([...ids, id]);
    setQuery("");
    setActive(0);
  };
  const move = (i: number, d: number) => {
    const next = [...ids];
    [next[i], next[i + d]] = [next[i + d], next[i]];
    onChange(next);
  };
  return (
    <div className="rounded-md border border-slate-200 p-3" data-testid={`picker-${role}`}>
      <p className="mb-2 text-sm font-semibold">{t(`agendaUi.role.${role}`)}</p>
      {ids.length === 0 ? <p className="text-xs text-slate-500">{t("agendaUi.nobody")}</p> : null}
      <ol className="space-y-1">
        {ids.map((id, i) => (
          <li key={id} className="flex items-start gap-1 text-sm">
            <input type="hidden" name={role} value={id} />
            <span className="min-w-0 flex-1 break-words">
              {i + 1}. {label(id)}
            </span>
            <button
              type="button"
              className="btn-link px-1"
              disabled={i === 0}
              onClick={() => move(i, -1)}
              aria-label={`${t("agendaUi.moveUp")}: ${label(id)}`}
            >
              ↑
            </button>
            <button
              type="button"
              className="btn-link px-1"
              disabled={i === ids.length - 1}
              onClick={() => move(i, 1)}
              aria-label={`${t("agendaUi.moveDown")}: ${label(id)}`}
            >
              ↓
            </button>
            <button
              type="button"
              className="btn-link px-1 text-accent-700"
              onClick={() => onChange(ids.filter((x) => x !== id))}
              aria-label={`${t("agendaUi.remove")}: ${label(id)}`}
            >
              ✕
            </button>
          </li>
        ))}
      </ol>
      <label htmlFor={inputId} className="sr-only">
        {t("agendaUi.searchPerson")} ({t(`agendaUi.role.${role}`)})
      </label>
      {/* A combobox: the options are inside the listbox only, chosen with the arrows and Enter or by a tap. */}
      <input
        id={inputId}
        type="search"
        role="combobox"
        aria-expanded={matches.length > 0}
        aria-controls={`${inputId}-list`}
        aria-autocomplete="list"
        aria-activedescendant={matches[active] ? `${inputId}-opt-${matches[active].id}` : undefined}
        className="input mt-2"
        value={query}
        placeholder={t("agendaUi.searchPerson")}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setActive((a) => Math.min(a + 1, matches.length - 1));
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === "Enter") {
            e.preventDefault();
            if (matches[active]) add(matches[active].id);
          } else if (e.key === "Escape" && query) {
            e.preventDefault();
            setQuery("");
          }
        }}
        autoComplete="off"
      />
      {matches.length ? (
        <ul
          id={`${inputId}-list`}
          className="mt-1 max-h-48 overflow-y-auto rounded-md border border-slate-200"
          role="listbox"
          aria-label={t("agendaUi.searchPerson")}
        >
          {matches.map((c, i) => (
            <li
              key={c.id}
              id={`${inputId}-opt-${c.id}`}
              role="option"
              aria-selected={i === active}
              className={`flex min-h-11 cursor-pointer items-center px-2 py-1 text-left text-sm hover:bg-navy-50 ${i === active ? "bg-navy-50" : ""}`}
              onMouseDown={(e) => {
                // Keeps the focus in the search field, which the keyboard uses to choose.
                e.preventDefault();
                add(c.id);
              }}
              onMouseEnter={() => setActive(i)}
            >
              {label(c.id)}
            </li>
          ))}
        </ul>
      ) : null}
      <p role="status" className={folded && !matches.length ? "mt-1 text-xs text-slate-600" : "sr-only"}>
        {folded && !matches.length ? t("agendaUi.noPerson") : ""}
      </p>
    </div>
  );
}
