import { Form, Link } from "@remix-run/react";
import { BarList } from "~/components/charts";
import { useT } from "~/components/i18n";
import { SubmitButton } from "~/components/submit-button";
import { APPLICATION_STATUSES, BOOTH_STATES, type ApplicationStatus, type BoothState } from "../rules";

/** Booths by state and applications by status, each count a bar with its number (and a link to the list). */
export function DeskCounts({
  booths,
  boothTotal,
  applications,
}: {
  booths: Record<BoothState, number>;
  boothTotal: number;
  applications: Record<ApplicationStatus, number>;
}) {
  const t = useT();
  const boothTone = { free: "green", held: "slate", allocated: "amber", confirmed: "navy" } as const;
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <section className="card" aria-labelledby="booth-counts">
        <h2 id="booth-counts" className="mb-3">
          {t("exhibition.allocation.counts.booths", { count: boothTotal })}
        </h2>
        <BarList
          label={t("exhibition.allocation.counts.booths", { count: boothTotal })}
          items={BOOTH_STATES.map((s) => ({
            key: `booths-${s}`,
            label: t(`exhibition.boothState.${s}`),
            value: booths[s],
            tone: boothTone[s],
          }))}
        />
        <p className="mt-3 text-sm">
          <Link className="link" to="/admin/exhibition/plan">
            {t("exhibition.allocation.links.plan")}
          </Link>
        </p>
      </section>
      <section className="card" aria-labelledby="application-counts">
        <h2 id="application-counts" className="mb-3">
          {t("exhibition.allocation.counts.applications")}
        </h2>
        <BarList
          label={t("exhibition.allocation.counts.applications")}
          items={APPLICATION_STATUSES.map((s) => ({
            key: `applications-${s}`,
            label: t(`exhibition.status.${s}`),
            value: applications[s],
            href: `/admin/exhibition/applications?status=${s}`,
            linkLabel: t("exhibition.allocation.counts.statusLink", { status: t(`exhibition.status.${s}`) }),
            tone: s === "approved" ? "green" : s === "submitted" ? "navy" : "slate",
          }))}
        />
        <p className="mt-3 text-sm">
          <Link className="link" to="/admin/exhibition/applications">
            {t("exhibition.allocation.links.applications")}
          </Link>
        </p>
      </section>
    </div>
  );
}

/** The prints and the export, beside the allocations they print. */
export function DeskPrints() {
  const t = useT();
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
      <li>
        <a className="link" href="/exhibition/catalogue.pdf">
          {t("exhibition.allocation.prints.catalogue")}
        </a>
      </li>
      <li>
        <a className="link" href="/exhibition/catalogue.pdf?lang=en" hrefLang="en">
          {t("exhibition.allocation.prints.catalogueEn")}
        </a>
      </li>
      <li>
        <a className="link" href="/admin/exhibition/signs.pdf">
          {t("exhibition.allocation.prints.signs")}
        </a>
      </li>
      <li>
        <a className="link" href="/admin/exhibition/exhibitors.csv">
          {t("exhibition.allocation.prints.csv")}
        </a>
      </li>
    </ul>
  );
}

/** Published or not, and when applications close (the conference's wall clock), a plain form. */
export function DeskSettings({
  published,
  closeAt,
  error,
  canEdit,
}: {
  published: boolean;
  closeAt: string;
  error?: string;
  canEdit: boolean;
}) {
  const t = useT();
  return (
    <Form method="post" className="space-y-3">
      <input type="hidden" name="intent" value="settings" />
      <fieldset disabled={!canEdit} className="space-y-3">
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="published" defaultChecked={published} className="mt-1" />
          <span>
            {t("exhibition.allocation.settings.published")}
            <span className="block text-xs text-slate-600">{t("exhibition.allocation.settings.publishedHint")}</span>
          </span>
        </label>
        <div>
          <label htmlFor="applicationsCloseAt" className="block text-sm font-medium">
            {t("exhibition.allocation.settings.closeAt")}
          </label>
          <input
            id="applicationsCloseAt"
            name="applicationsCloseAt"
            type="datetime-local"
            defaultValue={closeAt}
            className="input"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "applicationsCloseAt-error" : undefined}
          />
          {error ? (
            <p id="applicationsCloseAt-error" className="mt-1 text-sm text-red-700">
              {t(error)}
            </p>
          ) : null}
        </div>
        {canEdit ? (
          <SubmitButton busyLabel={t("common.saving")}>{t("exhibition.allocation.settings.save")}</SubmitButton>
        ) : null}
      </fieldset>
    </Form>
  );
}
