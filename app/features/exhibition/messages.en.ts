import { allocationEn } from "./allocation/messages.en";
import { allocatorEn } from "./allocator/messages.en";
import { applicationsEn } from "./applications/messages.en";
import { catalogueEn } from "./catalogue/messages.en";
import { planEn } from "./plan/messages.en";
import type { exhibitionVi } from "./messages.vi";

type Key = keyof typeof exhibitionVi;
type OwnKey = Exclude<
  Key,
  | keyof typeof planEn
  | keyof typeof applicationsEn
  | keyof typeof allocatorEn
  | keyof typeof allocationEn
  | keyof typeof catalogueEn
>;

const commonEn: Record<OwnKey, string> = {
  "exhibition.title": "Exhibition of Vietnamese brand products",
  "exhibition.zone.ocop": "Agriculture and OCOP",
  "exhibition.zone.handicrafts": "Handicrafts",
  "exhibition.zone.food": "Processed food",
  "exhibition.zone.industry": "Industry and technology",
  "exhibition.zone.tourism": "Tourism and culture",
  "exhibition.boothType.standard": "Standard booth",
  "exhibition.boothType.corner": "Corner booth",
  "exhibition.boothType.island": "Island booth",
  "exhibition.boothState.free": "Free",
  "exhibition.boothState.held": "Held",
  "exhibition.boothState.allocated": "Allocated",
  "exhibition.boothState.confirmed": "Confirmed",
  "exhibition.obstacle.aisle": "Aisle",
  "exhibition.obstacle.column": "Column",
  "exhibition.obstacle.door": "Door",
  "exhibition.obstacle.exit": "Emergency exit",
  "exhibition.obstacle.wall": "Wall",
  "exhibition.category.fruit": "Fruit",
  "exhibition.category.rice": "Rice and grains",
  "exhibition.category.tea_coffee": "Tea and coffee",
  "exhibition.category.seafood": "Seafood",
  "exhibition.category.spices": "Spices and herbs",
  "exhibition.category.processed_food": "Processed food",
  "exhibition.category.beverages": "Beverages",
  "exhibition.category.handicraft": "Handicrafts",
  "exhibition.category.textile": "Textiles and brocade",
  "exhibition.category.ceramics": "Ceramics",
  "exhibition.category.wood_bamboo": "Wood, rattan and bamboo",
  "exhibition.category.industry": "Industrial products",
  "exhibition.category.technology": "Technology",
  "exhibition.category.tourism": "Tourism",
  "exhibition.category.culture": "Culture",
  "exhibition.category.other": "Other",
  "exhibition.status.draft": "Draft",
  "exhibition.status.submitted": "Submitted",
  "exhibition.status.approved": "Approved",
  "exhibition.status.rejected": "Rejected",
  "exhibition.status.withdrawn": "Withdrawn",
  "exhibition.kind.trade_promotion": "Trade promotion centre",
  "exhibition.kind.cooperative": "Cooperative",
  "exhibition.kind.enterprise": "Enterprise",
  "exhibition.kind.association": "Association",
  "exhibition.kind.other": "Other organisation",
  "exhibition.area": "{area} m²",
  "exhibition.legend": "Legend",
  "exhibition.power": "Power",
  "exhibition.water": "Water",
  "exhibition.errors.notFound": "Not found.",
  "exhibition.errors.notYours": "This application is not yours.",
};

/** The exhibition's messages in English: every key of the Vietnamese, checked by the compiler. */
export const exhibitionEn: Record<Key, string> = {
  ...commonEn,
  ...planEn,
  ...applicationsEn,
  ...allocatorEn,
  ...allocationEn,
  ...catalogueEn,
};
