import { Form } from "@remix-run/react";
import { useState } from "react";
import { SelectField, TextAreaField, TextField, useZodForm, type ActionFeedback } from "~/components/form";
import { useT } from "~/components/i18n";
import { SubmitButton } from "~/components/submit-button";
import { Notice } from "~/components/ui";
import { OrganisationPicker, type OrganisationOption } from "~/features/people/components/organisation-picker";
import { applicationSchema } from "../applications/schema";
import { EXHIBITOR_KINDS, PRODUCT_CATEGORIES, type BoothType, type Zone } from "../rules";
import type { FloorPlanData } from "../plan/plan-data";
import { ApplicationWishes, type NeighbourChoice } from "./application-wishes";

export interface ApplicationFormProps {
  defaults: Record<string, string>;
  feedback: ActionFeedback | null;
  provinces: OrganisationOption[];
  neighbours: NeighbourChoice[];
  plan: FloorPlanData;
  firstChoices: Partial<Record<Zone, number>>;
  mine: number[];
  readOnly: boolean;
  /** Not sent yet (none, a draft, withdrawn): "save draft" rather than "save changes". */
  draft: boolean;
}

/** The application form's id: the submit button stands after the products, outside it (form="…"). */
export const APPLICATION_FORM_ID = "application-form";

/**
 * The application: organisation, contact, about, and the booth wishes beside the plan. One schema
 * with the action (instant checks with JavaScript, the same on the server without it). Checkbox
 * groups are plain inputs (the server reads every ticked box); their state drives the plan live.
 */
export function ApplicationForm(props: ApplicationFormProps) {
  const t = useT();
  const state = useZodForm(applicationSchema, { defaultValues: props.defaults, feedback: props.feedback });
  const d = props.defaults;
  const [types, setTypes] = useState<BoothType[]>(() => (d.types ? (d.types.split(",") as BoothType[]) : []));
  const kinds = EXHIBITOR_KINDS.map((k) => ({ value: k, label: t(`exhibition.kind.${k}`) }));
  const A = "exhibition.applications";
  const body = (
    <>
      <section className="card space-y-4" aria-labelledby="application-organisation">
        <h2 id="application-organisation">{t(`${A}.section.organisation`)}</h2>
        <div className="grid gap-4 md:grid-cols-2">
          <TextField state={state} name="nameVi" label={t(`${A}.field.nameVi`)} required />
          <TextField state={state} name="nameEn" label={t(`${A}.field.nameEn`)} />
          <SelectField state={state} name="kind" label={t(`${A}.field.kind`)} required options={kinds} />
          <OrganisationPicker
            state={state}
            name="provinceId"
            label={t(`${A}.field.province`)}
            options={props.provinces}
            required
          />
          <TextField state={state} name="website" label={t(`${A}.field.website`)} placeholder="https://" />
        </div>
        <div className="grid gap-4 md:grid-cols-2">
          <TextAreaField state={state} name="aboutVi" label={t(`${A}.field.aboutVi`)} rows={4} />
          <TextAreaField state={state} name="aboutEn" label={t(`${A}.field.aboutEn`)} rows={4} />
        </div>
      </section>

      <section className="card space-y-4" aria-labelledby="application-contact">
        <h2 id="application-contact">{t(`${A}.section.contact`)}</h2>
        <div className="grid gap-4 md:grid-cols-3">
          <TextField
            state={state}
            name="contactName"
            label={t(`${A}.field.contactName`)}
            required
            autoComplete="name"
          />
          <TextField
            state={state}
            name="contactEmail"
            type="email"
            label={t(`${A}.field.contactEmail`)}
            required
            autoComplete="email"
            inputMode="email"
          />
          <TextField
            state={state}
            name="contactPhone"
            type="tel"
            label={t(`${A}.field.contactPhone`)}
            autoComplete="tel"
            inputMode="tel"
          />
        </div>
      </section>

      <ApplicationWishes
        state={state}
        defaults={d}
        types={types}
        onTypesChange={setTypes}
        neighbours={props.neighbours}
        plan={props.plan}
        firstChoices={props.firstChoices}
        mine={props.mine}
        categories={PRODUCT_CATEGORIES}
      />
    </>
  );
  if (props.readOnly)
    return (
      <div className="space-y-6" data-testid="application-readonly">
        {/* After allocation: the same fields, shown but not sent (the exhibitor asks for changes instead). */}
        <fieldset disabled className="space-y-6">
          <legend className="sr-only">{t(`${A}.readOnlyLegend`)}</legend>
          {body}
        </fieldset>
      </div>
    );
  return (
    <Form
      id={APPLICATION_FORM_ID}
      method="post"
      noValidate
      onSubmit={state.onSubmit}
      className="space-y-6"
      data-testid="application-form"
    >
      {state.formError ? <Notice tone="error">{t(state.formError)}</Notice> : null}
      {body}
      <SubmitButton name="intent" value="save" className="btn-secondary" busyLabel={t(`${A}.saving`)}>
        {t(props.draft ? `${A}.save` : `${A}.saveChanges`)}
      </SubmitButton>
    </Form>
  );
}
