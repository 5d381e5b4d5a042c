import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { forbidden, requirePermission } from "~/auth/guards.server";
import { clientIp } from "~/auth/request.server";
import { SubmitButton, TextAreaField, TextField, useZodForm, ZodForm } from "~/components/form";
import { useBilingual, useT } from "~/components/i18n";
import { EmptyState, Notice, PageHeader } from "~/components/ui";
import { roomSchema } from "~/features/agenda/schema";
import { formValues, parseWith } from "~/platform/forms/fields";
import { getCurrentConference } from "~/features/people/conference.server";
import { deleteRoom, listRooms, saveRoom, type Problem } from "~/features/agenda/agenda.server";

export const meta: MetaFunction = () => [{ title: "Phòng họp · Hội nghị Ngoại vụ" }];

async function conferenceOr404() {
  const conference = await getCurrentConference();
  if (!conference) throw json({ message: "error.notFound.title" }, { status: 404 });
  return conference;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "update:agenda");
  const conference = await conferenceOr404();
  const rooms = await listRooms(conference.id);
  const editId = Number(new URL(request.url).searchParams.get("edit"));
  const editing = rooms.find((r) => r.id === editId) ?? null;
  return json({ rooms, editing });
}

type ActionData = { intent: string; errors: Record<string, string>; values: Record<string, string>; problem?: Problem; done?: { key: string; name?: string }; at?: number };

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "update:agenda");
  const conference = await conferenceOr404();
  const values = formValues(await request.formData());
  const actor = { id: user.id, ip: clientIp(context) };
  if (values.intent === "save") {
    const parsed = parseWith(roomSchema, values);
    if (!parsed.ok) return json<ActionData>({ intent: "save", errors: parsed.errors, values }, { status: 400 });
    const id = values.id ? Number(values.id) : null;
    if (id !== null && !Number.isInteger(id)) return json<ActionData>({ intent: "save", errors: { "": "error.notFound.title" }, values }, { status: 404 });
    const result = await saveRoom(conference.id, id, parsed.data, actor);
    if (!result.ok) return json<ActionData>({ intent: "save", errors: result.errors, values }, { status: result.errors[""] ? 404 : 400 });
    return json<ActionData>({ intent: "save", errors: {}, values: {}, done: { key: "agendaUi.roomSaved", name: parsed.data.nameVi }, at: Date.now() });
  }
  if (values.intent === "delete") {
    const result = await deleteRoom(conference.id, Number(values.id), actor);
    if (!result.ok) return json<ActionData>({ intent: "delete", errors: {}, values: {}, problem: result.problem }, { status: 409 });
    return json<ActionData>({ intent: "delete", errors: {}, values: {}, done: { key: "agendaUi.roomDeleted" } });
  }
  forbidden();
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
      <PageHeader title={t("agendaUi.roomsTitle")} action={<Link to="/admin/agenda" className="btn-secondary">{t("agendaUi.back")}</Link>}>
        {t("agendaUi.roomsIntro")}
      </PageHeader>
      {data?.done ? <Notice tone="success">{t(data.done.key, { name: data.done.name ?? "" })}</Notice> : null}
      {data?.problem ? <Notice tone="error">{t(data.problem.key, data.problem.params)}</Notice> : null}

      {rooms.length === 0 ? (
        <EmptyState title={t("agendaUi.emptyRooms")}>{t("agendaUi.noRooms")}</EmptyState>
      ) : (
        <div className="card overflow-x-auto p-0">
          <table className="table table-stack">
            <thead>
              <tr>
                <th scope="col">{t("agendaUi.room")}</th>
                <th scope="col">{t("agendaUi.roomCapacity")}</th>
                <th scope="col">{t("agendaUi.roomStream")}</th>
                <th scope="col">{t("agendaUi.roomSessions")}</th>
                <th scope="col"><span className="sr-only">{t("common.actions")}</span></th>
              </tr>
            </thead>
            <tbody>
              {rooms.map((r) => (
                <tr key={r.id} data-testid="room-row">
                  <td data-label={t("agendaUi.room")}>
                    <span className="font-medium">{pick(r.name_vi, r.name_en)}</span>
                    {r.notes ? <span className="block text-xs text-slate-500">{r.notes}</span> : null}
                  </td>
                  <td data-label={t("agendaUi.roomCapacity")}>{r.capacity}</td>
                  <td data-label={t("agendaUi.roomStream")} className="break-all text-xs">{r.stream_url ?? "—"}</td>
                  <td data-label={t("agendaUi.roomSessions")}>{r.sessions}</td>
                  <td>
                    <div className="flex flex-wrap gap-3">
                      <Link to={`?edit=${r.id}`} className="btn-link">{t("agendaUi.edit")}</Link>
                      <Form method="post">
                        <input type="hidden" name="intent" value="delete" />
                        <input type="hidden" name="id" value={r.id} />
                        <button type="submit" className="btn-link text-accent-700">{t("agendaUi.deleteRoom")}</button>
                      </Form>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <section className="card" aria-labelledby="room-form-heading">
        <h2 id="room-form-heading" className="mb-4">{editing ? t("agendaUi.editRoom") : t("agendaUi.newRoom")}</h2>
        {/* A new key (another room, or a save) starts the form afresh. */}
        <RoomForm key={`${editing?.id ?? "new"}-${data?.at ?? ""}`} editing={editing} feedback={feedback} />
      </section>
    </div>
  );
}

function RoomForm({ editing, feedback }: { editing: { id: number; name_vi: string; name_en: string; capacity: number; stream_url: string | null; notes: string } | null; feedback: ActionData | null }) {
  const t = useT();
  const defaults = editing
    ? { nameVi: editing.name_vi, nameEn: editing.name_en, capacity: String(editing.capacity), streamUrl: editing.stream_url ?? "", notes: editing.notes }
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
        <SubmitButton name="intent" value="save" busyLabel={t("common.saving")}>{editing ? t("common.save") : t("agendaUi.newRoom")}</SubmitButton>
        {editing ? <Link to="/admin/rooms" className="btn-secondary">{t("agendaUi.cancelEdit")}</Link> : null}
      </div>
    </ZodForm>
  );
}
