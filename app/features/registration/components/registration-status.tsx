import type { RegistrationStatus } from "~/features/registration/rules";
import { useT } from "../../../components/i18n";
import { Badge } from "../../../components/ui";

const tone = { pending: "amber", approved: "green", waitlisted: "navy", rejected: "red", cancelled: "grey" } as const;
const icon = { pending: "•", approved: "✓", waitlisted: "…", rejected: "✕", cancelled: "–" } as const;

/** A registration's status as a word and an icon, never colour alone. */
export function StatusBadge({ status }: { status: RegistrationStatus }) {
  const t = useT();
  return (
    <Badge tone={tone[status]}>
      <span aria-hidden="true">{icon[status]} </span>
      {t(`registration.status.${status}`)}
    </Badge>
  );
}
