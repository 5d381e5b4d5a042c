/**
 * The deadlines of Law 70/2020/QH14 on International Agreements, pure. Dates are calendar days
 * (YYYY-MM-DD) in the conference's zone: the law counts days, not instants.
 */
import { OPINION_WORKING_DAYS, REPORT_DAYS } from "../rules";
import { VIETNAM_HOLIDAYS, type HolidayCalendar } from "./holidays";

const DAY_MS = 86_400_000;

function parse(dateIso: string): number {
  const [y, m, d] = dateIso.split("-").map(Number);
  return Date.UTC(y, m - 1, d);
}

function format(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The date n calendar days after dateIso (n may be negative). */
export function addDays(dateIso: string, n: number): string {
  return format(parse(dateIso) + n * DAY_MS);
}

/** 0 Sunday … 6 Saturday. */
function weekday(dateIso: string): number {
  return new Date(parse(dateIso)).getUTCDay();
}

export function isWorkingDay(dateIso: string, holidays: HolidayCalendar = VIETNAM_HOLIDAYS): boolean {
  if (holidays.workingWeekends.has(dateIso)) return true;
  const day = weekday(dateIso);
  return day !== 0 && day !== 6 && !holidays.daysOff.has(dateIso);
}

/**
 * The n-th working day after dateIso: the day of sending is not counted (it is day 0), Saturdays,
 * Sundays and the days off in `holidays` are skipped.
 */
export function addWorkingDays(dateIso: string, n: number, holidays: HolidayCalendar = VIETNAM_HOLIDAYS): string {
  let date = dateIso;
  let left = n;
  while (left > 0) {
    date = addDays(date, 1);
    if (isWorkingDay(date, holidays)) left -= 1;
  }
  return date;
}

/** The Ministry of Foreign Affairs answers within 7 working days of receiving the request (art. 18). */
export function opinionDueOn(sentOn: string, holidays: HolidayCalendar = VIETNAM_HOLIDAYS): string {
  return addWorkingDays(sentOn, OPINION_WORKING_DAYS, holidays);
}

/** The locality reports within 15 days of signing (art. 19): calendar days, the law says "ngày", not "ngày làm việc". */
export function reportDueOn(signedOn: string): string {
  return addDays(signedOn, REPORT_DAYS);
}

export interface AgreementDates {
  sent_for_opinion_on: string | null;
  opinion_received_on: string | null;
  signed_on: string | null;
  reported_on: string | null;
}

export interface Lateness {
  opinionLate: boolean;
  reportLate: boolean;
  opinionDueOn: string | null;
  reportDueOn: string | null;
}

/**
 * Whether a deadline was missed: still open past its due date, or met after it. A late opinion is
 * the Ministry's (the locality's file waits); a late report is the locality's.
 */
export function lateness(agreement: AgreementDates, today: string, holidays = VIETNAM_HOLIDAYS): Lateness {
  const opinionDue = agreement.sent_for_opinion_on ? opinionDueOn(agreement.sent_for_opinion_on, holidays) : null;
  const reportDue = agreement.signed_on ? reportDueOn(agreement.signed_on) : null;
  const opinionLate =
    opinionDue !== null &&
    (agreement.opinion_received_on === null ? today > opinionDue : agreement.opinion_received_on > opinionDue);
  const reportLate =
    reportDue !== null && (agreement.reported_on === null ? today > reportDue : agreement.reported_on > reportDue);
  return { opinionLate, reportLate, opinionDueOn: opinionDue, reportDueOn: reportDue };
}
