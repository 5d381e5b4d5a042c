import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requirePermission } from "~/auth/guards.server";
import { clientIp } from "~/auth/request.server";
import { pageMeta, useBilingual, useT } from "~/components/i18n";
import { requestMessages } from "~/http/i18n.server";
import { Notice, PageHeader } from "~/components/ui";
import { ORGANISATION_KINDS, type OrganisationKind } from "~/auth/roles";
import { listOrganisationOptions } from "~/features/people/organisations.server";
import { listQuotas, setQuota } from "~/features/registration/places.server";
import { overAfter, placesOver, type PlacesOver } from "~/features/registration/places-over.server";
import { getDb } from "~/platform/db.server";
import { requireConference } from "~/http/conference.server";
import { replyRefusal } from "~/http/refusal.server";

export const meta: MetaFunction = (args) => pageMeta(args, "quotas.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "update:quota");
  const conference = await requireConference();
  const [quotas, organisations, over] = await Promise.all([
    listQuotas(conference.id),
    listOrganisationOptions(),
    placesOver(getDb(), conference.id),
  ]);
  return json({
    messages: await requestMessages(request, "registration"),
    quotas,
    organisations,
    over,
    capacity: conference.in_person_capacity,
  });
}

/** Places: a whole number ≥ 0, or empty to remove the quota. */
function parsePlaces(value: FormDataEntryValue | null): number | null | "invalid" {
  const text = typeof value === "string" ? value.trim() : "";
  if (text === "") return null;
  return /^\d{1,5}$/.test(text) ? Number(text) : "invalid";
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requirePermission(request, "update:quota");
  const conference = await requireConference();
  const form = await request.formData();
  const places = parsePlaces(form.get("places"));
  const field = String(form.get("field") ?? "");
  if (places === "invalid") return json({ errors: { [field]: "errors.integer" }, saved: false }, { status: 400 });
  const actor = { id: user.id, ip: clientIp(context) };
  const kind = form.get("kind");
  const target =
    typeof kind === "string" && ORGANISATION_KINDS.includes(kind as OrganisationKind)
      ? { kind: kind as OrganisationKind }
      : { organisationId: Number(form.get("organisationId")) };
  // A quota below the places already held moves nobody: the organiser is told who would be over first.
  if (form.get("confirmOver") !== "1") {
    const over = await overAfter(getDb(), conference.id, { ...target, places });
    if (over.places > 0)
      return json(
        {
          errors: { [field]: "quotas.wouldBeOver" },
          params: {
            places: over.places,
            organisations: over.organisations.map((o) => o.name_vi).join(", "),
          },
          saved: false,
          confirm: {
            field,
            kind: "kind" in target ? target.kind : null,
            organisationId: "organisationId" in target ? target.organisationId : null,
            places,
          },
        },
        { status: 409 },
      );
  }
  const result = await setQuota(conference.id, target, places, actor);
  // Shown beside the row's field.
  if (!result.ok) return replyRefusal({ ...result.refusal, field }, { saved: false });
  return json({ errors: {}, saved: true });
}

interface ActionData {
  errors?: Record<string, string>;
  params?: Record<string, string | number>;
  saved: boolean;
  confirm?: { field: string; kind: string | null; organisationId: number | null; places: number | null };
}

export default function Quotas() {
  const { quotas, organisations, capacity, over } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const t = useT();
  const pick = useBilingual();
  const errors = (data?.errors ?? {}) as Record<string, string>;
  const kindPlaces = new Map(quotas.kinds.map((k) => [k.kind, k.places]));
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <p className="no-print text-sm">
        <Link to="/admin/delegates" className="btn-link">
          ← {t("nav.delegates")}
        </Link>
      </p>
      <PageHeader title={t("quotas.title")}>{t("quotas.intro", { capacity })}</PageHeader>
      {data?.saved ? <Notice tone="success">{t("common.saved")}</Notice> : null}
      {data?.confirm ? (
        <Notice tone="error">
          <p>{t("quotas.wouldBeOver", data.params)}</p>
          <Form method="post" className="mt-2 flex flex-wrap gap-3">
            <input type="hidden" name="field" value={data.confirm.field} />
            {data.confirm.kind ? <input type="hidden" name="kind" value={data.confirm.kind} /> : null}
            {data.confirm.organisationId !== null ? (
              <input type="hidden" name="organisationId" value={data.confirm.organisationId} />
            ) : null}
            <input type="hidden" name="places" value={data.confirm.places ?? ""} />
            <input type="hidden" name="confirmOver" value="1" />
            <button type="submit" className="btn-secondary">
              {t("quotas.saveAnyway")}
            </button>
          </Form>
        </Notice>
      ) : null}
      <OverPlaces over={over} />
      <section className="card" aria-labelledby="kind-quotas">
        <h2 id="kind-quotas" className="mb-3">
          {t("quotas.byKind")}
        </h2>
        <ul className="divide-y divide-slate-100">
          {ORGANISATION_KINDS.map((k) => (
            <li key={k} className="py-2">
              <Form method="post" className="flex flex-wrap items-end gap-3">
                <input type="hidden" name="kind" value={k} />
                <input type="hidden" name="field" value={`kind-${k}`} />
                <label htmlFor={`kind-${k}`} className="min-w-[14rem] flex-1 text-sm font-semibold">
                  {t(`orgKind.${k}`)}
                </label>
                <input
                  id={`kind-${k}`}
                  name="places"
                  inputMode="numeric"
                  defaultValue={kindPlaces.get(k) ?? ""}
                  placeholder={t("quotas.none")}
                  className="input w-32"
                  aria-invalid={errors[`kind-${k}`] ? true : undefined}
                  aria-describedby={errors[`kind-${k}`] ? `kind-${k}-error` : undefined}
                />
                <button type="submit" className="btn-secondary">
                  {t("common.save")}
                </button>
                {errors[`kind-${k}`] ? (
                  <p id={`kind-${k}-error`} className="field-error w-full">
                    {t(errors[`kind-${k}`])}
                  </p>
                ) : null}
              </Form>
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="org-quotas">
        <h2 id="org-quotas" className="mb-1">
          {t("quotas.byOrganisation")}
        </h2>
        <p className="mb-3 text-sm text-slate-600">{t("quotas.byOrganisationIntro")}</p>
        <ul className="mb-4 divide-y divide-slate-100">
          {quotas.organisations.map((q) => (
            <li key={q.organisation_id} className="flex flex-wrap items-center justify-between gap-3 py-2 text-sm">
              <span>
                {pick(q.name_vi, q.name_en)}: <strong>{q.places}</strong>
              </span>
              <Form method="post">
                <input type="hidden" name="organisationId" value={q.organisation_id} />
                <input type="hidden" name="places" value="" />
                <button type="submit" className="btn-link text-accent-700">
                  {t("quotas.remove")}
                </button>
              </Form>
            </li>
          ))}
        </ul>
        <Form method="post" className="flex flex-wrap items-end gap-3">
          <input type="hidden" name="field" value="org" />
          <div className="min-w-[16rem] flex-1">
            <label htmlFor="quota-org" className="label">
              {t("registration.field.organisation")}
            </label>
            <select id="quota-org" name="organisationId" className="input" aria-invalid={errors.org ? true : undefined}>
              {organisations.map((o) => (
                <option key={o.id} value={o.id}>
                  {pick(o.name_vi, o.name_en)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="quota-places" className="label">
              {t("quotas.places")}
            </label>
            <input id="quota-places" name="places" inputMode="numeric" className="input w-32" required />
          </div>
          <button type="submit" className="btn-primary">
            {t("common.save")}
          </button>
          {errors.org ? <p className="field-error w-full">{t(errors.org)}</p> : null}
        </Form>
      </section>
    </div>
  );
}

/** Who holds a place beyond the capacity or a quota: nobody was moved; each one's page is where to decide. */
function OverPlaces({ over }: { over: PlacesOver }) {
  const t = useT();
  const pick = useBilingual();
  if (over.beyond.length === 0 && over.organisations.length === 0) return null;
  const people = (list: PlacesOver["beyond"]) => (
    <ul className="ml-5 list-disc text-sm">
      {list.map((p) => (
        <li key={p.id}>
          <Link className="link" to={`/admin/delegates/${p.id}`}>
            {p.full_name}
          </Link>{" "}
          ({t(`registration.status.${p.status}`)})
        </li>
      ))}
    </ul>
  );
  return (
    <section className="card" aria-labelledby="over-places" data-testid="over-places">
      <h2 id="over-places" className="mb-1">
        {t("quotas.overTitle")}
      </h2>
      <p className="mb-3 text-sm text-slate-700">{t("quotas.overIntro")}</p>
      {over.beyond.length ? (
        <div className="mb-3">
          <p className="font-semibold">
            {t("quotas.overCapacity", { held: over.held, capacity: over.capacity, over: over.beyond.length })}
          </p>
          {people(over.beyond)}
        </div>
      ) : null}
      {over.organisations.map((o) => (
        <div key={o.organisationId} className="mb-3">
          <p className="font-semibold">
            {t("quotas.overOrganisation", {
              name: pick(o.name_vi, o.name_en),
              held: o.held,
              quota: o.quota,
              over: o.beyond.length,
            })}
          </p>
          {people(o.beyond)}
        </div>
      ))}
    </section>
  );
}
