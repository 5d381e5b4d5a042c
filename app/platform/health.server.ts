import { sql } from "kysely";
import { getDb } from "~/platform/db.server";

export async function databaseIsReachable(): Promise<boolean> {
  try {
    await sql`select 1`.execute(getDb());
    return true;
  } catch {
    return false;
  }
}
