import { getCurrentConference } from "~/features/people/conference.server";
import { notFound } from "./refusal.server";

export type CurrentConference = NonNullable<Awaited<ReturnType<typeof getCurrentConference>>>;

/** The conference the page is about, or the 404 page when none is set up yet. */
export async function requireConference(): Promise<CurrentConference> {
  const conference = await getCurrentConference();
  if (!conference) notFound();
  return conference;
}
