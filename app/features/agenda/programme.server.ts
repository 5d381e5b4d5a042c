import { sessionUid, type IcsEvent } from "~/lib/ics";
import type { Locale } from "~/platform/i18n";
import { translate } from "~/features/agenda/i18n";
import { listSessions, myAgenda, type AgendaSession } from "./agenda.server";
import { publicUrl } from "../people/invitations.server";
import { joinLinksFor } from "../registration/join-links.server";
import { getOwnRegistration } from "../registration/registrations.server";

/**
 * The delegates' side of the agenda, built on the agenda model's own queries
 * (listSessions, myAgenda): the published programme and a person's agenda,
 * shaped for the pages, the PDF and the calendar files.
 */

export type ProgrammeSession = AgendaSession;

export function publishedProgramme(conferenceId: number) {
  return listSessions(conferenceId, { includeDrafts: false });
}

/** A registration that may sign up: pending or approved. */
export function isLive(status: string | undefined | null): boolean {
  return status === "approved" || status === "pending";
}

/** The viewer's registration, the sessions they signed up for and those they put on their agenda, for the programme page. */
export async function viewerSignUps(userId: string, conferenceId: number) {
  const agenda = await myAgenda(userId, conferenceId);
  const signedUp: Record<number, string> = {};
  const favourites: Record<number, true> = {};
  for (const s of agenda.sessions) {
    if (s.signed_up_mode) signedUp[s.id] = s.signed_up_mode;
    if (s.favourite) favourites[s.id] = true;
  }
  return { registration: agenda.registration, signedUp, favourites };
}

/**
 * "My agenda": the person's sessions (why each is there, their role, the join link where they
 * may attend online) with each session's people, in time order.
 */
export async function personalAgenda(userId: string, conferenceId: number) {
  const [agenda, all, registration] = await Promise.all([
    myAgenda(userId, conferenceId),
    listSessions(conferenceId, { includeDrafts: false }),
    getOwnRegistration(userId, conferenceId),
  ]);
  const links = registration ? await joinLinksFor(registration) : [];
  const bySession = new Map(all.map((s) => [s.id, s]));
  const tokens = new Map(links.map((l) => [l.id, l.token]));
  const sessions = agenda.sessions
    .filter((s) => bySession.has(s.id))
    .map((s) => ({
      ...bySession.get(s.id)!,
      role: s.role,
      signedUpMode: s.signed_up_mode,
      favourite: s.favourite,
      reasons: s.reasons,
      joinToken: tokens.get(s.id) ?? null,
    }));
  return { registration: registration ?? null, sessions };
}

export type PersonalSession = Awaited<ReturnType<typeof personalAgenda>>["sessions"][number];

/** The host part of the calendars' UIDs (from PUBLIC_URL). */
export function calendarHost(): string {
  try {
    return new URL(publicUrl()).hostname;
  } catch {
    return "ngoaivu.local";
  }
}

function peopleLines(s: ProgrammeSession, locale: Locale): string[] {
  return s.people.map(
    (p) =>
      `${translate(locale, `programme.role.${p.role}`)}: ${p.full_name} (${locale === "vi" ? p.organisation_vi : p.organisation_en})`,
  );
}

/**
 * Calendar events for sessions; the join link goes into the description where there is one.
 * A session has one UID in every feed (the programme and My agenda), so that who subscribes to
 * both sees it once, and its SEQUENCE is the session's own counter of changes.
 */
export function sessionEvents(
  sessions: Array<ProgrammeSession & { joinToken?: string | null }>,
  kind: "programme" | "agenda",
  locale: Locale,
): IcsEvent[] {
  const base = publicUrl();
  const h = calendarHost();
  return sessions.map((s) => {
    const description = [locale === "vi" ? s.description_vi : s.description_en, ...peopleLines(s, locale)];
    if (s.joinToken) description.push(`${translate(locale, "programme.joinOnline")}: ${base}/join/${s.joinToken}`);
    return {
      uid: sessionUid(s.id, h),
      startsAt: s.starts_at,
      endsAt: s.ends_at,
      summary: locale === "vi" ? s.title_vi : s.title_en,
      location: locale === "vi" ? s.room_vi : s.room_en,
      description: description.filter(Boolean).join("\n"),
      url: kind === "agenda" ? `${base}/my-agenda` : `${base}/programme#session-${s.id}`,
      updatedAt: s.updated_at,
      sequence: s.sequence,
    };
  });
}
