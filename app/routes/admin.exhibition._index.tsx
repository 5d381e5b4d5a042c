import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { requirePermission } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { clientIp, resolveLocale } from "~/auth/request.server";
import { pageMeta, useT } from "~/components/i18n";
import { PreviewForm } from "~/components/preview-form";
import { EmptyState, Notice, PageHeader } from "~/components/ui";

import { previewView } from "~/features/exhibition/allocation/preview-view.server";
import { AllocationPreview } from "~/features/exhibition/components/allocation-preview";
import { AllocationTable } from "~/features/exhibition/components/allocation-table";
import { DeskCounts, DeskPrints, DeskSettings } from "~/features/exhibition/components/allocation-desk";
import { HandAllocation } from "~/features/exhibition/components/allocation-hand";
import { loadFloorPlan } from "~/features/exhibition/plan/plan.server";
import { requireConference } from "~/http/conference.server";
import { flash } from "~/http/flash.server";
import { requestMessages } from "~/http/i18n.server";

import { CONFERENCE_ZONE, utcToZonedLocal, zonedLocalToUtc } from "~/lib/time";
import { getDb } from "~/platform/db.server";
import { boothIdsByCode, allocateByHand, changeAllocation } from "~/features/exhibition/allocation/hand.server";
import { commitAllocation } from "~/features/exhibition/allocation/run.server";
import { exhibitionDesk, saveExhibitionSettings } from "~/features/exhibition/allocation/desk.server";
import { exhibitionSettingsSchema, handAllocationSchema } from "~/features/exhibition/allocation/schema";
import { formValues, parseWith } from "~/platform/forms/fields";
import { intent as intentOf, parseIntent } from "~/http/intent.server";
import { parseId, replyRefusal } from "~/http/refusal.server";
import type { Actor } from "~/platform/types";
import type { CurrentConference } from "~/http/conference.server";

/** What an action did, shown once after its redirect (post/redirect/get). Called only by the loader and the action. */
const outcomeFlash = () =>
  flash(
    "nv_exhibition_done",
    "/admin/exhibition",
    z.object({
      done: z.enum(["committed", "hand", "changed", "settings"]),
      params: z.record(z.union([z.string(), z.number()])).default({}),
    }),
  );

export const meta: MetaFunction = (args) => pageMeta(args, "exhibition.allocation.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "read:exhibition:any");
  const canEdit = can(user.role, "update:exhibition");
  const conference = await requireConference();
  const db = getDb();
  const url = new URL(request.url);
  const [desk, plan] = await Promise.all([exhibitionDesk(db, conference.id), loadFloorPlan(db, conference.id)]);
  // The preview is a GET (`?preview=1`): it writes nothing; only those who may commit it run it.
  let preview = null;
  let previewError = null;
  if (canEdit && url.searchParams.get("preview") === "1" && plan.booths.length) {
    const view = await previewView(db, conference.id, resolveLocale(request, user.locale));
    // An instance the allocator refuses (a locked pair the editor has since moved apart) is said on the page.
    if (view.ok) preview = view.preview;
    else previewError = view.refusal;
  }
  const outcome = await outcomeFlash().take(request);
  const zone = conference.time_zone ?? CONFERENCE_ZONE;
  return json(
    {
      messages: await requestMessages(request, "exhibition"),
      canEdit,
      done: outcome.value,
      desk: {
        ...desk,
        settings: {
          published: desk.settings.published,
          closeAt: desk.settings.applicationsCloseAt ? utcToZonedLocal(desk.settings.applicationsCloseAt, zone) : "",
        },
      },
      plan,
      preview,
      previewError,
    },
    { headers: outcome.headers },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "update:exhibition");
  const conference = await requireConference();
  const actor = { id: user.id, ip: clientIp(context) };
  const outcome = await runDeskAction(request, actor, conference);
  if (outcome instanceof Response) return outcome;
  const cookie = await outcomeFlash().set(outcome);
  return redirect("/admin/exhibition", { headers: { "Set-Cookie": cookie } });
}

type Done = { done: "committed" | "hand" | "changed" | "settings"; params?: Record<string, string | number> };

/** One of the desk's forms: a refusal or a 400 answers as action data, success as what the flash shows. */
async function runDeskAction(request: Request, actor: Actor, conference: CurrentConference): Promise<Response | Done> {
  // Built here, in the action, so that it stays out of the browser bundle.
  const exhibitor = z.object({ exhibitorId: z.string() });
  const Intent = z.discriminatedUnion("intent", [
    intentOf("allocate").passthrough(),
    intentOf("commit").extend({ allocations: z.string() }),
    intentOf("release").merge(exhibitor),
    intentOf("lock").merge(exhibitor),
    intentOf("unlock").merge(exhibitor),
    intentOf("confirm").merge(exhibitor),
    intentOf("settings").passthrough(),
  ]);
  const values = formValues(await request.formData());
  const parsed = parseIntent(Intent, values);
  const db = getDb();
  const intent = parsed.intent;
  if (intent === "allocate") {
    const form = parseWith(handAllocationSchema, values);
    if (!form.ok) return json({ intent, errors: form.errors, values }, { status: 400 });
    const booths = await boothIdsByCode(db, conference.id, [form.data.booth1, form.data.booth2]);
    if (!booths.ok) return replyRefusal(booths.refusal, { intent, values });
    const result = await allocateByHand(db, actor, {
      conferenceId: conference.id,
      exhibitorId: Number(form.data.exhibitorId),
      boothIds: booths.boothIds,
    });
    if (!result.ok) return replyRefusal(result.refusal, { intent, values });
    return { done: "hand", params: { booths: result.booths.join(" + ") } };
  }
  if (intent === "commit") {
    const Allocations = z.array(
      z
        .object({ exhibitor: z.string().regex(/^e[1-9]\d*$/), booths: z.array(z.string().min(1)).min(1).max(2) })
        .strict(),
    );
    let allocations: z.infer<typeof Allocations>;
    try {
      const read = Allocations.safeParse(JSON.parse(parsed.allocations));
      if (!read.success) throw new Error("shape");
      allocations = read.data;
    } catch {
      return json({ intent, errors: { "": "exhibition.allocation.errors.badPreview" } }, { status: 400 });
    }
    const result = await commitAllocation(db, actor, conference.id, allocations);
    if (!result.ok) return replyRefusal(result.refusal, { intent });
    return { done: "committed", params: { written: result.written, kept: result.kept } };
  }
  if (intent === "settings") {
    const form = parseWith(exhibitionSettingsSchema, values);
    if (!form.ok) return json({ intent, errors: form.errors, values }, { status: 400 });
    const zone = conference.time_zone ?? CONFERENCE_ZONE;
    const closeAt = form.data.applicationsCloseAt ? zonedLocalToUtc(form.data.applicationsCloseAt, zone) : null;
    await saveExhibitionSettings(db, actor, conference.id, {
      published: form.data.published === "on",
      applicationsCloseAt: closeAt,
    });
    return { done: "settings" };
  }
  const result = await changeAllocation(db, actor, {
    conferenceId: conference.id,
    exhibitorId: parseId(parsed.exhibitorId),
    change: intent,
  });
  if (!result.ok) return replyRefusal(result.refusal, { intent });
  return { done: "changed" };
}

type ActionData = {
  intent?: string;
  errors?: Record<string, string>;
  params?: Record<string, string | number>;
  values?: Record<string, string>;
};

export default function ExhibitionDesk() {
  const { desk, plan, preview, previewError, canEdit, done } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const navigation = useNavigation();
  const previewing = navigation.state === "loading" && navigation.location?.search.includes("preview=1");
  const t = useT();
  const formError = data?.errors?.[""];
  const handFeedback = data?.intent === "allocate" ? data : null;
  const approved = desk.applicationCounts.approved;
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("exhibition.allocation.title")}
        action={
          canEdit && plan.booths.length && approved ? (
            // A GET: the preview writes nothing, so the loader answers it at `?preview=1`.
            <PreviewForm
              hidden={{ preview: 1 }}
              busy={previewing}
              label={t("exhibition.allocation.auto.run")}
              busyLabel={t("exhibition.allocation.auto.running")}
            />
          ) : null
        }
      >
        {t("exhibition.allocation.intro")}
      </PageHeader>
      {canEdit ? null : <Notice tone="info">{t("exhibition.allocation.readOnly")}</Notice>}
      {formError ? <Notice tone="error">{t(formError, data?.params)}</Notice> : null}
      {previewError ? <Notice tone="error">{t(previewError.key, previewError.params)}</Notice> : null}
      {done ? <Notice tone="success">{t(`exhibition.allocation.done.${done.done}`, done.params)}</Notice> : null}
      <DeskCounts booths={desk.boothCounts} boothTotal={desk.boothTotal} applications={desk.applicationCounts} />
      {plan.booths.length === 0 ? (
        <EmptyState title={t("exhibition.allocation.empty.noBooths")}>
          <Link className="link" to="/admin/exhibition/plan">
            {t("exhibition.allocation.empty.noBoothsHint")}
          </Link>
        </EmptyState>
      ) : approved === 0 ? (
        <EmptyState title={t("exhibition.allocation.empty.noApproved")}>
          <Link className="link" to="/admin/exhibition/applications?status=submitted">
            {t("exhibition.allocation.empty.noApprovedHint")}
          </Link>
        </EmptyState>
      ) : null}
      {preview ? <AllocationPreview preview={preview} canEdit={canEdit} /> : null}
      {plan.booths.length && approved && canEdit && !preview ? (
        <section className="card" aria-labelledby="auto-title">
          <h2 id="auto-title" className="mb-1">
            {t("exhibition.allocation.auto.title")}
          </h2>
          <p className="text-sm text-slate-600">{t("exhibition.allocation.auto.intro")}</p>
        </section>
      ) : null}
      {plan.booths.length ? (
        <section className="card" aria-labelledby="hand-title">
          <h2 id="hand-title" className="mb-2">
            {canEdit ? t("exhibition.allocation.hand.title") : t("exhibition.allocation.plan.label")}
          </h2>
          <HandAllocation plan={plan} waiting={desk.unallocated} feedback={handFeedback} canEdit={canEdit} />
        </section>
      ) : null}
      <section className="card" aria-labelledby="table-title">
        <h2 id="table-title" className="mb-2">
          {t("exhibition.allocation.table.title")}
        </h2>
        <AllocationTable allocations={desk.allocations} canEdit={canEdit} />
      </section>
      <div className="grid gap-4 md:grid-cols-2">
        <section className="card" aria-labelledby="prints-title">
          <h2 id="prints-title" className="mb-2">
            {t("exhibition.allocation.prints.title")}
          </h2>
          <DeskPrints />
        </section>
        <section className="card" aria-labelledby="settings-title">
          <h2 id="settings-title" className="mb-2">
            {t("exhibition.allocation.settings.title")}
          </h2>
          <DeskSettings
            published={desk.settings.published}
            closeAt={data?.intent === "settings" ? (data.values?.applicationsCloseAt ?? "") : desk.settings.closeAt}
            error={data?.intent === "settings" ? data.errors?.applicationsCloseAt : undefined}
            canEdit={canEdit}
          />
        </section>
      </div>
    </div>
  );
}
