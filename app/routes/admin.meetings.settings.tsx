import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requirePermission } from "~/auth/guards.server";
import { clientIp } from "~/auth/request.server";
import { useZodForm, ZodForm } from "~/components/form";
import { SubmitButton } from "~/components/submit-button";
import { pageMeta, useBilingual, useT } from "~/components/i18n";
import { requestMessages } from "~/http/i18n.server";
import { MeetingBlockFields } from "~/features/meetings/components/meeting-block-fields";
import { Notice, PageHeader } from "~/components/ui";
import type { OrganisationKind } from "~/auth/roles";
import { formValues, parseWith, type FieldErrors } from "~/platform/forms/fields";
import { blockSettingsInput, blockSettingsSchema, pairsFromForm } from "~/features/meetings/block-schema";
import { CONFERENCE_ZONE, utcToZonedLocal } from "~/lib/time";
import { listRooms } from "~/features/agenda/agenda.server";
import { requireConference } from "~/http/conference.server";
import { intent as intentOf, parseIntent } from "~/http/intent.server";
import { replyRefusal } from "~/http/refusal.server";
import { blockTables, updateBlockSettings, updateTables } from "~/features/meetings/meeting-admin.server";
import { meetingBlockOverview } from "~/features/meetings/meeting-grid.server";

export const meta: MetaFunction = (args) => pageMeta(args, "meetingsAdmin.settingsTitle");

/** The block of the session asked for (`session` in the form or the address), else of the first. */
async function currentBlock(request: Request, values: Record<string, string> = {}) {
  const conference = await requireConference();
  const sessionId = Number(values.session || new URL(request.url).searchParams.get("session")) || null;
  const { session, block } = await meetingBlockOverview(conference.id, sessionId);
  if (!session || !block) throw redirect(session ? `/admin/meetings?session=${session.id}` : "/admin/meetings");
  return { conference, session, block };
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "update:agenda");
  const { conference, session, block } = await currentBlock(request);
  const [tables, rooms] = await Promise.all([blockTables(block.id), listRooms(conference.id)]);
  const local = (iso: string | null) => (iso ? utcToZonedLocal(iso, CONFERENCE_ZONE) : "");
  return json({
    messages: await requestMessages(request, "meetings"),
    session: { id: session.id, title_vi: session.title_vi, title_en: session.title_en },
    settings: {
      tableCount: String(block.table_count),
      maxRequests: block.max_requests_per_organisation === null ? "" : String(block.max_requests_per_organisation),
      requestsCloseAt: local(block.requests_close_at),
      answersCloseAt: local(block.answers_close_at),
    },
    pairs: JSON.parse(block.allowed_pairs) as Array<[OrganisationKind, OrganisationKind]>,
    tables,
    rooms: rooms.map((r) => ({ id: r.id, name_vi: r.name_vi, name_en: r.name_en })),
  });
}

type ActionData = {
  intent: string;
  errors: FieldErrors;
  values?: Record<string, string>;
  params?: Record<string, string | number>;
  done?: string;
};

export async function action({ request, context }: ActionFunctionArgs) {
  // The page's two forms: the block's settings, and its tables' labels and rooms. (Here, in the action, it stays out of the browser bundle.)
  const Intent = z.discriminatedUnion("intent", [intentOf("settings"), intentOf("tables")]);
  const user = await requirePermission(request, "update:agenda");
  const actor = { id: user.id, ip: clientIp(context) };
  const values = formValues(await request.formData());
  const { intent } = parseIntent(Intent, values);
  const { block } = await currentBlock(request, values);
  const fail = (errors: FieldErrors) => json<ActionData>({ intent, errors, values }, { status: 400 });
  if (intent === "settings") {
    const parsed = parseWith(blockSettingsSchema, values);
    const pairs = pairsFromForm(values);
    const errors: FieldErrors = parsed.ok ? {} : { ...parsed.errors };
    if (pairs.length === 0) errors.pairs = "meetingsAdmin.errors.noPairs";
    if (!parsed.ok || Object.keys(errors).length) return fail(errors);
    const d = parsed.data;
    const result = await updateBlockSettings(block.id, blockSettingsInput(d, pairs, CONFERENCE_ZONE), actor);
    if (!result.ok) return replyRefusal(result.refusal, { intent, values });
    return json<ActionData>({ intent: "settings", errors: {}, done: "meetingsAdmin.settingsSaved" });
  }
  if (intent === "tables") {
    const tables = await blockTables(block.id);
    const errors: FieldErrors = {};
    const rows = tables.map((t) => {
      const label = (values[`label.${t.id}`] ?? "").trim();
      if (label.length > 60) errors[`label.${t.id}`] = "errors.tooLong";
      const room = values[`room.${t.id}`] ?? "";
      return { id: t.id, label, roomId: room === "" ? null : Number(room) };
    });
    if (Object.keys(errors).length) return fail(errors);
    const result = await updateTables(block.id, rows, actor);
    if (!result.ok) return replyRefusal(result.refusal, { intent, values });
    return json<ActionData>({ intent: "tables", errors: {}, done: "meetingsAdmin.tablesSaved" });
  }
}

export default function MeetingSettings() {
  const { session, settings, pairs, tables, rooms } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const t = useT();
  const pick = useBilingual();
  const feedback = data?.intent === "settings" ? data : null;
  const state = useZodForm(blockSettingsSchema, { defaultValues: settings, feedback });
  const tableError = data?.intent === "tables" ? data : null;
  const value = (key: string, fallback: string) =>
    tableError?.values && key in tableError.values ? tableError.values[key] : fallback;
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <PageHeader title={t("meetingsAdmin.settingsTitle")}>
        {pick(session.title_vi, session.title_en)} ·{" "}
        <Link className="link" to={`/admin/meetings?session=${session.id}`}>
          {t("meetingsAdmin.backToGrid")}
        </Link>
      </PageHeader>
      {data?.done ? <Notice tone="success">{t(data.done)}</Notice> : null}
      <section className="card" aria-labelledby="settings-title">
        <h2 id="settings-title" className="text-lg font-semibold">
          {t("meetingsAdmin.settingsSection")}
        </h2>
        <p className="mb-3 text-sm text-slate-600">{t("meetingsAdmin.sharedSettings")}</p>
        <ZodForm state={state} className="grid gap-4 sm:grid-cols-2">
          <input type="hidden" name="session" value={session.id} />
          <input type="hidden" name="intent" value="settings" />
          <MeetingBlockFields
            state={state}
            pairs={feedback?.values ? pairsFromForm(feedback.values) : pairs}
            pairsError={feedback?.errors.pairs}
          />
          {feedback?.errors.tableCount && feedback.params ? (
            <p className="field-error sm:col-span-2">{t(feedback.errors.tableCount, feedback.params)}</p>
          ) : null}
          <div className="sm:col-span-2">
            <SubmitButton name="intent" value="settings" busyLabel={t("common.saving")}>
              {t("common.save")}
            </SubmitButton>
          </div>
        </ZodForm>
      </section>
      <section className="card" aria-labelledby="tables-title">
        <h2 id="tables-title" className="text-lg font-semibold">
          {t("meetingsAdmin.tablesSection")}
        </h2>
        <p className="mb-3 text-sm text-slate-600">{t("meetingsAdmin.tablesHint")}</p>
        {tableError?.errors[""] ? <Notice tone="error">{t(tableError.errors[""])}</Notice> : null}
        <Form method="post">
          <input type="hidden" name="session" value={session.id} />
          <input type="hidden" name="intent" value="tables" />
          <table className="w-full text-sm">
            <thead>
              <tr className="text-left">
                <th scope="col" className="py-1">
                  {t("meetingsAdmin.tableNumber")}
                </th>
                <th scope="col">{t("meetingsAdmin.tableLabel")}</th>
                <th scope="col">{t("meetingsAdmin.tableRoom")}</th>
              </tr>
            </thead>
            <tbody>
              {tables.map((table) => {
                const error = tableError?.errors[`label.${table.id}`];
                return (
                  <tr key={table.id} className="border-t">
                    <th scope="row" className="py-1 pr-3 text-left">
                      {t("meetingsAdmin.table", { number: table.number })}
                    </th>
                    <td className="pr-3">
                      <input
                        name={`label.${table.id}`}
                        className="input"
                        aria-label={t("meetingsAdmin.tableLabelFor", { number: table.number })}
                        defaultValue={value(`label.${table.id}`, table.label)}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? `label-${table.id}-error` : undefined}
                      />
                      {error ? (
                        <p id={`label-${table.id}-error`} className="field-error">
                          {t(error, { max: 60 })}
                        </p>
                      ) : null}
                    </td>
                    <td>
                      <select
                        name={`room.${table.id}`}
                        className="input"
                        aria-label={t("meetingsAdmin.tableRoomFor", { number: table.number })}
                        defaultValue={value(`room.${table.id}`, table.room_id === null ? "" : String(table.room_id))}
                      >
                        <option value="">{t("meetingsAdmin.noRoom")}</option>
                        {rooms.map((r) => (
                          <option key={r.id} value={r.id}>
                            {pick(r.name_vi, r.name_en)}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <div className="mt-3">
            <SubmitButton name="intent" value="tables" busyLabel={t("common.saving")}>
              {t("meetingsAdmin.saveTables")}
            </SubmitButton>
          </div>
        </Form>
      </section>
    </div>
  );
}
