import { Form, Link } from "@remix-run/react";
import { useBilingual, useT } from "~/components/i18n";
import { Badge } from "~/components/ui";
import type { DeskAllocation } from "../allocation/desk.server";

/** The allocations made, each with its state in words and the organisers' buttons (a form each: no JavaScript needed). */
export function AllocationTable({ allocations, canEdit }: { allocations: DeskAllocation[]; canEdit: boolean }) {
  const t = useT();
  const bi = useBilingual();
  if (allocations.length === 0)
    return <p className="text-sm text-slate-600">{t("exhibition.allocation.table.empty")}</p>;
  return (
    // On phones each row stacks as a card (the header row is hidden; each cell says what it is by its content).
    <div>
      <table className="block w-full text-sm sm:table" data-testid="allocations">
        <thead className="hidden sm:table-header-group">
          <tr className="border-b text-left text-slate-600">
            <th className="py-2 pr-3">{t("exhibition.allocation.table.booths")}</th>
            <th className="py-2 pr-3">{t("exhibition.allocation.table.exhibitor")}</th>
            <th className="py-2 pr-3">{t("exhibition.allocation.table.state")}</th>
            {canEdit ? <th className="py-2">{t("exhibition.allocation.table.actions")}</th> : null}
          </tr>
        </thead>
        <tbody className="block sm:table-row-group">
          {allocations.map((a) => {
            const name = bi(a.name_vi, a.name_en);
            const button = (intent: "lock" | "unlock" | "confirm" | "release", tone = "btn-secondary") => (
              <Form method="post" className="inline">
                <input type="hidden" name="intent" value={intent} />
                <input type="hidden" name="exhibitorId" value={a.exhibitorId} />
                <button
                  type="submit"
                  className={`${tone} px-2 py-1 text-xs`}
                  aria-label={t("exhibition.allocation.action.forExhibitor", {
                    action: t(`exhibition.allocation.action.${intent}`),
                    name,
                  })}
                >
                  {t(`exhibition.allocation.action.${intent}`)}
                </button>
              </Form>
            );
            return (
              <tr
                key={a.exhibitorId}
                className="mb-2 block rounded border border-slate-200 p-2 align-top sm:mb-0 sm:table-row sm:rounded-none sm:border-0 sm:border-b sm:p-0"
                data-exhibitor={a.exhibitorId}
              >
                <td className="block font-semibold tabular-nums sm:table-cell sm:py-2 sm:pr-3">
                  {a.booths.join(" + ")}
                </td>
                {/* A name of one long word wraps instead of widening the page. */}
                <td className="block [overflow-wrap:anywhere] sm:table-cell sm:py-2 sm:pr-3">
                  <Link className="link" to={`/admin/exhibition/applications/${a.exhibitorId}`}>
                    {name}
                  </Link>
                </td>
                <td className="block space-x-1 py-1 sm:table-cell sm:py-2 sm:pr-3">
                  {a.confirmed ? (
                    <Badge tone="navy">{t("exhibition.boothState.confirmed")}</Badge>
                  ) : a.locked ? (
                    <Badge tone="grey">{t("exhibition.allocation.locked")}</Badge>
                  ) : (
                    <Badge tone="amber">{t("exhibition.allocation.unlocked")}</Badge>
                  )}
                  <span className="text-xs text-slate-600">{t(`exhibition.allocation.source.${a.source}`)}</span>
                </td>
                {canEdit ? (
                  <td className="flex flex-wrap gap-1 pt-1 sm:table-cell sm:space-x-1 sm:py-2">
                    {a.confirmed ? null : a.locked ? button("unlock") : button("lock")}
                    {a.confirmed ? null : button("confirm")}
                    {button("release", "btn-danger")}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
