import { useLocale, useT } from "~/components/i18n";
import { Badge } from "~/components/ui";
import { formatCalendarDate } from "../dates";
import type { Lateness } from "../deadlines";

/**
 * The Ministry's opinion and the report: due dates and lateness in words and colour, with a mark
 * ("!") so that colour is never the only sign.
 */
export function DeadlineFlags({
  lateness,
  opinionReceived,
  reported,
}: {
  lateness: Lateness;
  opinionReceived: boolean;
  reported: boolean;
}) {
  const t = useT();
  const locale = useLocale();
  const A = "proceedings.agreements.due";
  const items: { key: string; late: boolean; text: string }[] = [];
  if (lateness.opinionDueOn) {
    const date = formatCalendarDate(lateness.opinionDueOn, locale);
    if (lateness.opinionLate)
      items.push({
        key: "opinion",
        late: true,
        text: t(opinionReceived ? `${A}.opinionLateMet` : `${A}.opinionLate`, { date }),
      });
    else if (!opinionReceived) items.push({ key: "opinion", late: false, text: t(`${A}.opinion`, { date }) });
  }
  if (lateness.reportDueOn) {
    const date = formatCalendarDate(lateness.reportDueOn, locale);
    if (lateness.reportLate)
      items.push({ key: "report", late: true, text: t(reported ? `${A}.reportLateMet` : `${A}.reportLate`, { date }) });
    else if (!reported) items.push({ key: "report", late: false, text: t(`${A}.report`, { date }) });
  }
  if (items.length === 0) return <span className="text-slate-500">{t(`${A}.none`)}</span>;
  return (
    <ul className="space-y-1">
      {items.map((item) => (
        <li key={item.key} data-testid={`due-${item.key}`} data-late={item.late ? "true" : "false"}>
          {item.late ? (
            <Badge tone="red">
              <span aria-hidden="true">! </span>
              {item.text}
            </Badge>
          ) : (
            <span className="text-sm text-slate-700">{item.text}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
