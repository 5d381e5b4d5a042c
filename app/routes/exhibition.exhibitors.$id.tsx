import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getUser, requireUser } from "~/auth/guards.server";
import { can } from "~/auth/permissions";
import { resolveLocale } from "~/auth/request.server";
import { pageMeta, useBilingual, useLocale, useT } from "~/components/i18n";
import { Notice } from "~/components/ui";
import { requireConference } from "~/http/conference.server";
import { requestMessages } from "~/http/i18n.server";
import { notFound, parseId } from "~/http/refusal.server";
import { getDb } from "~/platform/db.server";
import { exhibitorForViewer } from "~/features/exhibition/catalogue/exhibitor-page.server";
import { formatArea } from "~/features/exhibition/components/floor-plan";

export const meta: MetaFunction<typeof loader> = (args) =>
  args.data
    ? pageMeta(args, "exhibition.catalogue.exhibitor.pageTitle", { name: args.data.title })
    : pageMeta(args, "exhibition.catalogue.title");

/**
 * An exhibitor's page: names, province, booths (back to the plan with the booth highlighted),
 * products in the viewer's language with the other beside, photos, contact. Approved exhibitors
 * for whoever sees the catalogue; any other application only for its owner and staff (404 otherwise).
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = parseId(params.id);
  const conference = await requireConference();
  const user = await getUser(request);
  const page = await exhibitorForViewer(getDb(), conference.id, id, {
    userId: user?.id ?? null,
    staff: user ? can(user.role, "read:exhibition:any") : false,
  });
  if (page === "signIn") {
    await requireUser(request);
    notFound();
  }
  if (!page) notFound();
  const messages = await requestMessages(request, "exhibition");
  const e = page.exhibitor;
  const title = resolveLocale(request, user?.locale) === "en" ? e.name_en || e.name_vi : e.name_vi;
  return json({ messages, page, title });
}

export default function ExhibitorPage() {
  const { page } = useLoaderData<typeof loader>();
  const t = useT();
  const bi = useBilingual();
  const locale = useLocale();
  const other = locale === "vi" ? "en" : "vi";
  const otherOf = (vi: string, en: string) => (locale === "vi" ? en : vi);
  const e = page.exhibitor;
  return (
    // Wrapping anywhere: an exhibitor's name or product of one long word wraps instead of widening the page.
    <article className="mx-auto max-w-4xl space-y-4 [overflow-wrap:anywhere]">
      <p className="no-print">
        <Link to="/exhibition" className="btn-link">
          ← {t("exhibition.catalogue.exhibitor.back")}
        </Link>
      </p>
      <header>
        <h1>{bi(e.name_vi, e.name_en)}</h1>
        {otherOf(e.name_vi, e.name_en) ? (
          <p className="text-slate-600" lang={other}>
            {otherOf(e.name_vi, e.name_en)}
          </p>
        ) : null}
        <p className="mt-1 text-sm text-slate-700">{t(`exhibition.kind.${e.kind}`)}</p>
      </header>
      {!page.inCatalogue ? (
        <Notice tone="info">
          {t("exhibition.catalogue.exhibitor.notInCatalogue", { status: t(`exhibition.status.${e.status}`) })}
        </Notice>
      ) : null}
      <div className="grid gap-4 md:grid-cols-2">
        <section className="card space-y-2" aria-labelledby="booths-heading">
          <h2 id="booths-heading">{t("exhibition.catalogue.exhibitor.booths")}</h2>
          {page.booths.length ? (
            <ul className="space-y-2">
              {page.booths.map((b) => (
                <li key={b.id}>
                  <Link
                    to={`/exhibition?booth=${encodeURIComponent(b.code)}`}
                    className="link font-mono text-lg font-bold"
                    aria-label={t("exhibition.catalogue.exhibitor.onPlan", { code: b.code })}
                  >
                    {b.code}
                  </Link>
                  <span className="block text-sm text-slate-600">
                    {bi(b.hall_vi, b.hall_en)} ·{" "}
                    {t("exhibition.catalogue.exhibitor.boothDetail", {
                      zone: t(`exhibition.zone.${b.zone}`),
                      type: t(`exhibition.boothType.${b.type}`),
                      area: t("exhibition.area", { area: formatArea(b.area) }),
                    })}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-600">{t("exhibition.catalogue.noBooth")}</p>
          )}
          {e.province_id ? (
            <p className="text-sm">
              <span className="font-semibold">{t("exhibition.catalogue.exhibitor.province")}: </span>
              <Link to={`/exhibition?province=${e.province_id}`} className="link">
                {bi(e.province_vi, e.province_en)}
              </Link>
            </p>
          ) : null}
        </section>
        <section className="card" aria-labelledby="contact-heading">
          <h2 id="contact-heading">{t("exhibition.catalogue.exhibitor.contact")}</h2>
          <dl className="mt-2 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
            <dt className="font-semibold">{t("exhibition.catalogue.exhibitor.contactName")}</dt>
            <dd>{e.contact_name}</dd>
            <dt className="font-semibold">{t("exhibition.catalogue.exhibitor.email")}</dt>
            <dd className="break-words">
              <a href={`mailto:${e.contact_email}`} className="link">
                {e.contact_email}
              </a>
            </dd>
            {e.contact_phone ? (
              <>
                <dt className="font-semibold">{t("exhibition.catalogue.exhibitor.phone")}</dt>
                <dd>
                  <a href={`tel:${e.contact_phone.replace(/\s+/g, "")}`} className="link">
                    {e.contact_phone}
                  </a>
                </dd>
              </>
            ) : null}
            {e.website ? (
              <>
                <dt className="font-semibold">{t("exhibition.catalogue.exhibitor.website")}</dt>
                <dd className="break-words">
                  {/^https?:\/\//i.test(e.website) ? (
                    <a href={e.website} className="link" rel="noopener noreferrer nofollow">
                      {e.website}
                    </a>
                  ) : (
                    e.website
                  )}
                </dd>
              </>
            ) : null}
          </dl>
        </section>
      </div>
      {bi(e.about_vi, e.about_en) ? (
        <section aria-labelledby="about-heading">
          <h2 id="about-heading">{t("exhibition.catalogue.exhibitor.about")}</h2>
          <Bilingual vi={e.about_vi} en={e.about_en} />
        </section>
      ) : null}
      <section aria-labelledby="products-heading" className="space-y-3">
        <h2 id="products-heading">{t("exhibition.catalogue.exhibitor.products")}</h2>
        {page.products.length ? (
          <ul className="grid gap-3 sm:grid-cols-2" data-testid="exhibitor-products">
            {page.products.map((p) => {
              const photos = page.photos.filter((ph) => ph.product_id === p.id);
              return (
                <li key={p.id} className="card min-w-0 break-inside-avoid space-y-2">
                  <h3 className="font-semibold text-navy-900">{bi(p.name_vi, p.name_en)}</h3>
                  {otherOf(p.name_vi, p.name_en) ? (
                    <p className="-mt-2 text-sm text-slate-600" lang={other}>
                      {otherOf(p.name_vi, p.name_en)}
                    </p>
                  ) : null}
                  <p className="text-xs font-semibold uppercase text-slate-600">
                    {t(`exhibition.category.${p.category}`)}
                  </p>
                  <Bilingual vi={p.description_vi} en={p.description_en} />
                  <Photos photos={photos} name={bi(p.name_vi, p.name_en)} />
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="text-sm text-slate-600">{t("exhibition.catalogue.exhibitor.noProducts")}</p>
        )}
      </section>
      {page.photos.some((ph) => ph.product_id === null) ? (
        <section aria-labelledby="photos-heading">
          <h2 id="photos-heading">{t("exhibition.catalogue.exhibitor.photos")}</h2>
          <Photos photos={page.photos.filter((ph) => ph.product_id === null)} name={bi(e.name_vi, e.name_en)} />
        </section>
      ) : null}
    </article>
  );
}

/** A text in the viewer's language, with the other language beside it (smaller, its own lang). */
function Bilingual({ vi, en }: { vi: string; en: string }) {
  const t = useT();
  const locale = useLocale();
  const first = locale === "vi" ? vi || en : en || vi;
  const second = locale === "vi" ? en : vi;
  if (!first) return null;
  return (
    <div className="space-y-1 text-sm">
      <p lang={locale === "vi" ? (vi ? "vi" : "en") : en ? "en" : "vi"}>{first}</p>
      {second && second !== first ? (
        <p className="border-l-2 border-slate-200 pl-2 text-slate-600" lang={locale === "vi" ? "en" : "vi"}>
          <span className="sr-only">{t("exhibition.catalogue.exhibitor.otherLanguage")}: </span>
          {second}
        </p>
      ) : null}
    </div>
  );
}

function Photos({
  photos,
  name,
}: {
  photos: ReadonlyArray<{ id: number; caption: string; width: number; height: number }>;
  name: string;
}) {
  const t = useT();
  if (!photos.length) return null;
  return (
    <ul className="grid grid-cols-2 gap-2">
      {photos.map((ph) => (
        <li key={ph.id}>
          <img
            src={`/exhibition/photos/${ph.id}`}
            alt={ph.caption || t("exhibition.catalogue.exhibitor.photoAlt", { name })}
            width={ph.width}
            height={ph.height}
            loading="lazy"
            className="h-auto w-full rounded border border-slate-200 object-cover"
          />
        </li>
      ))}
    </ul>
  );
}
