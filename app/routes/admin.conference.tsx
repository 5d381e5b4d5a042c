import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/guards.server";
import { clientIp } from "~/auth/request.server";
import { SelectField, TextAreaField, TextField, useZodForm, ZodForm } from "~/components/form";
import { SubmitButton } from "~/components/submit-button";
import { pageMeta, useT } from "~/components/i18n";
import { Notice, PageHeader } from "~/components/ui";
import { formValues, parseWith } from "~/platform/forms/fields";
import { CONFERENCE_FORMATS, conferenceSchema } from "~/features/people/conference-schema";
import { CONFERENCE_ZONE, utcToZonedLocal } from "~/lib/time";
import { getCurrentConference, saveConference } from "~/features/people/conference.server";
import { promoteFromWaitlist } from "~/features/registration/places.server";
import { overAfter } from "~/features/registration/places-over.server";
import { getDb } from "~/platform/db.server";
import { replyRefusal } from "~/http/refusal.server";

export const meta: MetaFunction = (args) => pageMeta(args, "conference.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "update:conference");
  const c = await getCurrentConference();
  const zone = c?.time_zone ?? CONFERENCE_ZONE;
  const local = (iso: string | null | undefined) => (iso ? utcToZonedLocal(iso, zone) : "");
  const values = {
    edition: c ? String(c.edition) : "",
    titleVi: c?.title_vi ?? "",
    titleEn: c?.title_en ?? "",
    themeVi: c?.theme_vi ?? "",
    themeEn: c?.theme_en ?? "",
    startsAt: local(c?.starts_at),
    endsAt: local(c?.ends_at),
    timeZone: zone,
    venueVi: c?.venue_vi ?? "",
    venueEn: c?.venue_en ?? "",
    format: c?.format ?? "hybrid",
    inPersonCapacity: c ? String(c.in_person_capacity) : "",
    registrationOpensAt: local(c?.registration_opens_at),
    registrationClosesAt: local(c?.registration_closes_at),
  };
  return json({ id: c?.id ?? null, values });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "update:conference");
  const values = formValues(await request.formData());
  const parsed = parseWith(conferenceSchema, values);
  if (!parsed.ok) return json({ errors: parsed.errors, values, saved: false }, { status: 400 });
  const current = await getCurrentConference();
  const actor = { id: user.id, ip: clientIp(context) };
  // Fewer places than are held moves nobody: the organiser confirms, then sees who is over on /admin/quotas.
  if (current && values.confirmOver !== "1" && parsed.data.inPersonCapacity < current.in_person_capacity) {
    const over = await overAfter(getDb(), current.id, { capacity: parsed.data.inPersonCapacity });
    if (over.conferenceBeyond > 0)
      return replyRefusal(
        {
          kind: "conflict",
          key: "conference.capacityBelowHeld",
          params: { over: over.conferenceBeyond },
          field: "inPersonCapacity",
        },
        { values, saved: false, confirmOver: true },
      );
  }
  const result = await saveConference(current?.id ?? null, parsed.data, actor, {
    // More in-person places may let people on the waiting list in.
    afterUpdate: (trx, conferenceId) => promoteFromWaitlist(trx, conferenceId, actor),
  });
  if (!result.ok) return replyRefusal(result.refusal, { values, saved: false });
  return json({ errors: {}, values, saved: true });
}

export default function ConferenceSettings() {
  const { id, values } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const t = useT();
  const state = useZodForm(conferenceSchema, { defaultValues: values, feedback: data });
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={t("conference.title")}>{t("conference.intro", { zone: values.timeZone })}</PageHeader>
      {data?.saved ? <Notice tone="success">{t("common.saved")}</Notice> : null}
      <div className="card">
        <ZodForm state={state} className="grid gap-4 sm:grid-cols-2">
          <TextField state={state} name="edition" label={t("conference.edition")} inputMode="numeric" required />
          <SelectField
            state={state}
            name="format"
            label={t("conference.format")}
            options={CONFERENCE_FORMATS.map((f) => ({ value: f, label: t(`format.${f}`) }))}
            required
          />
          <TextField state={state} name="titleVi" label={t("conference.titleVi")} required className="sm:col-span-2" />
          <TextField state={state} name="titleEn" label={t("conference.titleEn")} required className="sm:col-span-2" />
          <TextAreaField
            state={state}
            name="themeVi"
            label={t("conference.themeVi")}
            className="sm:col-span-2"
            rows={2}
          />
          <TextAreaField
            state={state}
            name="themeEn"
            label={t("conference.themeEn")}
            className="sm:col-span-2"
            rows={2}
          />
          <TextField state={state} name="startsAt" label={t("conference.startsAt")} type="datetime-local" required />
          <TextField state={state} name="endsAt" label={t("conference.endsAt")} type="datetime-local" required />
          <TextField state={state} name="timeZone" label={t("conference.timeZone")} required />
          <TextField
            state={state}
            name="inPersonCapacity"
            label={t("conference.capacity")}
            inputMode="numeric"
            required
          />
          {data && "confirmOver" in data && data.confirmOver ? (
            <label className="flex items-start gap-2 text-sm sm:col-span-2">
              <input type="checkbox" name="confirmOver" value="1" className="mt-1" />
              <span>{t("conference.confirmOver")}</span>
            </label>
          ) : null}
          <TextField state={state} name="venueVi" label={t("conference.venueVi")} required className="sm:col-span-2" />
          <TextField state={state} name="venueEn" label={t("conference.venueEn")} required className="sm:col-span-2" />
          <TextField
            state={state}
            name="registrationOpensAt"
            label={t("conference.registrationOpensAt")}
            type="datetime-local"
          />
          <TextField
            state={state}
            name="registrationClosesAt"
            label={t("conference.registrationClosesAt")}
            type="datetime-local"
          />
          <div className="sm:col-span-2">
            <SubmitButton busyLabel={t("common.saving")}>{id ? t("common.save") : t("conference.create")}</SubmitButton>
          </div>
        </ZodForm>
      </div>
    </div>
  );
}
