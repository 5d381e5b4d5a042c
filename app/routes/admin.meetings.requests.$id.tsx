import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { sectorLabel } from "~/features/meetings/rules";
import { useMemo, useState } from "react";
import { z } from "zod";
import { requirePermission } from "~/auth/guards.server";
import { clientIp } from "~/auth/request.server";
import { TextField, useZodForm, ZodForm } from "~/components/form";
import { SubmitButton } from "~/components/submit-button";
import { pageMeta, useBilingual, useLocale, useT } from "~/components/i18n";
import { requestMessages } from "~/http/i18n.server";
import { Badge, Notice, PageHeader } from "~/components/ui";
import { formValues, parseWith, type FieldErrors } from "~/platform/forms/fields";
import { placeSchema, videoUrlSchema } from "~/features/meetings/block-schema";
import { CONFERENCE_ZONE, formatInstant, formatRange } from "~/lib/time";
import { requireConference } from "~/http/conference.server";
import { intent as intentOf, parseIntent } from "~/http/intent.server";
import { notFound, parseId, replyRefusal } from "~/http/refusal.server";
import { requestPlacement, setMeetingVideoUrl, unplaceMeeting } from "~/features/meetings/meeting-admin.server";
import { meetingBlockOverview } from "~/features/meetings/meeting-grid.server";
import { placeMeeting } from "~/features/meetings/meetings.server";

export const meta: MetaFunction = (args) => pageMeta(args, "meetingsAdmin.placeTitle");

async function load(params: { id?: string }) {
  const conference = await requireConference();
  const { sessions } = await meetingBlockOverview(conference.id);
  if (!sessions.some((x) => x.block_id !== null)) throw redirect("/admin/meetings");
  const placement = await requestPlacement(conference.id, parseId(params.id));
  if (!placement) notFound();
  return { conference, placement };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "update:agenda");
  const { conference, placement } = await load(params);
  return json({
    messages: await requestMessages(request, "meetings"),
    zone: conference.time_zone ?? CONFERENCE_ZONE,
    ...placement,
  });
}

type ActionData = {
  intent: string;
  errors: FieldErrors;
  values?: Record<string, string>;
  params?: Record<string, string | number>;
  done?: string;
};

export async function action({ request, params, context }: ActionFunctionArgs) {
  // The page's forms: placing or moving the meeting, its video link, taking it off the schedule. (Here, in the action, it stays out of the browser bundle.)
  const Intent = z.discriminatedUnion("intent", [intentOf("place"), intentOf("video"), intentOf("unplace")]);
  const user = await requirePermission(request, "update:agenda");
  const actor = { id: user.id, ip: clientIp(context) };
  const { placement } = await load(params);
  const values = formValues(await request.formData());
  const { intent } = parseIntent(Intent, values);
  const fail = (errors: FieldErrors) => json<ActionData>({ intent, errors, values }, { status: 400 });
  switch (intent) {
    case "place": {
      const parsed = parseWith(placeSchema, values);
      if (!parsed.ok) return fail(parsed.errors);
      const result = await placeMeeting(
        placement.request.id,
        parsed.data.slotId,
        parsed.data.tableId,
        { locked: parsed.data.locked },
        actor,
      );
      // The refusal says which field it belongs beside (the slot, the table); each is a conflict with the schedule (409).
      if (!result.ok) return replyRefusal(result.refusal, { intent, values });
      return json<ActionData>({
        intent: "place",
        errors: {},
        done: placement.meeting ? "meetingsAdmin.moved" : "meetingsAdmin.placed",
      });
    }
    case "video": {
      if (!placement.meeting) return fail({ "": "meetingsAdmin.errors.notPlaced" });
      const parsed = parseWith(videoUrlSchema, values);
      if (!parsed.ok) return fail(parsed.errors);
      await setMeetingVideoUrl(placement.meeting.id, parsed.data.videoUrl, actor);
      return json<ActionData>({ intent: "video", errors: {}, done: "meetingsAdmin.videoSaved" });
    }
    case "unplace": {
      if (placement.meeting) await unplaceMeeting(placement.meeting.id, actor);
      return redirect("/admin/meetings?removed=1");
    }
  }
}

export default function PlaceMeeting() {
  const { request, meeting, slots, tables, online, zone } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  const nameOf = (orgId: number | string) =>
    Number(orgId) === request.from_organisation_id
      ? pick(request.a_vi, request.a_en)
      : Number(orgId) === request.to_organisation_id
        ? pick(request.b_vi, request.b_en)
        : String(orgId);
  const problemParams =
    data?.params?.party !== undefined ? { ...data.params, party: nameOf(data.params.party) } : data?.params;
  // One object per action result: useZodForm resets its server errors whenever the feedback changes identity.
  const placeFeedback = useMemo(
    () =>
      data?.intent === "place"
        ? {
            errors: Object.fromEntries(Object.entries(data.errors).map(([k, v]) => [k, t(v, problemParams)])),
            values: data.values,
          }
        : null,
    // eslint-disable-next-line react-hooks/exhaustive-deps -- recomputed per action result
    [data],
  );
  // A placing or move by hand is locked unless the organiser unticks it: the scheduler then keeps it.
  const defaults = {
    slotId: meeting ? String(meeting.slot_id) : "",
    tableId: meeting?.table_id ? String(meeting.table_id) : "",
    locked: "on",
  };
  const place = useZodForm(placeSchema, { defaultValues: defaults, feedback: placeFeedback });
  const video = useZodForm(videoUrlSchema, {
    defaultValues: { videoUrl: meeting?.video_url ?? "" },
    feedback: data?.intent === "video" ? data : null,
  });
  const [slotId, setSlotId] = useState(defaults.slotId);
  const chosen = slots.find((s) => String(s.id) === slotId);
  const current = meeting ? slots.find((s) => s.id === meeting.slot_id) : undefined;
  const slotNote = (s: (typeof slots)[number]) => {
    if (s.away.length) return t("meetingsAdmin.slotAway", { party: s.away.map(nameOf).join(", ") });
    if (s.occupied.length) return t("meetingsAdmin.slotBusy", { party: s.occupied.map(nameOf).join(", ") });
    if (s.freeTables.length === 0) return t("meetingsAdmin.slotFull");
    return t("meetingsAdmin.slotFree", { count: s.freeTables.length });
  };
  const slotField = place.form.register("slotId");
  // With a slot chosen, only its block's free tables (its own table counts as free for this meeting).
  const tableOptions = chosen ? tables.filter((tb) => chosen.freeTables.includes(tb.id)) : tables;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader title={t(meeting ? "meetingsAdmin.moveTitle" : "meetingsAdmin.placeTitle")}>
        <Link className="link" to="/admin/meetings">
          {t("meetingsAdmin.backToGrid")}
        </Link>
      </PageHeader>
      {data?.done ? <Notice tone="success">{t(data.done)}</Notice> : null}
      {data?.errors[""] ? <Notice tone="error">{t(data.errors[""], problemParams)}</Notice> : null}
      <section className="card" aria-labelledby="request-title">
        <h2 id="request-title" className="text-lg font-semibold">
          <Link className="link" to={`/admin/meetings/parties/${request.from_organisation_id}`}>
            {pick(request.a_vi, request.a_en)}
          </Link>{" "}
          –{" "}
          <Link className="link" to={`/admin/meetings/parties/${request.to_organisation_id}`}>
            {pick(request.b_vi, request.b_en)}
          </Link>
        </h2>
        <p className="text-sm text-slate-700">
          {sectorLabel(t, request.sector)} · {request.ask} ·{" "}
          {t("meetingsAdmin.priority", { priority: request.priority })}
        </p>
        {request.status !== "accepted" ? <Notice tone="info">{t("meetings.errors.notAccepted")}</Notice> : null}
        {online.length ? (
          <p className="mt-2 text-sm">
            <Badge tone="amber">{t("meetingsAdmin.online")}</Badge> {online.map(nameOf).join(", ")}
          </p>
        ) : null}
        {meeting ? (
          <p className="mt-2 text-sm" data-testid="current-placement">
            {t("meetingsAdmin.currentlyAt", {
              time: current ? formatRange(current.starts_at, current.ends_at, zone, locale, true) : "—",
              table: tables.find((tb) => tb.id === meeting.table_id)?.number ?? "—",
            })}
            {meeting.locked ? (
              <>
                {" "}
                · <Badge tone="grey">🔒 {t("meetingsAdmin.locked")}</Badge>
              </>
            ) : null}
          </p>
        ) : null}
      </section>
      {request.status === "accepted" ? (
        <section className="card" aria-labelledby="place-title">
          <h2 id="place-title" className="mb-3 text-lg font-semibold">
            {t(meeting ? "meetingsAdmin.moveTitle" : "meetingsAdmin.placeTitle")}
          </h2>
          <ZodForm state={place} className="grid gap-4 sm:grid-cols-2">
            <input type="hidden" name="intent" value="place" />
            <div>
              <label htmlFor="slotId" className="label">
                {t("meetingsAdmin.slot")}
              </label>
              <select
                id="slotId"
                className="input"
                {...slotField}
                onChange={(e) => {
                  void slotField.onChange(e);
                  setSlotId(e.target.value);
                }}
                aria-invalid={place.errorFor("slotId") ? true : undefined}
                aria-describedby={place.errorFor("slotId") ? "slotId-error" : undefined}
              >
                <option value="">{t("meetingsAdmin.pickSlot")}</option>
                {slots.map((s) => (
                  <option key={s.id} value={s.id}>
                    {formatRange(s.starts_at, s.ends_at, zone, locale, true)} · {slotNote(s)}
                  </option>
                ))}
              </select>
              {place.errorFor("slotId") ? (
                <p id="slotId-error" className="field-error">
                  {t(place.errorFor("slotId")!)}
                </p>
              ) : null}
            </div>
            <div>
              <label htmlFor="tableId" className="label">
                {t("meetingsAdmin.pdfTable")}
              </label>
              <select
                id="tableId"
                className="input"
                {...place.form.register("tableId")}
                aria-invalid={place.errorFor("tableId") ? true : undefined}
                aria-describedby={place.errorFor("tableId") ? "tableId-error" : undefined}
              >
                <option value="">{t("meetingsAdmin.pickTable")}</option>
                {tableOptions.map((tb) => (
                  <option key={tb.id} value={tb.id}>
                    {[
                      t("meetingsAdmin.table", { number: tb.number }),
                      tb.label,
                      pick(tb.room_vi ?? "", tb.room_en ?? ""),
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </option>
                ))}
              </select>
              {place.errorFor("tableId") ? (
                <p id="tableId-error" className="field-error">
                  {t(place.errorFor("tableId")!)}
                </p>
              ) : null}
            </div>
            <label className="flex items-center gap-2 text-sm sm:col-span-2">
              <input type="checkbox" {...place.form.register("locked")} value="on" /> {t("meetingsAdmin.lockHint")}
            </label>
            <div className="sm:col-span-2">
              <SubmitButton name="intent" value="place" busyLabel={t("common.saving")}>
                {t(meeting ? "meetingsAdmin.move" : "meetingsAdmin.place")}
              </SubmitButton>
            </div>
          </ZodForm>
        </section>
      ) : null}
      {meeting ? (
        <section className="card" aria-labelledby="video-title">
          <h2 id="video-title" className="text-lg font-semibold">
            {t("meetingsAdmin.videoTitle")}
          </h2>
          <p className="mb-3 text-sm text-slate-600">{t("meetingsAdmin.videoHint")}</p>
          <ZodForm state={video} className="flex flex-wrap items-end gap-3">
            <input type="hidden" name="intent" value="video" />
            <TextField
              state={video}
              name="videoUrl"
              label={t("meetingsAdmin.videoUrl")}
              type="url"
              placeholder="https://"
              className="min-w-[20rem] flex-1"
            />
            <SubmitButton name="intent" value="video" busyLabel={t("common.saving")}>
              {t("common.save")}
            </SubmitButton>
          </ZodForm>
        </section>
      ) : null}
      {meeting && (meeting.outcome || meeting.follow_up) ? (
        <section className="card" aria-labelledby="outcome-title">
          <h2 id="outcome-title" className="text-lg font-semibold">
            {t("meetingsAdmin.outcomeTitle")}
          </h2>
          {meeting.outcome ? (
            <p className="whitespace-pre-line text-sm">
              <strong>{t("meetingsAdmin.outcome")}:</strong> {meeting.outcome}
            </p>
          ) : null}
          {meeting.follow_up ? (
            <p className="whitespace-pre-line text-sm">
              <strong>{t("meetingsAdmin.followUp")}:</strong> {meeting.follow_up}
            </p>
          ) : null}
          {meeting.outcome_recorded_at ? (
            <p className="text-xs text-slate-500">
              {t("meetingsAdmin.recordedBy", {
                name: meeting.recorded_by ?? "—",
                time: formatInstant(meeting.outcome_recorded_at, zone, locale, "dateTime"),
              })}
            </p>
          ) : null}
        </section>
      ) : null}
      {meeting ? (
        <Form method="post">
          <input type="hidden" name="intent" value="unplace" />
          <SubmitButton name="intent" value="unplace" className="btn-secondary">
            {t("meetingsAdmin.unplace")}
          </SubmitButton>
        </Form>
      ) : null}
    </div>
  );
}
