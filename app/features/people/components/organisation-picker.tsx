import { useEffect, useId, useMemo, useRef, useState } from "react";
import type { FieldValues, Path, PathValue } from "react-hook-form";
import { foldForSearch } from "~/lib/text";
import { ORGANISATION_KINDS, type OrganisationKind } from "~/auth/roles";
import type { ZodFormState } from "../../../components/form";
import { useBilingual, useT } from "../../../components/i18n";

export interface OrganisationOption {
  id: number;
  kind: OrganisationKind;
  name_vi: string;
  name_en: string;
}

const MAX_SHOWN = 50;

/**
 * Choose an organisation among ~200 by typing: "ha noi" finds "Hà Nội".
 * Without JavaScript it is a plain grouped <select>; with it, an ARIA combobox
 * that writes the chosen id into the form field the schema validates.
 */
export function OrganisationPicker<T extends FieldValues>({
  state,
  name,
  label,
  options,
  required,
}: {
  state: ZodFormState<T>;
  name: NoInfer<Path<T>>;
  label: string;
  options: OrganisationOption[];
  required?: boolean;
}) {
  const t = useT();
  const pick = useBilingual();
  const id = useId();
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const error = state.errorFor(name);
  const initial = state.defaults[name] ?? "";
  const byId = useMemo(() => new Map(options.map((o) => [String(o.id), o])), [options]);
  const [query, setQuery] = useState(() =>
    byId.get(initial) ? pick(byId.get(initial)!.name_vi, byId.get(initial)!.name_en) : "",
  );
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);
  const folded = useMemo(
    () => options.map((o) => ({ o, key: `${foldForSearch(o.name_vi)} ${foldForSearch(o.name_en)}` })),
    [options],
  );
  const needle = foldForSearch(query);
  const matches = useMemo(
    () => (needle ? folded.filter((f) => f.key.includes(needle)).map((f) => f.o) : options).slice(0, MAX_SHOWN),
    [folded, needle, options],
  );

  // The submitted value lives in a controlled hidden input; react-hook-form gets the same value to validate.
  const [selected, setSelected] = useState(initial);
  const select = (value: string, validate: boolean) => {
    setSelected(value);
    state.form.setValue(name, value as PathValue<T, Path<T>>, { shouldValidate: validate, shouldDirty: true });
  };
  const choose = (o: OrganisationOption) => {
    select(String(o.id), true);
    setQuery(pick(o.name_vi, o.name_en));
    setOpen(false);
  };
  useEffect(() => {
    listRef.current?.querySelector<HTMLElement>(`[data-index="${active}"]`)?.scrollIntoView({ block: "nearest" });
  }, [active]);

  const describedBy = error ? `${id}-error` : undefined;
  if (!hydrated) {
    return (
      <div>
        <label htmlFor={id} className="label">
          {label}
          {required ? (
            <span className="ml-1 text-accent-700" aria-hidden="true">
              *
            </span>
          ) : null}
        </label>
        <select
          id={id}
          name={name}
          defaultValue={initial}
          className="input"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        >
          <option value="">{t("registration.organisation.choose")}</option>
          {ORGANISATION_KINDS.map((k) => {
            const group = options.filter((o) => o.kind === k);
            return group.length ? (
              <optgroup key={k} label={t(`orgKind.${k}`)}>
                {group.map((o) => (
                  <option key={o.id} value={o.id}>
                    {pick(o.name_vi, o.name_en)}
                  </option>
                ))}
              </optgroup>
            ) : null;
          })}
        </select>
        {error ? (
          <p id={`${id}-error`} className="field-error">
            {t(error)}
          </p>
        ) : null}
      </div>
    );
  }
  return (
    <div className="relative">
      <label htmlFor={id} className="label">
        {label}
        {required ? (
          <span className="ml-1 text-accent-700" aria-hidden="true">
            *
          </span>
        ) : null}
      </label>
      <input type="hidden" name={name} value={selected} />
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        className="input"
        value={query}
        placeholder={t("registration.organisation.placeholder")}
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={open && matches[active] ? `${id}-opt-${matches[active].id}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          setActive(0);
          if (selected) select("", false);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(a + 1, matches.length - 1));
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === "Enter" && open && matches[active]) {
            e.preventDefault();
            choose(matches[active]);
          } else if (e.key === "Escape") {
            setOpen(false);
          }
        }}
      />
      {open ? (
        <ul
          id={`${id}-list`}
          ref={listRef}
          role="listbox"
          aria-label={label}
          className="absolute z-20 mt-1 max-h-72 w-full overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg"
        >
          {matches.length === 0 ? (
            <li className="px-3 py-2 text-slate-500">{t("common.noResults")}</li>
          ) : (
            matches.map((o, i) => (
              <li
                key={o.id}
                id={`${id}-opt-${o.id}`}
                data-index={i}
                role="option"
                aria-selected={i === active}
                className={`cursor-pointer px-3 py-2 ${i === active ? "bg-navy-50" : ""}`}
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(o);
                }}
                onMouseEnter={() => setActive(i)}
              >
                <span className="font-medium">{pick(o.name_vi, o.name_en)}</span>
                <span className="ml-2 text-xs text-slate-500">{t(`orgKind.${o.kind}`)}</span>
              </li>
            ))
          )}
        </ul>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}
