import { sql, type Kysely } from "kysely";

// Frozen: never edit a landed migration; add a new dated file instead.
// The exhibition of Vietnamese brand products (issue 13): halls, obstacles and booths on a floor plan
// (metres from the hall's top-left corner), exhibitors' applications with products, photos and booth
// wishes, and the allocations (one exhibitor per booth: the booth is the key).
const ZONES = sql`('ocop','handicrafts','food','industry','tourism')`;
const CATEGORIES = sql`('fruit','rice','tea_coffee','seafood','spices','processed_food','beverages','handicraft','textile','ceramics','wood_bamboo','industry','technology','tourism','culture','other')`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("exhibition_settings")
    .addColumn("conference_id", "integer", (c) => c.primaryKey().references("conferences.id").onDelete("cascade"))
    .addColumn("published", "integer", (c) => c.notNull().defaultTo(0).check(sql`published in (0,1)`))
    .addColumn("applications_close_at", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("exhibition_halls")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("conference_id", "integer", (c) => c.notNull().references("conferences.id").onDelete("cascade"))
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("name_vi", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull())
    .addColumn("width_m", "real", (c) => c.notNull().check(sql`width_m > 0 and width_m <= 1000`))
    .addColumn("depth_m", "real", (c) => c.notNull().check(sql`depth_m > 0 and depth_m <= 1000`))
    /** JSON list of [x, y] corners in metres; empty: the rectangle width × depth. */
    .addColumn("outline", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("grid_m", "real", (c) => c.notNull().defaultTo(0.5).check(sql`grid_m > 0`))
    .addColumn("min_aisle_m", "real", (c) => c.notNull().defaultTo(3).check(sql`min_aisle_m >= 0`))
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("exhibition_halls_one_code", ["conference_id", "code"])
    .execute();

  await db.schema
    .createTable("exhibition_obstacles")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("hall_id", "integer", (c) => c.notNull().references("exhibition_halls.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('aisle','column','door','exit','wall')`))
    .addColumn("x", "real", (c) => c.notNull())
    .addColumn("y", "real", (c) => c.notNull())
    .addColumn("w", "real", (c) => c.notNull().check(sql`w > 0`))
    .addColumn("h", "real", (c) => c.notNull().check(sql`h > 0`))
    .addColumn("label", "text", (c) => c.notNull().defaultTo(""))
    .execute();
  await db.schema.createIndex("exhibition_obstacles_hall").on("exhibition_obstacles").column("hall_id").execute();

  await db.schema
    .createTable("booths")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("conference_id", "integer", (c) => c.notNull().references("conferences.id").onDelete("cascade"))
    .addColumn("hall_id", "integer", (c) => c.notNull().references("exhibition_halls.id").onDelete("restrict"))
    .addColumn("code", "text", (c) => c.notNull())
    .addColumn("zone", "text", (c) => c.notNull().check(sql`zone in ${ZONES}`))
    .addColumn("type", "text", (c) => c.notNull().check(sql`type in ('standard','corner','island')`))
    .addColumn("x", "real", (c) => c.notNull().check(sql`x >= 0`))
    .addColumn("y", "real", (c) => c.notNull().check(sql`y >= 0`))
    .addColumn("w", "real", (c) => c.notNull().check(sql`w > 0`))
    .addColumn("h", "real", (c) => c.notNull().check(sql`h > 0`))
    .addColumn("area", "real", (c) => c.notNull().check(sql`area > 0`))
    .addColumn("power", "integer", (c) => c.notNull().defaultTo(0).check(sql`power in (0,1)`))
    .addColumn("water", "integer", (c) => c.notNull().defaultTo(0).check(sql`water in (0,1)`))
    /** Held back by the organisers (a partner's booth, a stage): neither free nor for the allocator. */
    .addColumn("held", "integer", (c) => c.notNull().defaultTo(0).check(sql`held in (0,1)`))
    .addColumn("note", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("booths_one_code", ["conference_id", "code"])
    .execute();
  await db.schema.createIndex("booths_hall").on("booths").column("hall_id").execute();

  await db.schema
    .createTable("exhibitors")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("conference_id", "integer", (c) => c.notNull().references("conferences.id").onDelete("cascade"))
    /** The account that applied and keeps the application (null: entered by the organisers). */
    .addColumn("user_id", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("name_vi", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("kind", "text", (c) =>
      c.notNull().check(sql`kind in ('trade_promotion','cooperative','enterprise','association','other')`),
    )
    /** The province it comes from (a claim until an organiser approves the application). */
    .addColumn("province_id", "integer", (c) => c.references("organisations.id").onDelete("set null"))
    .addColumn("contact_name", "text", (c) => c.notNull())
    .addColumn("contact_email", "text", (c) => c.notNull())
    .addColumn("contact_phone", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("website", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("about_vi", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("about_en", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("status", "text", (c) =>
      c.notNull().defaultTo("draft").check(sql`status in ('draft','submitted','approved','rejected','withdrawn')`),
    )
    .addColumn("decision_reason", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("booths_needed", "integer", (c) => c.notNull().defaultTo(1).check(sql`booths_needed in (1,2)`))
    .addColumn("min_area", "real", (c) => c.notNull().defaultTo(0).check(sql`min_area >= 0`))
    /** JSON: ranked zones (at most three) and acceptable booth types (empty: any). */
    .addColumn("zone_wishes", "text", (c) => c.notNull().defaultTo("[]").check(sql`json_valid(zone_wishes)`))
    .addColumn("type_wishes", "text", (c) => c.notNull().defaultTo("[]").check(sql`json_valid(type_wishes)`))
    /** Wants to stand next to the other exhibitors of its province. */
    .addColumn("near_province", "integer", (c) => c.notNull().defaultTo(1).check(sql`near_province in (0,1)`))
    /** A product category whose other exhibitors it does not want beside it. */
    .addColumn("apart_category", "text", (c) => c.check(sql`apart_category is null or apart_category in ${CATEGORIES}`))
    .addColumn("needs_power", "integer", (c) => c.notNull().defaultTo(0).check(sql`needs_power in (0,1)`))
    .addColumn("needs_water", "integer", (c) => c.notNull().defaultTo(0).check(sql`needs_water in (0,1)`))
    /** After allocation the exhibitor asks for changes instead of editing. */
    .addColumn("change_request", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("change_requested_at", "text")
    .addColumn("submitted_at", "text")
    .addColumn("decided_at", "text")
    .addColumn("decided_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  // One application per account and conference (many organiser-entered ones have no account).
  await db.schema.createIndex("exhibitors_one_per_user").on("exhibitors").columns(["conference_id", "user_id"]).unique().execute();
  await db.schema.createIndex("exhibitors_status").on("exhibitors").columns(["conference_id", "status"]).execute();

  await db.schema
    .createTable("exhibitor_neighbours")
    .addColumn("exhibitor_id", "integer", (c) => c.notNull().references("exhibitors.id").onDelete("cascade"))
    .addColumn("neighbour_id", "integer", (c) => c.notNull().references("exhibitors.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("exhibitor_neighbours_pk", ["exhibitor_id", "neighbour_id"])
    .addCheckConstraint("exhibitor_neighbour_not_self", sql`exhibitor_id <> neighbour_id`)
    .execute();

  await db.schema
    .createTable("exhibitor_products")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("exhibitor_id", "integer", (c) => c.notNull().references("exhibitors.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("name_vi", "text", (c) => c.notNull())
    .addColumn("name_en", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("category", "text", (c) => c.notNull().check(sql`category in ${CATEGORIES}`))
    .addColumn("description_vi", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("description_en", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("exhibitor_products_exhibitor").on("exhibitor_products").column("exhibitor_id").execute();

  await db.schema
    .createTable("exhibitor_photos")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("exhibitor_id", "integer", (c) => c.notNull().references("exhibitors.id").onDelete("cascade"))
    .addColumn("product_id", "integer", (c) => c.references("exhibitor_products.id").onDelete("set null"))
    /** The file's name under the data folder's uploads (random, never the uploaded name). */
    .addColumn("storage_key", "text", (c) => c.notNull().unique())
    .addColumn("content_type", "text", (c) => c.notNull())
    .addColumn("width", "integer", (c) => c.notNull())
    .addColumn("height", "integer", (c) => c.notNull())
    .addColumn("bytes", "integer", (c) => c.notNull())
    .addColumn("caption", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("uploaded_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("exhibitor_photos_exhibitor").on("exhibitor_photos").column("exhibitor_id").execute();

  // A booth belongs to at most one allocation: the booth is the primary key.
  await db.schema
    .createTable("booth_allocations")
    .addColumn("booth_id", "integer", (c) => c.primaryKey().references("booths.id").onDelete("restrict"))
    .addColumn("conference_id", "integer", (c) => c.notNull().references("conferences.id").onDelete("cascade"))
    .addColumn("exhibitor_id", "integer", (c) => c.notNull().references("exhibitors.id").onDelete("cascade"))
    /** Kept exactly as it is by the automatic allocator. */
    .addColumn("locked", "integer", (c) => c.notNull().defaultTo(0).check(sql`locked in (0,1)`))
    .addColumn("confirmed_at", "text")
    .addColumn("source", "text", (c) => c.notNull().check(sql`source in ('hand','auto')`))
    .addColumn("allocated_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("allocated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("booth_allocations_exhibitor").on("booth_allocations").column("exhibitor_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    "booth_allocations",
    "exhibitor_photos",
    "exhibitor_products",
    "exhibitor_neighbours",
    "exhibitors",
    "booths",
    "exhibition_obstacles",
    "exhibition_halls",
    "exhibition_settings",
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
