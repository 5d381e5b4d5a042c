import type { Migration } from "kysely";
import * as m001 from "./2026-11-22-001-foundation";
import * as m002 from "./2026-11-22-002-registration";
import * as m003 from "./2026-11-22-003-list-indexes";
import * as m004 from "./2026-11-22-004-agenda";
import * as m005 from "./2026-11-22-005-meetings";
import * as m006 from "./2026-11-22-006-meeting-details";
import * as m007 from "./2026-11-22-007-party-sectors";
import * as m008 from "./2026-12-01-008-outbox-claims";
import * as m009 from "./2026-12-01-009-hashed-sessions";
import * as m010 from "./2026-12-01-010-registration-requests";
import * as m011 from "./2026-12-01-011-agenda-favourites";
import * as m012 from "./2026-12-01-012-exhibition";
import * as m013 from "./2026-12-01-013-jobs";
import * as m014 from "./2026-12-01-014-proceedings";

/** Every migration, by name. Listed statically so that bundlers and tsx both find them. */
export const migrations: Record<string, Migration> = {
  "2026-11-22-001-foundation": m001,
  "2026-11-22-002-registration": m002,
  "2026-11-22-003-list-indexes": m003,
  "2026-11-22-004-agenda": m004,
  "2026-11-22-005-meetings": m005,
  "2026-11-22-006-meeting-details": m006,
  "2026-11-22-007-party-sectors": m007,
  "2026-12-01-008-outbox-claims": m008,
  "2026-12-01-009-hashed-sessions": m009,
  "2026-12-01-010-registration-requests": m010,
  "2026-12-01-011-agenda-favourites": m011,
  "2026-12-01-012-exhibition": m012,
  "2026-12-01-013-jobs": m013,
  "2026-12-01-014-proceedings": m014,
};
