import { useT } from "~/components/i18n";
import { Badge } from "~/components/ui";
import type { MeetingRequestStatus } from "../rules";

const TONE = { pending: "amber", accepted: "green", declined: "red", withdrawn: "grey" } as const satisfies Record<
  MeetingRequestStatus,
  string
>;

/** A meeting request's state as a coloured badge in words, the same on every page that lists requests. */
export function RequestStatusBadge({ status }: { status: MeetingRequestStatus }) {
  const t = useT();
  return <Badge tone={TONE[status]}>{t(`meetingsDelegate.status.${status}`)}</Badge>;
}
