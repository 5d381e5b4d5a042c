/**
 * The exhibition's lists of values (migration 012 keeps a frozen copy in its checks) and the small
 * rules every part of the capability shares: a booth's state on the plan, and who sees what.
 */

/** Zones by theme: agriculture and OCOP, handicrafts, processed food, industry and technology, tourism and culture. */
export const ZONES = ["ocop", "handicrafts", "food", "industry", "tourism"] as const;
export type Zone = (typeof ZONES)[number];

export const BOOTH_TYPES = ["standard", "corner", "island"] as const;
export type BoothType = (typeof BOOTH_TYPES)[number];

/** Obstacles on the plan: booths may not stand on them (aisles and exits must stay clear). */
export const OBSTACLE_KINDS = ["aisle", "column", "door", "exit", "wall"] as const;
export type ObstacleKind = (typeof OBSTACLE_KINDS)[number];

export const PRODUCT_CATEGORIES = [
  "fruit",
  "rice",
  "tea_coffee",
  "seafood",
  "spices",
  "processed_food",
  "beverages",
  "handicraft",
  "textile",
  "ceramics",
  "wood_bamboo",
  "industry",
  "technology",
  "tourism",
  "culture",
  "other",
] as const;
export type ProductCategory = (typeof PRODUCT_CATEGORIES)[number];

/** The zone a product category belongs in, for the form's first suggestion. */
export const ZONE_OF_CATEGORY: Record<ProductCategory, Zone> = {
  fruit: "ocop",
  rice: "ocop",
  tea_coffee: "ocop",
  seafood: "food",
  spices: "ocop",
  processed_food: "food",
  beverages: "food",
  handicraft: "handicrafts",
  textile: "handicrafts",
  ceramics: "handicrafts",
  wood_bamboo: "handicrafts",
  industry: "industry",
  technology: "industry",
  tourism: "tourism",
  culture: "tourism",
  other: "ocop",
};

export const EXHIBITOR_KINDS = ["trade_promotion", "cooperative", "enterprise", "association", "other"] as const;
export type ExhibitorKind = (typeof EXHIBITOR_KINDS)[number];

/**
 * An application's life: the exhibitor edits a draft, submits it, and may still edit until a booth is
 * allocated; organisers approve (it enters the allocation) or reject with a reason.
 */
export const APPLICATION_STATUSES = ["draft", "submitted", "approved", "rejected", "withdrawn"] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Booth states on the plan, each with a colour and a word (never colour alone). */
export const BOOTH_STATES = ["free", "held", "allocated", "confirmed"] as const;
export type BoothState = (typeof BOOTH_STATES)[number];

export function boothState(
  booth: { held: number | boolean },
  allocation: { confirmed_at: string | null } | null,
): BoothState {
  if (allocation) return allocation.confirmed_at ? "confirmed" : "allocated";
  return booth.held ? "held" : "free";
}

export const MAX_PHOTOS_PER_EXHIBITOR = 10;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export const MAX_PRODUCTS_PER_EXHIBITOR = 20;
/** Ranked zone wishes: at most three. */
export const MAX_ZONE_WISHES = 3;
/** Aisles narrower than this warn in the editor (metres), unless a hall sets its own. */
export const DEFAULT_MIN_AISLE_M = 3;

/** Who sees the plan and catalogue: every signed-in person; the public once the organisers publish. */
export function catalogueVisible(published: boolean, signedIn: boolean): boolean {
  return signedIn || published;
}
