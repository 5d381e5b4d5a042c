import { useEffect, useId, useMemo, useRef, useState } from "react";
import type { FieldValues, Path, PathValue } from "react-hook-form";
import { searchKey } from "~/lib/text";
import { organisationNeedles, organisationRank, TYPED_ORGANISATION } from "../organisation-search";
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
  // A name typed but not picked comes back after a refusal as it was typed.
  const [query, setQuery] = useState(() =>
    byId.get(initial)
      ? pick(byId.get(initial)!.name_vi, byId.get(initial)!.name_en)
      : initial.startsWith(TYPED_ORGANISATION)
        ? initial.slice(TYPED_ORGANISATION.length)
        : "",
  );
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const folded = useMemo(() => options.map((o) => ({ o, key: searchKey(o.name_vi, o.name_en) })), [options]);
  // What people type, as the server's search reads it: "tp hcm", "hanoi", "UBND Quảng Ninh" (organisation-search.ts).
  const matches = useMemo(() => {
    const needles = organisationNeedles(query);
    if (needles.length === 0) return options.slice(0, MAX_SHOWN);
    return folded
      .map((f, i) => ({ o: f.o, i, rank: organisationRank(f.key, needles) }))
      .filter((f) => f.rank >= 0)
      .sort((a, b) => a.rank - b.rank || a.i - b.i)
      .slice(0, MAX_SHOWN)
      .map((f) => f.o);
  }, [folded, query, options]);

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
    // The list closes; the focus stays on (or comes back to) the field.
    inputRef.current?.focus();
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
          {required ? <span className="sr-only"> ({t("common.required")})</span> : null}
        </label>
        <select
          id={id}
          name={name}
          defaultValue={initial}
          className="input"
          aria-required={required || undefined}
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
  const listed = open && matches.length > 0;
  const noMatch = open && matches.length === 0;
  return (
    <div className="relative">
      <label htmlFor={id} className="label">
        {label}
        {required ? (
          <span className="ml-1 text-accent-700" aria-hidden="true">
            *
          </span>
        ) : null}
        {required ? <span className="sr-only"> ({t("common.required")})</span> : null}
      </label>
      <input type="hidden" name={name} value={selected} />
      <input
        ref={inputRef}
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        className="input"
        value={query}
        placeholder={t("registration.organisation.placeholder")}
        aria-expanded={listed}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-required={required || undefined}
        aria-activedescendant={listed && matches[active] ? `${id}-opt-${matches[active].id}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
          setActive(0);
          // Typed but not picked: the form says to choose from the list (the schema reads "typed:…").
          const typed = e.target.value.trim();
          select(typed ? `${TYPED_ORGANISATION}${typed}` : "", false);
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
          } else if (e.key === "Enter" && listed && matches[active]) {
            e.preventDefault();
            choose(matches[active]);
          } else if (e.key === "Escape") {
            setOpen(false);
          }
        }}
      />
      {/* Options only inside the listbox; "no match" is a status beside it, announced as it appears. */}
      {listed ? (
        <ul
          id={`${id}-list`}
          ref={listRef}
          role="listbox"
          aria-label={label}
          className="absolute z-20 mt-1 max-h-72 w-full overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg"
        >
          {matches.map((o, i) => (
            <li
              key={o.id}
              id={`${id}-opt-${o.id}`}
              data-index={i}
              role="option"
              aria-selected={i === active}
              className={`flex min-h-11 cursor-pointer flex-wrap items-center gap-x-2 px-3 py-2 ${i === active ? "bg-navy-50" : ""}`}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(o);
              }}
              onMouseEnter={() => setActive(i)}
            >
              <span className="font-medium">{pick(o.name_vi, o.name_en)}</span>
              <span className="text-xs text-slate-600">{t(`orgKind.${o.kind}`)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <p
        role="status"
        className={
          noMatch
            ? "absolute z-20 mt-1 w-full rounded-md border border-slate-200 bg-white px-3 py-2 text-sm text-slate-600 shadow-lg"
            : "sr-only"
        }
      >
        {noMatch ? t("common.noResults") : ""}
      </p>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}
