import type { ReactNode } from "react";
import { useBilingual, useT } from "~/components/i18n";
import type { ApplicationStatus, BoothType, ExhibitorKind, ProductCategory, Zone } from "../rules";
import { formatArea } from "./floor-plan";
import { ApplicationStatusBadge } from "./application-status";

export interface DetailsApplication {
  name_vi: string;
  name_en: string;
  kind: ExhibitorKind;
  province_vi: string | null;
  province_en: string | null;
  contact_name: string;
  contact_email: string;
  contact_phone: string;
  account_email: string | null;
  website: string;
  about_vi: string;
  about_en: string;
  zones: Zone[];
  types: BoothType[];
  booths_needed: number;
  min_area: number;
  near_province: number;
  apart_category: ProductCategory | null;
  needs_power: number;
  needs_water: number;
  neighbours: Array<{ id: number; name_vi: string; name_en: string; status: ApplicationStatus }>;
  products: Array<{
    id: number;
    name_vi: string;
    name_en: string;
    category: ProductCategory;
    description_vi: string;
    description_en: string;
  }>;
  photos: Array<{ id: number; product_id: number | null; caption: string; width: number; height: number }>;
  booths: Array<{ id: number; code: string; area: number; hall_vi: string; hall_en: string }>;
}

const A = "exhibition.applications";

/** One application as staff read it: organisation, contact, wishes, products with photos, booths. */
export function ApplicationDetails({ application: a }: { application: DetailsApplication }) {
  const t = useT();
  const bi = useBilingual();
  const yes = (v: number) => t(v ? `${A}.admin.yes` : `${A}.admin.no`);
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <section className="card" aria-labelledby="details-organisation">
        <h2 id="details-organisation">{t(`${A}.section.organisation`)}</h2>
        <dl className="mt-3 space-y-2 text-sm">
          <Row label={t(`${A}.field.nameVi`)}>{a.name_vi}</Row>
          <Row label={t(`${A}.field.nameEn`)}>{a.name_en || "—"}</Row>
          <Row label={t(`${A}.field.kind`)}>{t(`exhibition.kind.${a.kind}`)}</Row>
          <Row label={t(`${A}.admin.provinceClaim`)}>{bi(a.province_vi, a.province_en) || "—"}</Row>
          <Row label={t(`${A}.field.website`)}>{a.website || "—"}</Row>
          <Row label={t(`${A}.field.aboutVi`)}>
            <span className="whitespace-pre-line">{a.about_vi || "—"}</span>
          </Row>
          <Row label={t(`${A}.field.aboutEn`)}>
            <span className="whitespace-pre-line">{a.about_en || "—"}</span>
          </Row>
        </dl>
        <h3 className="mt-4 text-base font-semibold">{t(`${A}.section.contact`)}</h3>
        <dl className="mt-2 space-y-2 text-sm">
          <Row label={t(`${A}.field.contactName`)}>{a.contact_name}</Row>
          <Row label={t(`${A}.field.contactEmail`)}>{a.contact_email}</Row>
          <Row label={t(`${A}.field.contactPhone`)}>{a.contact_phone || "—"}</Row>
        </dl>
        {a.account_email ? (
          <p className="mt-2 text-xs text-slate-500">{t(`${A}.admin.account`, { email: a.account_email })}</p>
        ) : null}
      </section>
      <section className="card" aria-labelledby="details-wishes" data-testid="details-wishes">
        <h2 id="details-wishes">{t(`${A}.section.wishes`)}</h2>
        <dl className="mt-3 space-y-2 text-sm">
          <Row label={t(`${A}.admin.col.zones`)}>
            {a.zones.length
              ? a.zones.map((z, i) => `${i + 1}. ${t(`exhibition.zone.${z}`)}`).join("; ")
              : t(`${A}.admin.noZone`)}
          </Row>
          <Row label={t(`${A}.field.types`)}>
            {a.types.length ? a.types.map((x) => t(`exhibition.boothType.${x}`)).join(", ") : t(`${A}.admin.anyType`)}
          </Row>
          <Row label={t(`${A}.field.boothsNeeded`)}>{a.booths_needed}</Row>
          <Row label={t(`${A}.field.minArea`)}>{a.min_area ? formatArea(a.min_area) : "—"}</Row>
          <Row label={t(`${A}.field.nearProvince`)}>{yes(a.near_province)}</Row>
          <Row label={t(`${A}.field.neighbours`)}>
            {a.neighbours.length ? (
              <ul>
                {a.neighbours.map((n) => (
                  <li key={n.id}>
                    {bi(n.name_vi, n.name_en)} <ApplicationStatusBadge status={n.status} />
                  </li>
                ))}
              </ul>
            ) : (
              "—"
            )}
          </Row>
          <Row label={t(`${A}.field.apartCategory`)}>
            {a.apart_category ? t(`exhibition.category.${a.apart_category}`) : "—"}
          </Row>
          <Row label={t(`${A}.field.needsPower`)}>{yes(a.needs_power)}</Row>
          <Row label={t(`${A}.field.needsWater`)}>{yes(a.needs_water)}</Row>
          <Row label={t(`${A}.admin.col.booths`)}>
            {a.booths.length
              ? a.booths
                  .map(
                    (b) =>
                      `${b.code} (${bi(b.hall_vi, b.hall_en)}, ${t("exhibition.area", { area: formatArea(b.area) })})`,
                  )
                  .join(", ")
              : "—"}
          </Row>
        </dl>
      </section>
      <section className="card lg:col-span-2" aria-labelledby="details-products">
        <h2 id="details-products">{t(`${A}.section.products`)}</h2>
        {a.products.length === 0 ? <p className="mt-2 text-sm">{t(`${A}.noProducts`)}</p> : null}
        <ul className="mt-3 space-y-4">
          {[...a.products, null].map((p) => {
            const photos = a.photos.filter((ph) => ph.product_id === (p?.id ?? null));
            if (!p && photos.length === 0) return null;
            return (
              <li
                key={p?.id ?? "general"}
                className="rounded border border-slate-200 p-3"
                data-testid="details-product"
              >
                {p ? (
                  <>
                    <h3 className="text-base font-semibold">
                      {p.name_vi}
                      {p.name_en ? <span className="font-normal text-slate-600"> · {p.name_en}</span> : null}
                    </h3>
                    <p className="text-sm text-slate-600">{t(`exhibition.category.${p.category}`)}</p>
                    {p.description_vi ? <p className="mt-1 whitespace-pre-line text-sm">{p.description_vi}</p> : null}
                    {p.description_en ? (
                      <p lang="en" className="mt-1 whitespace-pre-line text-sm text-slate-700">
                        {p.description_en}
                      </p>
                    ) : null}
                  </>
                ) : null}
                {photos.length ? (
                  <ul className="mt-2 flex flex-wrap gap-3">
                    {photos.map((ph) => (
                      <li key={ph.id}>
                        <a href={`/exhibition/photos/${ph.id}`} target="_blank" rel="noreferrer">
                          <img
                            src={`/exhibition/photos/${ph.id}`}
                            alt={ph.caption || t(`${A}.photoAlt`)}
                            width={ph.width}
                            height={ph.height}
                            loading="lazy"
                            className="h-28 w-36 rounded border border-slate-200 object-cover"
                          />
                        </a>
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 sm:grid-cols-[12rem_minmax(0,1fr)]">
      <dt className="font-medium text-slate-600">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}
