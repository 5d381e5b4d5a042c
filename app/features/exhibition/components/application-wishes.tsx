import { useId, useMemo } from "react";
import { SelectField, TextField, type ZodFormState } from "~/components/form";
import { useBilingual, useT } from "~/components/i18n";
import type { applicationSchema } from "../applications/schema";
import { zoneOutlook, zonePictures } from "../applications/wishes";
import type { FloorPlanData } from "../plan/plan-data";
import { BOOTH_TYPES, ZONES, type BoothType, type ProductCategory, type Zone } from "../rules";
import { FloorPlan, PlanLegend } from "./floor-plan";
import type { z } from "zod";

export interface NeighbourChoice {
  id: number;
  name_vi: string;
  name_en: string;
  province_vi: string | null;
  province_en: string | null;
}

type State = ZodFormState<z.input<typeof applicationSchema>>;

const A = "exhibition.applications";
const OUTLOOK_TONE = { open: "text-emerald-800", tight: "text-amber-900", none: "text-red-800" } as const;
const OUTLOOK_ICON = { open: "✓", tight: "!", none: "✕" } as const;

/**
 * The booth wishes with the plan beside them: the exhibitor ranks zones seeing which booths are free
 * (those outside the wished zones dimmed) and, per zone, how many free booths fit against how many
 * others wish it first, so no wish is made blind and no first choice is already gone unknowingly.
 */
export function ApplicationWishes({
  state,
  defaults,
  types,
  onTypesChange,
  neighbours,
  plan,
  firstChoices,
  mine,
  categories,
}: {
  state: State;
  defaults: Record<string, string>;
  types: BoothType[];
  onTypesChange: (types: BoothType[]) => void;
  neighbours: NeighbourChoice[];
  plan: FloorPlanData;
  firstChoices: Partial<Record<Zone, number>>;
  mine: number[];
  categories: readonly ProductCategory[];
}) {
  const t = useT();
  const id = useId();
  const [zone1, zone2, zone3, boothsNeeded, minArea] = state.form.watch([
    "zone1",
    "zone2",
    "zone3",
    "boothsNeeded",
    "minArea",
  ]) as Array<string | undefined>;
  const wished = [zone1, zone2, zone3].filter((z): z is Zone => !!z && (ZONES as readonly string[]).includes(z));
  const need = {
    types,
    boothsNeeded: boothsNeeded === "2" ? 2 : 1,
    minArea: Number(String(minArea ?? "").replace(",", ".")) || 0,
  };
  const pictures = useMemo(
    () => zonePictures(plan.booths, need, firstChoices),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- need is rebuilt each render from these values
    [plan.booths, types, need.boothsNeeded, need.minArea, firstChoices],
  );
  const zoneOptions = [
    { value: "", label: t(`${A}.zoneNone`) },
    ...ZONES.map((z) => ({ value: z, label: t(`exhibition.zone.${z}`) })),
  ];
  const chosen = new Set(defaults.neighbours ? defaults.neighbours.split(",") : []);
  const mineSet = useMemo(() => new Set(mine), [mine]);
  return (
    <section className="card space-y-4" aria-labelledby={`${id}-wishes`}>
      <h2 id={`${id}-wishes`}>{t(`${A}.section.wishes`)}</h2>
      <p className="text-sm text-slate-600">{t(`${A}.wishesIntro`)}</p>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]">
        <div className="space-y-4">
          <SelectField state={state} name="zone1" label={t(`${A}.field.zone1`)} options={zoneOptions} />
          <SelectField state={state} name="zone2" label={t(`${A}.field.zone2`)} options={zoneOptions} />
          <SelectField state={state} name="zone3" label={t(`${A}.field.zone3`)} options={zoneOptions} />
          <fieldset>
            <legend className="label">{t(`${A}.field.types`)}</legend>
            <p className="mb-1 text-xs text-slate-500">{t(`${A}.field.typesHint`)}</p>
            <div className="flex flex-wrap gap-x-4 gap-y-2">
              {BOOTH_TYPES.map((type) => (
                <label key={type} className="inline-flex min-h-11 items-center gap-2">
                  <input
                    type="checkbox"
                    name="types"
                    value={type}
                    defaultChecked={types.includes(type)}
                    onChange={(e) =>
                      onTypesChange(e.target.checked ? [...types, type] : types.filter((x) => x !== type))
                    }
                  />
                  {t(`exhibition.boothType.${type}`)}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="grid grid-cols-2 gap-4">
            <SelectField
              state={state}
              name="boothsNeeded"
              label={t(`${A}.field.boothsNeeded`)}
              options={[
                { value: "1", label: "1" },
                { value: "2", label: t(`${A}.twoAdjacent`) },
              ]}
            />
            <TextField
              state={state}
              name="minArea"
              label={t(`${A}.field.minArea`)}
              inputMode="numeric"
              hint={t(`${A}.field.minAreaHint`)}
            />
          </div>
          <Checkbox name="nearProvince" label={t(`${A}.field.nearProvince`)} checked={defaults.nearProvince === "on"} />
          <NeighbourList id={id} neighbours={neighbours} chosen={chosen} error={state.errorFor("neighbours")} />
          <SelectField
            state={state}
            name="apartCategory"
            label={t(`${A}.field.apartCategory`)}
            hint={t(`${A}.field.apartCategoryHint`)}
            options={[
              { value: "", label: t(`${A}.apartNone`) },
              ...categories.map((c) => ({ value: c, label: t(`exhibition.category.${c}`) })),
            ]}
          />
          <div className="flex flex-wrap gap-x-6">
            <Checkbox name="needsPower" label={t(`${A}.field.needsPower`)} checked={defaults.needsPower === "on"} />
            <Checkbox name="needsWater" label={t(`${A}.field.needsWater`)} checked={defaults.needsWater === "on"} />
          </div>
        </div>
        <div className="min-w-0 space-y-3" data-testid="wish-plan">
          <h3 className="text-base font-semibold">{t(`${A}.planTitle`)}</h3>
          <PlanLegend />
          {plan.booths.length ? (
            <FloorPlan
              plan={plan}
              label={t(`${A}.planLabel`)}
              mine={mineSet}
              dimmed={wished.length ? (b) => !wished.includes(b.zone) : undefined}
            />
          ) : (
            <p className="text-sm text-slate-600">{t(`${A}.planEmpty`)}</p>
          )}
          <table className="table w-full text-sm" data-testid="zone-outlook">
            <caption className="sr-only">{t(`${A}.outlookCaption`)}</caption>
            <thead>
              <tr>
                <th scope="col">{t(`${A}.outlook.zone`)}</th>
                <th scope="col">{t(`${A}.outlook.fitting`)}</th>
                <th scope="col">{t(`${A}.outlook.others`)}</th>
                <th scope="col">{t(`${A}.outlook.status`)}</th>
              </tr>
            </thead>
            <tbody>
              {pictures.map((p) => {
                const outlook = zoneOutlook(p, need.boothsNeeded);
                const rank = wished.indexOf(p.zone);
                return (
                  <tr key={p.zone} data-zone={p.zone} className={rank >= 0 ? "font-semibold" : undefined}>
                    <th scope="row" className="text-left">
                      {rank >= 0 ? `${rank + 1}. ` : ""}
                      {t(`exhibition.zone.${p.zone}`)}
                    </th>
                    <td>{t(`${A}.outlook.fittingOf`, { fitting: p.fitting, free: p.free })}</td>
                    <td>{p.firstChoiceOthers}</td>
                    <td className={OUTLOOK_TONE[outlook]}>
                      <span aria-hidden="true">{OUTLOOK_ICON[outlook]} </span>
                      {t(`${A}.outlook.${outlook}`)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <p className="text-xs text-slate-500">{t(`${A}.outlookNote`)}</p>
        </div>
      </div>
    </section>
  );
}

function Checkbox({ name, label, checked }: { name: string; label: string; checked: boolean }) {
  return (
    <label className="flex min-h-11 items-center gap-2">
      <input type="checkbox" name={name} value="on" defaultChecked={checked} />
      {label}
    </label>
  );
}

function NeighbourList({
  id,
  neighbours,
  chosen,
  error,
}: {
  id: string;
  neighbours: NeighbourChoice[];
  chosen: Set<string>;
  error?: string;
}) {
  const t = useT();
  const bi = useBilingual();
  return (
    // min-w-0: a fieldset is as wide as its widest word by default; another exhibitor's long name must wrap.
    <fieldset className="min-w-0" aria-describedby={error ? `${id}-neighbours-error` : undefined}>
      <legend className="label">{t(`${A}.field.neighbours`)}</legend>
      {neighbours.length === 0 ? (
        <p className="text-sm text-slate-600">{t(`${A}.noNeighbours`)}</p>
      ) : (
        <div className="max-h-48 space-y-1 overflow-auto rounded border border-slate-200 p-2">
          {neighbours.map((n) => (
            <label key={n.id} className="flex min-h-11 items-center gap-2 text-sm">
              <input type="checkbox" name="neighbours" value={n.id} defaultChecked={chosen.has(String(n.id))} />
              <span className="min-w-0 [overflow-wrap:anywhere]">
                {bi(n.name_vi, n.name_en)}
                {n.province_vi ? <span className="text-slate-500"> · {bi(n.province_vi, n.province_en)}</span> : null}
              </span>
            </label>
          ))}
        </div>
      )}
      {error ? (
        <p id={`${id}-neighbours-error`} className="field-error">
          {t(error)}
        </p>
      ) : null}
    </fieldset>
  );
}
