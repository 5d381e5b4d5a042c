import { catalogueData } from "~/features/exhibition/allocation/prints.server";
import type { Db } from "~/platform/types";
import type { CatalogueSectionData } from "./catalogue";

/** The catalogue's approved exhibitors with their booths and products (the catalogue PDF's own query). */
export async function loadCatalogueData(db: Db, conferenceId: number): Promise<CatalogueSectionData> {
  const { exhibitors } = await catalogueData(db, conferenceId);
  return { exhibitors };
}
