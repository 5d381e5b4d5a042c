/** When a personal join link opens the stream: from 15 minutes before the start to the end. */
export const JOIN_OPENS_MINUTES_BEFORE = 15;

export type JoinWindow = "early" | "open" | "ended";

export function joinWindow(startsAt: string, endsAt: string, now: Date): JoinWindow {
  const t = now.getTime();
  if (t < new Date(startsAt).getTime() - JOIN_OPENS_MINUTES_BEFORE * 60000) return "early";
  if (t > new Date(endsAt).getTime()) return "ended";
  return "open";
}
