import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requirePermission } from "~/auth/guards.server";
import { clientIp } from "~/auth/request.server";
import { TextAreaField, TextField, useZodForm, ZodForm } from "~/components/form";
import { SubmitButton } from "~/components/submit-button";
import { pageMeta, useBilingual, useT } from "~/components/i18n";
import { requestMessages } from "~/http/i18n.server";
import { DataTable } from "~/components/data-table";
import { EmptyState, Notice, PageHeader } from "~/components/ui";
import { roomSchema } from "~/features/agenda/schema";
import { formValues, parseWith } from "~/platform/forms/fields";
import { requireConference } from "~/http/conference.server";
import { intent as intentOf, parseIntent } from "~/http/intent.server";
import { replyRefusal } from "~/http/refusal.server";
import { notFound, type MessageParams } from "~/platform/types";
import { deleteRoom, listRooms, saveRoom } from "~/features/agenda/agenda.server";

export const meta: MetaFunction = (args) => pageMeta(args, "agendaUi.roomsTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "update:agenda");
  const conference = await requireConference();
  const rooms = await listRooms(conference.id);
  const editId = Number(new URL(request.url).searchParams.get("edit"));
  const editing = rooms.find((r) => r.id === editId) ?? null;
  return json({ messages: await requestMessages(request, "agenda"), rooms, editing });
}

type ActionData = {
  intent: string;
  errors: Record<string, string>;
  values: Record<string, string>;
  params?: MessageParams;
  done?: { key: string; name?: string };
  at?: number;
};

export async function action({ request, context }: ActionFunctionArgs) {
  // The page's forms: a room saved (new or changed), a room deleted. (Here, in the action, it stays out of the browser bundle.)
  const Intent = z.discriminatedUnion("intent", [intentOf("save"), intentOf("delete")]);
  const user = await requirePermission(request, "update:agenda");
  const conference = await requireConference();
  const values = formValues(await request.formData());
  const { intent } = parseIntent(Intent, values);
  const actor = { id: user.id, ip: clientIp(context) };
  if (intent === "save") {
    const parsed = parseWith(roomSchema, values);
    if (!parsed.ok) return json<ActionData>({ intent: "save", errors: parsed.errors, values }, { status: 400 });
    const id = values.id ? Number(values.id) : null;
    if (id !== null && !Number.isInteger(id)) return replyRefusal(notFound().refusal, { intent, values });
    const result = await saveRoom(conference.id, id, parsed.data, actor);
    if (!result.ok) return replyRefusal(result.refusal, { intent, values });
    return json<ActionData>({
      intent: "save",
      errors: {},
      values: {},
      done: { key: "agendaUi.roomSaved", name: parsed.data.nameVi },
      at: Date.now(),
    });
  }
  if (intent === "delete") {
    const result = await deleteRoom(conference.id, Number(values.id), actor);
    if (!result.ok) return replyRefusal(result.refusal, { intent, values: {} });
    return json<ActionData>({ intent: "delete", errors: {}, values: {}, done: { key: "agendaUi.roomDeleted" } });
  }
}

const blank = { nameVi: "", nameEn: "", capacity: "", streamUrl: "", notes: "" };

export default function Rooms() {
  const { rooms, editing } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const t = useT();
  const pick = useBilingual();
  const feedback = data?.intent === "save" && !data.done ? data : null;
  return (
    <div className="space-y-8">
      <PageHeader
        title={t("agendaUi.roomsTitle")}
        action={
          <Link to="/admin/agenda" className="btn-secondary">
            {t("agendaUi.back")}
          </Link>
        }
      >
        {t("agendaUi.roomsIntro")}
      </PageHeader>
      {data?.done ? <Notice tone="success">{t(data.done.key, { name: data.done.name ?? "" })}</Notice> : null}
      {data?.intent === "delete" && data.errors[""] ? (
        <Notice tone="error">{t(data.errors[""], data.params)}</Notice>
      ) : null}

      <DataTable
        empty={<EmptyState title={t("agendaUi.emptyRooms")}>{t("agendaUi.noRooms")}</EmptyState>}
        rows={rooms}
        rowKey={(r) => r.id}
        rowProps={() => ({ "data-testid": "room-row" })}
        columns={[
          {
            key: "room",
            header: t("agendaUi.room"),
            cell: (r) => (
              <>
                <span className="font-medium">{pick(r.name_vi, r.name_en)}</span>
                {r.notes ? <span className="block text-xs text-slate-500">{r.notes}</span> : null}
              </>
            ),
          },
          { key: "capacity", header: t("agendaUi.roomCapacity"), cell: (r) => r.capacity },
          {
            key: "stream",
            header: t("agendaUi.roomStream"),
            className: "break-all text-xs",
            cell: (r) => r.stream_url ?? "—",
          },
          { key: "sessions", header: t("agendaUi.roomSessions"), cell: (r) => r.sessions },
          {
            key: "actions",
            header: t("common.actions"),
            hideHeader: true,
            cell: (r) => (
              <div className="flex flex-wrap gap-3">
                <Link to={`?edit=${r.id}`} className="btn-link">
                  {t("agendaUi.edit")}
                </Link>
                <Form method="post">
                  <input type="hidden" name="intent" value="delete" />
                  <input type="hidden" name="id" value={r.id} />
                  <button type="submit" className="btn-link text-accent-700">
                    {t("agendaUi.deleteRoom")}
                  </button>
                </Form>
              </div>
            ),
          },
        ]}
      />

      <section className="card" aria-labelledby="room-form-heading">
        <h2 id="room-form-heading" className="mb-4">
          {editing ? t("agendaUi.editRoom") : t("agendaUi.newRoom")}
        </h2>
        {/* A new key (another room, or a save) starts the form afresh. */}
        <RoomForm key={`${editing?.id ?? "new"}-${data?.at ?? ""}`} editing={editing} feedback={feedback} />
      </section>
    </div>
  );
}

function RoomForm({
  editing,
  feedback,
}: {
  editing: {
    id: number;
    name_vi: string;
    name_en: string;
    capacity: number;
    stream_url: string | null;
    notes: string;
  } | null;
  feedback: ActionData | null;
}) {
  const t = useT();
  const defaults = editing
    ? {
        nameVi: editing.name_vi,
        nameEn: editing.name_en,
        capacity: String(editing.capacity),
        streamUrl: editing.stream_url ?? "",
        notes: editing.notes,
      }
    : blank;
  const state = useZodForm(roomSchema, { defaultValues: defaults, feedback });
  return (
    <ZodForm state={state} className="grid gap-4 sm:grid-cols-2">
      {editing ? <input type="hidden" name="id" value={editing.id} /> : null}
      <TextField state={state} name="nameVi" label={t("agendaUi.roomNameVi")} required />
      <TextField state={state} name="nameEn" label={t("agendaUi.roomNameEn")} required />
      <TextField state={state} name="capacity" label={t("agendaUi.roomCapacity")} inputMode="numeric" required />
      <TextField state={state} name="streamUrl" label={t("agendaUi.roomStream")} type="url" placeholder="https://" />
      <TextAreaField state={state} name="notes" label={t("agendaUi.roomNotes")} className="sm:col-span-2" rows={2} />
      <div className="flex flex-wrap gap-3 sm:col-span-2">
        <SubmitButton name="intent" value="save" busyLabel={t("common.saving")}>
          {editing ? t("common.save") : t("agendaUi.newRoom")}
        </SubmitButton>
        {editing ? (
          <Link to="/admin/rooms" className="btn-secondary">
            {t("agendaUi.cancelEdit")}
          </Link>
        ) : null}
      </div>
    </ZodForm>
  );
}
