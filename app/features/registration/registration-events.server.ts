import { nowIso } from "~/platform/db.server";
import type { AttendanceMode, RegistrationStatus } from "~/features/registration/rules";
import type { Db } from "../../platform/types";

/** One step of a registration's history (status and mode), which the dashboard counts approvals from. */
export async function recordRegistrationEvent(
  db: Db,
  r: { id: number; mode: AttendanceMode },
  from: RegistrationStatus | null,
  to: RegistrationStatus,
) {
  await db
    .insertInto("registration_events")
    .values({ registration_id: r.id, at: nowIso(), from_status: from, to_status: to, mode: r.mode })
    .execute();
}
