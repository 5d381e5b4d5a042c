import { SelectField, TextAreaField, TextField, useZodForm, ZodForm, type ActionFeedback } from "~/components/form";
import { useBilingual, useLocale, useT } from "~/components/i18n";
import { SubmitButton } from "~/components/submit-button";
import { AGREEMENT_FIELDS, AGREEMENT_KINDS } from "../../rules";
import { countryOptions } from "../countries";
import { agreementSchema } from "../schema";

export interface AgreementFormChoices {
  /** Staff pick the party; null for a delegate (theirs). */
  parties: { id: number; nameVi: string; nameEn: string }[] | null;
  missions: { id: number; nameVi: string; nameEn: string }[];
  meetingRequests: {
    id: number;
    partyVi: string;
    partyEn: string;
    counterpartVi: string;
    counterpartEn: string;
    sector: string;
  }[];
}

/** The agreement's details, for /agreements/new and /agreements/:id (the same schema as the action). */
export function AgreementForm({
  defaults,
  choices,
  feedback,
  submitLabel,
}: {
  defaults: Record<string, string>;
  choices: AgreementFormChoices;
  feedback: ActionFeedback | null;
  submitLabel: string;
}) {
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  const state = useZodForm(agreementSchema, { defaultValues: defaults, feedback });
  const A = "proceedings.agreements";
  const none = { value: "", label: t(`${A}.form.none`) };
  return (
    <ZodForm state={state} className="grid gap-4 sm:grid-cols-2">
      {choices.parties ? (
        <SelectField
          state={state}
          name="organisationId"
          label={t(`${A}.form.organisation`)}
          required
          className="sm:col-span-2"
          options={[
            { value: "", label: t(`${A}.form.choose`) },
            ...choices.parties.map((p) => ({ value: String(p.id), label: pick(p.nameVi, p.nameEn) })),
          ]}
        />
      ) : null}
      <TextField state={state} name="title" label={t(`${A}.form.title`)} required className="sm:col-span-2" />
      <TextField state={state} name="foreignParty" label={t(`${A}.form.foreignParty`)} required />
      <SelectField
        state={state}
        name="countryCode"
        label={t(`${A}.form.country`)}
        required
        options={[{ value: "", label: t(`${A}.form.choose`) }, ...countryOptions(locale)]}
      />
      <SelectField
        state={state}
        name="field"
        label={t(`${A}.form.field`)}
        required
        options={AGREEMENT_FIELDS.map((f) => ({ value: f, label: t(`proceedings.agreementField.${f}`) }))}
      />
      <SelectField
        state={state}
        name="kind"
        label={t(`${A}.form.kind`)}
        required
        options={AGREEMENT_KINDS.map((k) => ({ value: k, label: t(`proceedings.agreementKind.${k}`) }))}
      />
      <TextField state={state} name="signedPlace" label={t(`${A}.form.signedPlace`)} />
      <SelectField
        state={state}
        name="missionId"
        label={t(`${A}.form.mission`)}
        options={[none, ...choices.missions.map((m) => ({ value: String(m.id), label: pick(m.nameVi, m.nameEn) }))]}
      />
      <SelectField
        state={state}
        name="meetingRequestId"
        label={t(`${A}.form.meetingRequest`)}
        className="sm:col-span-2"
        options={[
          none,
          ...choices.meetingRequests.map((r) => ({
            value: String(r.id),
            label: t(`${A}.form.meetingRequestOption`, {
              party: pick(r.partyVi, r.partyEn),
              counterpart: pick(r.counterpartVi, r.counterpartEn),
              sector: r.sector,
            }),
          })),
        ]}
      />
      <TextAreaField state={state} name="summary" label={t(`${A}.form.summary`)} rows={4} className="sm:col-span-2" />
      <div className="sm:col-span-2">
        <SubmitButton name="intent" value="save" busyLabel={t(`${A}.form.saving`)}>
          {submitLabel}
        </SubmitButton>
      </div>
    </ZodForm>
  );
}
