import { useDeferredValue, useMemo } from "react";
import { SelectField, TextAreaField, TextField, useZodForm, ZodForm, type ActionFeedback } from "~/components/form";
import { useBilingual, useLocale, useT } from "~/components/i18n";
import { SubmitButton } from "~/components/submit-button";
import { DOCUMENT_KINDS, DOCUMENT_LANGUAGES, DOCUMENT_LIMITS } from "../../rules";
import { documentSchema } from "../schema";
import { MarkdownView } from "./markdown-view";

const D = "proceedings.documents";

export interface DocumentFormOptions {
  sessions: Array<{ id: number; kind: string; title_vi: string; title_en: string }>;
  authors: Array<{ id: number; full_name: string; organisation_vi: string; organisation_en: string }>;
}

/**
 * The document's fields and its Markdown beside a live preview (the same safe rendering as the public
 * page). Works without JavaScript (a plain POST; the server checks the same schema and sends every
 * typed value back on a refusal, the body too).
 */
export function DocumentForm({
  defaults,
  feedback,
  options,
  imageSrc,
  submitLabel,
}: {
  defaults: Record<string, string>;
  feedback: ActionFeedback | null;
  options: DocumentFormOptions;
  imageSrc: (id: number) => string | undefined;
  submitLabel: string;
}) {
  const t = useT();
  const bi = useBilingual();
  const locale = useLocale();
  const state = useZodForm(documentSchema, { defaultValues: defaults, feedback });
  const body = state.form.watch("body") ?? state.defaults.body ?? "";
  // The preview lags behind typing in a long text rather than slowing it.
  const preview = useDeferredValue(typeof body === "string" ? body : "");
  const sessionChoices = useMemo(
    () => [
      { value: "", label: t(`${D}.field.noSession`) },
      ...options.sessions.map((s) => ({ value: String(s.id), label: bi(s.title_vi, s.title_en) })),
    ],
    [options.sessions, t, bi],
  );
  return (
    <ZodForm state={state} className="space-y-4">
      <div className="grid gap-4 md:grid-cols-2">
        <TextField state={state} name="title" label={t(`${D}.field.title`)} required className="md:col-span-2" />
        <SelectField
          state={state}
          name="kind"
          label={t(`${D}.field.kind`)}
          required
          options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`proceedings.documentKind.${k}`) }))}
        />
        <SelectField
          state={state}
          name="language"
          label={t(`${D}.field.language`)}
          required
          options={DOCUMENT_LANGUAGES.map((l) => ({ value: l, label: t(`proceedings.language.${l}`) }))}
        />
        <SelectField state={state} name="sessionId" label={t(`${D}.field.session`)} options={sessionChoices} />
        <TextField
          state={state}
          name="position"
          label={t(`${D}.field.position`)}
          hint={t(`${D}.field.positionHint`)}
          inputMode="numeric"
        />
        <SelectField
          state={state}
          name="authorRegistrationId"
          label={t(`${D}.field.authorRegistration`)}
          options={[
            { value: "", label: t(`${D}.field.noAuthorRegistration`) },
            ...options.authors.map((a) => ({
              value: String(a.id),
              label: `${a.full_name} — ${bi(a.organisation_vi, a.organisation_en)}`,
            })),
          ]}
        />
        <TextField
          state={state}
          name="authorName"
          label={t(`${D}.field.authorName`)}
          hint={t(`${D}.field.authorNameHint`)}
        />
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <TextAreaField
          state={state}
          name="body"
          label={t(`${D}.field.body`)}
          hint={t(`${D}.field.bodyHint`, { max: new Intl.NumberFormat(locale).format(DOCUMENT_LIMITS.body) })}
          rows={24}
          className="[&_textarea]:font-mono [&_textarea]:text-sm"
        />
        <section aria-labelledby="document-preview" className="min-w-0">
          <h2 id="document-preview" className="label">
            {t(`${D}.preview`)}
          </h2>
          <div
            className="card max-h-[40rem] overflow-y-auto"
            data-testid="document-preview"
            // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrolling region must take the focus (WCAG 2.1.1)
            tabIndex={0}
            role="region"
            aria-labelledby="document-preview"
          >
            <MarkdownView markdown={preview} imageSrc={imageSrc} headingOffset={1} />
          </div>
          <p className="mt-1 text-xs text-slate-500">{t(`${D}.previewHint`)}</p>
        </section>
      </div>
      <SubmitButton busyLabel={t(`${D}.saving`)} name="intent" value="save">
        {submitLabel}
      </SubmitButton>
    </ZodForm>
  );
}
