import type { FieldValues } from "react-hook-form";
import type { z } from "zod";
import { TextField, type ZodFormState } from "~/components/form";
import { useT } from "~/components/i18n";
import type { OrganisationKind } from "~/auth/roles";
import {
  PAIR_COUNTERPARTS,
  PAIR_REQUESTERS,
  pairField,
  type blockSettingsSchema,
} from "~/features/meetings/block-schema";

type BlockSettingsValues = z.input<typeof blockSettingsSchema>;

/**
 * The settings a meeting block shares between set-up and later edits: tables,
 * deadlines (Hà Nội time), the cap of outgoing requests, and who may ask whom.
 */
export function MeetingBlockFields<T extends FieldValues & BlockSettingsValues>({
  state: form,
  pairs,
  pairsError,
}: {
  state: ZodFormState<T>;
  pairs: Array<[OrganisationKind, OrganisationKind]>;
  pairsError?: string;
}) {
  // The form's schema has the block's settings (`T extends BlockSettingsValues`); the fields name them.
  const state = form as unknown as ZodFormState<BlockSettingsValues>;
  const t = useT();
  const ticked = (a: OrganisationKind, b: OrganisationKind) => pairs.some(([x, y]) => x === a && y === b);
  return (
    <>
      <TextField state={state} name="tableCount" label={t("meetingsAdmin.tableCount")} inputMode="numeric" required />
      <TextField
        state={state}
        name="maxRequests"
        label={t("meetingsAdmin.maxRequests")}
        inputMode="numeric"
        hint={t("meetingsAdmin.maxRequestsHint")}
      />
      <TextField
        state={state}
        name="requestsCloseAt"
        label={t("meetingsAdmin.requestsCloseAt")}
        type="datetime-local"
      />
      <TextField state={state} name="answersCloseAt" label={t("meetingsAdmin.answersCloseAt")} type="datetime-local" />
      <fieldset className="sm:col-span-2" aria-describedby={pairsError ? "pairs-error" : undefined}>
        <legend className="label">{t("meetingsAdmin.pairs")}</legend>
        <p className="mb-2 text-xs text-slate-500">{t("meetingsAdmin.pairsHint")}</p>
        <table className="text-sm">
          <thead>
            <tr>
              <td />
              {PAIR_COUNTERPARTS.map((b) => (
                <th key={b} scope="col" className="px-2 text-left font-medium">
                  {t(`orgKind.${b}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {PAIR_REQUESTERS.map((a) => (
              <tr key={a}>
                <th scope="row" className="pr-3 text-left font-medium">
                  {t(`orgKind.${a}`)}
                </th>
                {PAIR_COUNTERPARTS.map((b) => (
                  <td key={b} className="px-2 py-1">
                    <input
                      type="checkbox"
                      name={pairField(a, b)}
                      defaultChecked={ticked(a, b)}
                      aria-label={t("meetingsAdmin.pairLabel", { a: t(`orgKind.${a}`), b: t(`orgKind.${b}`) })}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {pairsError ? (
          <p id="pairs-error" className="field-error">
            {t(pairsError)}
          </p>
        ) : null}
      </fieldset>
    </>
  );
}
