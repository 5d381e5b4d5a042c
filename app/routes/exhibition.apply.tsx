import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requirePermission } from "~/auth/guards.server";
import { clientIp } from "~/auth/request.server";
import { pageMeta, useT } from "~/components/i18n";
import { ConferenceTime } from "~/components/time";
import { Notice, PageHeader } from "~/components/ui";
import {
  applicationsClosed,
  applicationsCloseAt,
  firstChoiceCounts,
  getOwnApplication,
  neighbourChoices,
  provinceOptions,
  requestChange,
  saveOwnApplication,
  withdrawOwnApplication,
  type OwnApplication,
} from "~/features/exhibition/applications/application.server";
import {
  addPhoto,
  addProduct,
  deletePhoto,
  deleteProduct,
  photoRefusal,
  updateProduct,
} from "~/features/exhibition/applications/products.server";
import {
  applicationSchema,
  applicationValues,
  changeRequestSchema,
  photoSchema,
  productSchema,
} from "~/features/exhibition/applications/schema";
import { APPLICATION_FORM_ID, ApplicationForm } from "~/features/exhibition/components/application-form";
import { ApplicationProducts, type ProductFeedback } from "~/features/exhibition/components/application-products";
import {
  ApplicationStatusPanel,
  ChangeRequestForm,
  WithdrawForm,
} from "~/features/exhibition/components/application-status";
import { loadFloorPlan } from "~/features/exhibition/plan/plan.server";
import { MAX_PHOTO_BYTES, MAX_PHOTOS_PER_EXHIBITOR } from "~/features/exhibition/rules";
import { requireConference } from "~/http/conference.server";
import { flash } from "~/http/flash.server";
import { requestMessages } from "~/http/i18n.server";
import { pickIntent } from "~/http/intent.server";
import { idOf, replyRefusal } from "~/http/refusal.server";
import { parseWith } from "~/platform/forms/parse";
import { getDb, nowIso } from "~/platform/db.server";
import { readUploadForm } from "~/platform/uploads/multipart.server";
import type { Refusal } from "~/platform/types";

export const meta: MetaFunction = (args) => pageMeta(args, "exhibition.applications.pageTitle");

const DONE = [
  "saved",
  "submitted",
  "reopened",
  "withdrawn",
  "productAdded",
  "productSaved",
  "productDeleted",
  "photoAdded",
  "photoDeleted",
  "changeSent",
] as const;
const done = () => flash("nv_exhibition_apply", "/exhibition/apply", z.object({ done: z.enum(DONE) }));

const INTENTS = [
  "save",
  "submit",
  "withdraw",
  "add-product",
  "update-product",
  "delete-product",
  "add-photo",
  "delete-photo",
  "request-change",
] as const;

/** The form's values as the page fills them in: the saved application, or the account's name and e-mail. */
function defaultsOf(app: OwnApplication | null, user: { fullName: string; email: string }): Record<string, string> {
  if (!app)
    return {
      contactName: user.fullName,
      contactEmail: user.email,
      kind: "enterprise",
      boothsNeeded: "1",
      nearProvince: "on",
    };
  return {
    nameVi: app.name_vi,
    nameEn: app.name_en,
    kind: app.kind,
    provinceId: app.province_id === null ? "" : String(app.province_id),
    contactName: app.contact_name,
    contactEmail: app.contact_email,
    contactPhone: app.contact_phone,
    website: app.website,
    aboutVi: app.about_vi,
    aboutEn: app.about_en,
    zone1: app.zones[0] ?? "",
    zone2: app.zones[1] ?? "",
    zone3: app.zones[2] ?? "",
    types: app.types.join(","),
    boothsNeeded: String(app.booths_needed),
    minArea: app.min_area ? String(app.min_area) : "",
    neighbours: app.neighbours.join(","),
    nearProvince: app.near_province ? "on" : "",
    apartCategory: app.apart_category ?? "",
    needsPower: app.needs_power ? "on" : "",
    needsWater: app.needs_water ? "on" : "",
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "apply:exhibition");
  const conference = await requireConference();
  const db = getDb();
  const app = await getOwnApplication(db, { conferenceId: conference.id, userId: user.id });
  const [provinces, neighbours, plan, firstChoices, closeAt, messages, outcome] = await Promise.all([
    provinceOptions(db),
    neighbourChoices(db, conference.id, app?.id ?? null),
    loadFloorPlan(db, conference.id, { withExhibitors: false }),
    firstChoiceCounts(db, conference.id, app?.id ?? null),
    applicationsCloseAt(db, conference.id),
    // The province picker's words live with the registration's messages.
    requestMessages(request, "exhibition", "registration"),
    done().take(request),
  ]);
  return json(
    {
      messages,
      done: outcome.value?.done ?? null,
      application: app && {
        id: app.id,
        status: app.status,
        reason: app.decision_reason,
        changeRequest: app.change_request,
        allocated: app.allocated,
        booths: app.booths,
        products: app.products,
        photos: app.photos,
      },
      defaults: defaultsOf(app, user),
      provinces,
      neighbours,
      plan,
      firstChoices,
      limits: { maxBytes: MAX_PHOTO_BYTES, maxPhotos: MAX_PHOTOS_PER_EXHIBITOR },
      closeAt,
      closed: applicationsClosed(closeAt, nowIso()),
      zone: conference.time_zone,
    },
    { headers: outcome.headers },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "apply:exhibition");
  const conference = await requireConference();
  const read = await readUploadForm(request, { maxFileBytes: MAX_PHOTO_BYTES });
  if (!read.ok)
    return json({ intent: "", errors: { "": "exhibition.applications.errors.badForm" }, values: {} }, { status: 400 });
  const { form, oversized } = read.upload;
  const values = applicationValues(form);
  const intent = pickIntent(INTENTS, values);
  const db = getDb();
  const owner = { conferenceId: conference.id, userId: user.id, actor: { id: user.id, ip: clientIp(context) } };
  const productId = idOf(values.productId);
  const back = { intent, productId, values };
  const refused = (refusal: Refusal) => replyRefusal(refusal, back);
  const invalid = (errors: Record<string, string>) => json({ ...back, errors }, { status: 400 });
  const ok = async (what: (typeof DONE)[number]) =>
    redirect("/exhibition/apply", { headers: { "Set-Cookie": await done().set({ done: what }) } });
  const photoBytes = async () => {
    const file = form.get("photo");
    return file && typeof file !== "string" && file.size > 0 ? new Uint8Array(await file.arrayBuffer()) : null;
  };

  switch (intent) {
    case "save":
    case "submit": {
      const parsed = parseWith(applicationSchema, values);
      if (!parsed.ok) return invalid(parsed.errors);
      const result = await saveOwnApplication(db, owner, parsed.data, intent === "submit");
      if (!result.ok) return refused(result.refusal);
      return ok(result.reopened ? "reopened" : intent === "submit" ? "submitted" : "saved");
    }
    case "withdraw": {
      const result = await withdrawOwnApplication(db, owner);
      return result.ok ? ok("withdrawn") : refused(result.refusal);
    }
    case "request-change": {
      const parsed = parseWith(changeRequestSchema, values);
      if (!parsed.ok) return invalid(parsed.errors);
      const result = await requestChange(db, owner, parsed.data.request);
      return result.ok ? ok("changeSent") : refused(result.refusal);
    }
    case "add-product":
    case "update-product": {
      const parsed = parseWith(productSchema, values);
      // The photo's problem is said beside its field together with the others', the typed values kept.
      const errors: Record<string, string> = parsed.ok ? {} : { ...parsed.errors };
      if (oversized.has("photo")) errors.photo = photoRefusal("tooLarge").refusal.key;
      if (Object.keys(errors).length) return invalid(errors);
      if (!parsed.ok) return invalid(parsed.errors);
      if (intent === "update-product") {
        if (productId === null) return invalid({ "": "exhibition.errors.notFound" });
        const result = await updateProduct(db, owner, productId, parsed.data);
        return result.ok ? ok("productSaved") : refused(result.refusal);
      }
      const bytes = await photoBytes();
      // With a photo, the product and its photo are added together: a refused photo leaves nothing behind.
      const added = bytes
        ? await addPhoto(db, owner, { bytes, productId: null, caption: parsed.data.caption, newProduct: parsed.data })
        : await addProduct(db, owner, parsed.data);
      if (!added.ok) return refused(added.refusal);
      return ok("productAdded");
    }
    case "delete-product": {
      if (productId === null) return invalid({ "": "exhibition.errors.notFound" });
      const result = await deleteProduct(db, owner, productId);
      return result.ok ? ok("productDeleted") : refused(result.refusal);
    }
    case "add-photo": {
      const parsed = parseWith(photoSchema, values);
      if (!parsed.ok) return invalid(parsed.errors);
      if (oversized.has("photo")) return refused(photoRefusal("tooLarge").refusal);
      const bytes = await photoBytes();
      if (!bytes) return refused(photoRefusal("empty").refusal);
      const result = await addPhoto(db, owner, { bytes, ...parsed.data });
      return result.ok ? ok("photoAdded") : refused(result.refusal);
    }
    case "delete-photo": {
      const photoId = idOf(values.photoId);
      if (photoId === null) return invalid({ "": "exhibition.errors.notFound" });
      const result = await deletePhoto(db, owner, photoId);
      return result.ok ? ok("photoDeleted") : refused(result.refusal);
    }
  }
}

export default function ExhibitionApply() {
  const data = useLoaderData<typeof loader>();
  const action = useActionData<typeof action>() as
    (ProductFeedback & { params?: Record<string, string | number> }) | undefined;
  const t = useT();
  const app = data.application;
  const A = "exhibition.applications";
  const mainFeedback = action && (action.intent === "save" || action.intent === "submit") ? action : null;
  const otherError =
    action && ["withdraw", "delete-product", "delete-photo"].includes(action.intent ?? "") ? action.errors?.[""] : null;
  const readOnly = app?.allocated ?? false;
  return (
    <div className="space-y-6">
      <PageHeader title={t(`${A}.title`)}>
        {t(`${A}.intro`)}
        {data.closeAt ? (
          <span className="mt-1 block" data-testid="apply-deadline">
            {t(data.closed ? `${A}.closedOn` : `${A}.closesOn`)} <ConferenceTime iso={data.closeAt} zone={data.zone} />
          </span>
        ) : null}
      </PageHeader>
      {data.done ? (
        <Notice tone="success">
          <span data-testid="apply-done">{t(`${A}.done.${data.done}`)}</span>
        </Notice>
      ) : null}
      {otherError ? <Notice tone="error">{t(otherError)}</Notice> : null}
      {app ? (
        <ApplicationStatusPanel
          status={app.status}
          reason={app.reason}
          booths={app.booths}
          changeRequest={app.changeRequest}
        />
      ) : (
        <Notice tone="info">{t(`${A}.startHint`)}</Notice>
      )}
      <ApplicationForm
        key={readOnly ? "read" : "edit"}
        defaults={mainFeedback?.values ?? data.defaults}
        feedback={mainFeedback}
        provinces={data.provinces}
        neighbours={data.neighbours}
        plan={data.plan}
        firstChoices={data.firstChoices}
        mine={app?.booths.map((b) => b.id) ?? []}
        readOnly={readOnly}
        draft={!app || app.status === "draft" || app.status === "withdrawn"}
      />
      {app ? (
        <ApplicationProducts
          products={app.products}
          photos={app.photos}
          feedback={mainFeedback ? null : (action ?? null)}
          readOnly={readOnly}
          maxBytes={data.limits.maxBytes}
          maxPhotos={data.limits.maxPhotos}
        />
      ) : null}
      {app && ["draft", "withdrawn", "rejected"].includes(app.status) ? (
        <section className="card space-y-3" aria-labelledby="submit-heading">
          <h2 id="submit-heading">{t(`${A}.submitTitle`)}</h2>
          <p className="text-sm text-slate-600">{t(`${A}.submitHint`)}</p>
          {/* Sends the application form above (form="…"): what is typed there is what is submitted. */}
          <button type="submit" form={APPLICATION_FORM_ID} name="intent" value="submit" className="btn-primary">
            {t(`${A}.submit`)}
          </button>
        </section>
      ) : null}
      {readOnly ? (
        <ChangeRequestForm
          key={app?.changeRequest ?? ""}
          feedback={action?.intent === "request-change" ? action : null}
        />
      ) : app && app.status !== "withdrawn" ? (
        <WithdrawForm />
      ) : null}
    </div>
  );
}
