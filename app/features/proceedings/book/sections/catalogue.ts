/**
 * "Triển lãm sản phẩm thương hiệu Việt Nam": the exhibition catalogue's body (exhibitors by zone,
 * approved only, as the catalogue PDF prints them) in the book. The hall plans stay in the catalogue
 * PDF: they are drawn at absolute page positions, which a flowing book cannot promise. Pure.
 */
import type { Content } from "pdfmake/interfaces";
import { catalogueBody, type CatalogueExhibitor } from "~/features/exhibition/pdf/catalogue";
import type { BookSection, SectionContext } from "../section";

export interface CatalogueSectionData {
  exhibitors: CatalogueExhibitor[];
}

export function buildCatalogueSection(data: CatalogueSectionData, ctx: SectionContext): BookSection {
  const t = (name: string, params?: Record<string, string | number>) =>
    ctx.t(`proceedings.book.catalogue.${name}`, params);
  const title = ctx.t("proceedings.section.catalogue");
  const body = catalogueBody(data.exhibitors, ctx.locale, { headingStyle: "subheading", headlineLevel: 2 });
  const content: Content[] = body.length
    ? [{ text: t("count", { n: data.exhibitors.length }), style: "dataCountLine" }, ...body]
    : [{ text: t("empty"), style: "dataEmptySection" }];
  return { id: "catalogue", title, content };
}
