import type { Migration } from "kysely";
import * as m001 from "./2026-11-22-001-foundation";

/** Every migration, by name. Listed statically so that bundlers and tsx both find them. */
export const migrations: Record<string, Migration> = {
  "2026-11-22-001-foundation": m001,
};
