import type { Insertable, Kysely } from "kysely";
import type { AgreementsTable, Database } from "../db/schema";
import { nfc } from "../app/lib/text";
import { DEMO_AGREEMENTS, type DemoAgreement } from "./demo-proceedings-agreements";

/**
 * The demo registry's rows: DEMO_AGREEMENTS with dates along the procedure of Law 70/2020 that
 * tell a consistent story (sent for opinion ≤ opinion received ≤ signed ≤ reported ≤ in force).
 * The conference's agreements are signed on its two days; what is still waiting for the Ministry's
 * opinion counts from the seed's "today" (so that "late" means late now); agreements signed earlier
 * in the year are dated back from today. Calendar dates, YYYY-MM-DD, in the conference's zone.
 */

const DAY = 86_400_000;
const toDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ms = (date: string) => Date.parse(`${date}T00:00:00Z`);
export const addDays = (date: string, n: number) => toDate(ms(date) + n * DAY);

/** n working days (Monday to Friday) after the date; before it when n is negative. */
export function addWorkingDays(date: string, n: number): string {
  let at = ms(date);
  const step = n < 0 ? -1 : 1;
  for (let left = Math.abs(n); left > 0;) {
    at += step * DAY;
    const weekday = new Date(at).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return toDate(at);
}

type Dates = Pick<
  AgreementsTable,
  "sent_for_opinion_on" | "opinion_received_on" | "signed_on" | "reported_on" | "in_force_on" | "ended_on"
>;

/** The dates of the i-th demo agreement: `firstDay`, `secondDay` the conference's, `today` the seed's. */
export function agreementDates(a: DemoAgreement, i: number, firstDay: string, secondDay: string, today: string): Dates {
  const none: Dates = {
    sent_for_opinion_on: null,
    opinion_received_on: null,
    signed_on: null,
    reported_on: null,
    in_force_on: null,
    ended_on: null,
  };
  const late = a.timing === "late-opinion";
  switch (a.state) {
    case "drafted":
      return none;
    case "sent_for_opinion":
      // Late: more than 7 working days without an answer.
      return { ...none, sent_for_opinion_on: addWorkingDays(today, late ? -(10 + (i % 5)) : -(1 + (i % 4))) };
    case "opinion_received": {
      const sent = addWorkingDays(today, -(15 + (i % 6)));
      return { ...none, sent_for_opinion_on: sent, opinion_received_on: addWorkingDays(sent, late ? 11 : 3 + (i % 4)) };
    }
    default:
      break;
  }
  const early = a.timing === "early";
  const signed = early
    ? addDays(today, a.state === "ended" ? -(1100 + i) : -(45 + ((i * 37) % 160)))
    : i % 3 === 0
      ? secondDay
      : firstDay;
  const sent = early ? addWorkingDays(signed, -(18 + (i % 7))) : addWorkingDays(today, -(20 + (i % 8)));
  const received = addWorkingDays(sent, 3 + (i % 4));
  const dates: Dates = { ...none, sent_for_opinion_on: sent, opinion_received_on: received, signed_on: signed };
  if (a.state === "signed") return dates;
  // Late: reported more than 15 days after signing.
  dates.reported_on = addDays(signed, a.timing === "late-report" ? 21 + (i % 9) : 4 + (i % 9));
  if (a.state === "reported") return dates;
  dates.in_force_on = i % 2 === 0 ? dates.reported_on : addDays(dates.reported_on, 10 + (i % 12));
  if (a.state === "ended") dates.ended_on = addDays(today, -(20 + (i % 10)));
  return dates;
}

export async function seedDemoAgreements(
  db: Kysely<Database>,
  options: { conferenceId: number; firstDay: string; secondDay: string; today: string; createdBy: string | null },
): Promise<number> {
  const { conferenceId } = options;
  const present = await db.selectFrom("agreements").select("title").where("conference_id", "=", conferenceId).execute();
  const titles = new Set(present.map((p) => p.title));
  const codes = [...new Set(DEMO_AGREEMENTS.flatMap((a) => [a.organisation, a.mission ?? ""]))].filter(Boolean);
  const orgs = new Map(
    (await db.selectFrom("organisations").select(["id", "code"]).where("code", "in", codes).execute()).map((o) => [
      o.code,
      o.id,
    ]),
  );
  // The request an agreement came from: that organisation's to that mission, an accepted one first.
  const requests = new Map<string, number>();
  const rows = await db
    .selectFrom("meeting_requests")
    .select(["id", "from_organisation_id", "to_organisation_id", "status"])
    .where("conference_id", "=", conferenceId)
    .orderBy("id")
    .execute();
  for (const r of rows.filter((x) => x.status === "accepted").concat(rows.filter((x) => x.status !== "accepted"))) {
    const key = `${r.from_organisation_id}>${r.to_organisation_id}`;
    if (!requests.has(key)) requests.set(key, r.id);
  }
  const values: Array<Insertable<AgreementsTable>> = [];
  DEMO_AGREEMENTS.forEach((a, i) => {
    const title = nfc(a.title);
    const organisationId = orgs.get(a.organisation);
    if (titles.has(title) || organisationId === undefined) return;
    const missionId = a.mission ? (orgs.get(a.mission) ?? null) : null;
    const dates = agreementDates(a, i, options.firstDay, options.secondDay, options.today);
    const atConference = dates.signed_on === options.firstDay || dates.signed_on === options.secondDay;
    const at = `${dates.reported_on ?? dates.signed_on ?? dates.opinion_received_on ?? dates.sent_for_opinion_on ?? options.today}T03:00:00.000Z`;
    values.push({
      conference_id: conferenceId,
      organisation_id: organisationId,
      title,
      foreign_party: nfc(a.foreignParty),
      country_code: a.country,
      field: a.field,
      kind: a.kind,
      state: a.state,
      ...dates,
      signed_place: dates.signed_on
        ? nfc(atConference ? "Hà Nội, bên lề Hội nghị Ngoại vụ toàn quốc lần thứ 20" : "Trực tuyến")
        : "",
      mission_id: missionId,
      meeting_request_id: missionId === null ? null : (requests.get(`${organisationId}>${missionId}`) ?? null),
      summary: nfc(a.summary),
      created_by: options.createdBy,
      updated_by: null,
      created_at: `${dates.sent_for_opinion_on ?? options.today}T02:00:00.000Z`,
      updated_at: at,
    });
  });
  if (values.length) await db.insertInto("agreements").values(values).execute();
  return values.length;
}
