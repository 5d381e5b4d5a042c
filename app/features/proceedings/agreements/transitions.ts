/**
 * The agreement's states and the moves between them, pure. Law 70/2020 requires the Ministry of
 * Foreign Affairs' opinion before a locality signs (art. 18), whatever the kind (a letter of intent
 * too): signed is reached only through sent_for_opinion and opinion_received. Reporting (art. 19)
 * and entry into force are separate facts: an agreement may enter into force before it is reported,
 * and may end once signed.
 */
import { AGREEMENT_STATES, type AgreementState } from "../rules";

/** Each state but drafted has its date column, required when entering it. */
export const STATE_DATE = {
  sent_for_opinion: "sent_for_opinion_on",
  opinion_received: "opinion_received_on",
  signed: "signed_on",
  reported: "reported_on",
  in_force: "in_force_on",
  ended: "ended_on",
} as const satisfies Record<Exclude<AgreementState, "drafted">, string>;
export type StateDateField = (typeof STATE_DATE)[keyof typeof STATE_DATE];
export type StateDates = Partial<Record<StateDateField, string | null>>;

/** States that may be passed over on the way to a later one (they keep no date then). */
const SKIPPABLE: ReadonlySet<AgreementState> = new Set(["reported", "in_force"]);

export function stateIndex(state: AgreementState): number {
  return AGREEMENT_STATES.indexOf(state);
}

/** The states between `from` (excluded) and `to` (included), in order. */
function path(from: AgreementState, to: AgreementState): AgreementState[] {
  return AGREEMENT_STATES.slice(stateIndex(from) + 1, stateIndex(to) + 1) as AgreementState[];
}

/** The later states one may move to from `from`, one or more steps (the dates of the steps come with it). */
export function forwardTargets(from: AgreementState): AgreementState[] {
  return AGREEMENT_STATES.slice(stateIndex(from) + 1) as AgreementState[];
}

/** The state a correction goes back to: the latest earlier state that has its date, else drafted. */
export function previousState(current: AgreementState, dates: StateDates): AgreementState {
  for (let i = stateIndex(current) - 1; i > 0; i--) {
    const state = AGREEMENT_STATES[i] as Exclude<AgreementState, "drafted">;
    if (dates[STATE_DATE[state]]) return state;
  }
  return "drafted";
}

export type TransitionCheck =
  { ok: true; set: StateDates } | { ok: false; key: string; field?: string; params?: Record<string, string> };

/**
 * Whether `current` may move forward to `target` with these dates (the agreement's known dates
 * merged with those typed): every state on the way needs its date but reported and in_force, which
 * may be passed over; each date no earlier than the one before it and not after today. `set` holds
 * the dates to store.
 */
export function checkForward(
  current: AgreementState,
  target: AgreementState,
  known: StateDates,
  typed: StateDates,
  today: string,
): TransitionCheck {
  if (stateIndex(target) <= stateIndex(current)) return { ok: false, key: "proceedings.agreements.errors.notForward" };
  let previous: { date: string; field: StateDateField } | null = null;
  for (let i = 1; i <= stateIndex(current); i++) {
    const field = STATE_DATE[AGREEMENT_STATES[i] as Exclude<AgreementState, "drafted">];
    const date = known[field];
    if (date) previous = { date, field };
  }
  const set: StateDates = {};
  for (const state of path(current, target)) {
    const field = STATE_DATE[state as Exclude<AgreementState, "drafted">];
    const date = typed[field] || null;
    if (!date) {
      if (state !== target && SKIPPABLE.has(state)) continue;
      return { ok: false, key: "proceedings.agreements.errors.dateRequired", field };
    }
    if (date > today) return { ok: false, key: "proceedings.agreements.errors.dateInFuture", field };
    if (previous && date < previous.date)
      return {
        ok: false,
        key: "proceedings.agreements.errors.dateBeforePrevious",
        field,
        params: { previous: previous.date },
      };
    set[field] = date;
    previous = { date, field };
  }
  return { ok: true, set };
}

/** The dates a correction clears: the current state's and those of any state passed after the target. */
export function datesClearedBack(current: AgreementState, target: AgreementState): StateDates {
  const cleared: StateDates = {};
  for (const state of path(target, current)) cleared[STATE_DATE[state as Exclude<AgreementState, "drafted">]] = null;
  return cleared;
}
