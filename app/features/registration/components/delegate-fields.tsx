import { useId } from "react";
import type { FieldValues } from "react-hook-form";
import type { z } from "zod";
import { HONORIFICS, INTERPRETATIONS, MODES } from "~/features/registration/rules";
import type { delegateEditSchema } from "~/features/registration/schema";
import { SelectField, TextAreaField, TextField, type ZodFormState } from "../../../components/form";
import { useT } from "../../../components/i18n";
import { OrganisationPicker, type OrganisationOption } from "../../people/components/organisation-picker";

/** The fields of the delegate's details (with the e-mail address where `withEmail`). */
type DelegateValues = z.input<typeof delegateEditSchema> & { email?: string };

/**
 * The delegate's details, the same on the public form, the delegate's own page and the organiser's edit page.
 * The form's schema must have these fields (`T extends DelegateValues`, checked where the group is used);
 * the group sees the form as those fields, so its names are checked against them.
 */
export function DelegateFields<T extends FieldValues & DelegateValues>({
  state: form,
  organisations,
  withEmail,
}: {
  state: ZodFormState<T>;
  organisations: OrganisationOption[];
  withEmail?: boolean;
}) {
  const state = form as unknown as ZodFormState<DelegateValues>;
  const t = useT();
  const consentError = state.errorFor("consentToList");
  const modeError = state.errorFor("mode");
  const ids = useId();
  return (
    <div className="grid gap-4 sm:grid-cols-6">
      <SelectField
        state={state}
        name="honorific"
        label={t("registration.field.honorific")}
        options={HONORIFICS.map((h) => ({ value: h, label: t(`registration.honorific.${h}`) }))}
        required
        className="sm:col-span-1"
      />
      <TextField
        state={state}
        name="fullName"
        label={t("registration.field.fullName")}
        autoComplete="name"
        required
        className="sm:col-span-5"
      />
      <TextField
        state={state}
        name="position"
        label={t("registration.field.position")}
        autoComplete="organization-title"
        required
        className="sm:col-span-6"
        hint={t("registration.field.positionHint")}
      />
      <div className="sm:col-span-6">
        <OrganisationPicker
          state={state}
          name="organisationId"
          label={t("registration.field.organisation")}
          options={organisations}
          required
        />
      </div>
      {withEmail ? (
        <TextField
          state={state}
          name="email"
          label={t("registration.field.email")}
          type="email"
          inputMode="email"
          autoComplete="email"
          required
          className="sm:col-span-3"
        />
      ) : null}
      <TextField
        state={state}
        name="phone"
        label={t("registration.field.phone")}
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        required
        className={withEmail ? "sm:col-span-3" : "sm:col-span-6"}
      />
      <fieldset
        className="sm:col-span-6"
        role="radiogroup"
        aria-labelledby={`${ids}-mode-legend`}
        aria-required="true"
        aria-invalid={modeError ? true : undefined}
        aria-describedby={modeError ? `${ids}-mode-error` : undefined}
      >
        <legend id={`${ids}-mode-legend`} className="label">
          {t("registration.field.mode")}{" "}
          <span className="text-accent-700" aria-hidden="true">
            *
          </span>
        </legend>
        <div className="mt-1 grid gap-2 sm:grid-cols-2">
          {MODES.map((m) => (
            <label
              key={m}
              className="flex cursor-pointer items-start gap-3 rounded-md border border-slate-300 bg-white p-3 has-[:checked]:border-navy-600 has-[:checked]:bg-navy-50"
            >
              <input
                type="radio"
                value={m}
                defaultChecked={state.defaults.mode === m}
                className="mt-0.5"
                aria-describedby={modeError ? `${ids}-mode-error` : undefined}
                {...state.form.register("mode")}
              />
              <span>
                <span className="block font-semibold">{t(`registration.mode.${m}`)}</span>
                <span className="block text-xs text-slate-600">{t(`registration.modeHint.${m}`)}</span>
              </span>
            </label>
          ))}
        </div>
        {modeError ? (
          <p id={`${ids}-mode-error`} className="field-error">
            {t(modeError)}
          </p>
        ) : null}
      </fieldset>
      <SelectField
        state={state}
        name="interpretation"
        label={t("registration.field.interpretation")}
        options={INTERPRETATIONS.map((i) => ({ value: i, label: t(`registration.interpretation.${i}`) }))}
        className="sm:col-span-3"
      />
      <TextAreaField
        state={state}
        name="dietary"
        label={t("registration.field.dietary")}
        rows={1}
        className="sm:col-span-3"
        hint={t("registration.field.dietaryHint")}
      />
      <div className="sm:col-span-6">
        <label className="flex items-start gap-3 text-sm">
          <input
            type="checkbox"
            value="on"
            defaultChecked={state.defaults.consentToList === "on"}
            className="mt-0.5"
            aria-invalid={consentError ? true : undefined}
            aria-describedby={consentError ? `${ids}-consent-error` : undefined}
            {...state.form.register("consentToList")}
          />
          <span>{t("registration.field.consent")}</span>
        </label>
        {consentError ? (
          <p id={`${ids}-consent-error`} className="field-error">
            {t(consentError)}
          </p>
        ) : null}
      </div>
    </div>
  );
}
