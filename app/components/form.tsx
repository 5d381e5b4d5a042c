import { zodResolver } from "@hookform/resolvers/zod";
import { Form, useNavigation, useSubmit } from "@remix-run/react";
import { useEffect, useId, useState, type FormEvent, type ReactNode } from "react";
import { useForm, type FieldValues, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import type { FieldErrors } from "~/platform/forms/fields";
import { useT } from "./i18n";
import { Notice } from "./ui";

export interface ActionFeedback {
  errors?: FieldErrors;
  values?: Record<string, string>;
}

/**
 * One zod schema, two checks: react-hook-form validates as the person types,
 * the action validates again on the server (and alone when JavaScript is off).
 * Server errors show beside their field until the field is changed. Pass the
 * action's data as `feedback` (or a memoised object): a fresh object on every
 * render would reset the errors on every render.
 */
export function useZodForm<S extends z.ZodTypeAny>(
  schema: S,
  options: { defaultValues: Record<string, string>; feedback?: ActionFeedback | null },
) {
  const defaults = { ...options.defaultValues, ...(options.feedback?.values ?? {}) };
  const form = useForm<FieldValues>({
    resolver: zodResolver(schema as never) as never,
    mode: "onTouched",
    defaultValues: defaults,
  });
  const [serverErrors, setServerErrors] = useState<FieldErrors>(options.feedback?.errors ?? {});
  useEffect(() => {
    setServerErrors(options.feedback?.errors ?? {});
    if (options.feedback?.errors && Object.keys(options.feedback.errors).length) {
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    }
  }, [options.feedback]);
  useEffect(() => {
    const sub = form.watch((_, { name }) => {
      if (name) setServerErrors((e) => (name in e ? Object.fromEntries(Object.entries(e).filter(([k]) => k !== name)) : e));
    });
    return () => sub.unsubscribe();
  }, [form]);

  const submit = useSubmit();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const el = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    void form.handleSubmit(() => submit(submitter ?? el, { method: "post", action: el.getAttribute("action") ?? undefined }))(event);
  };
  const errorFor = (name: string): string | undefined => {
    const clientError = form.formState.errors[name]?.message;
    return typeof clientError === "string" ? clientError : serverErrors[name];
  };
  return { form, onSubmit, errorFor, defaults, formError: (serverErrors[""] as string | undefined) ?? null };
}

export type ZodFormState = ReturnType<typeof useZodForm>;

/** The form element: a real POST that works without JavaScript, validated in the browser when it runs. */
export function ZodForm({ state, children, className, action }: { state: ZodFormState; children: ReactNode; className?: string; action?: string }) {
  const t = useT();
  const hasErrors = Object.keys(state.form.formState.errors).length > 0;
  return (
    <Form method="post" action={action} noValidate onSubmit={state.onSubmit} className={className ?? "space-y-4"}>
      {state.formError ? <Notice tone="error">{t(state.formError)}</Notice> : null}
      {hasErrors ? <p className="sr-only" role="alert">{t("errors.formInvalid")}</p> : null}
      {children}
    </Form>
  );
}

interface FieldProps {
  state: ZodFormState;
  name: string;
  label: string;
  type?: string;
  required?: boolean;
  hint?: string;
  autoComplete?: string;
  placeholder?: string;
  inputMode?: "text" | "email" | "numeric" | "tel";
  className?: string;
}

function FieldFrame({ id, label, required, hint, error, children, className }: { id: string; label: string; required?: boolean; hint?: string; error?: string; children: ReactNode; className?: string }) {
  const t = useT();
  return (
    <div className={className}>
      <label htmlFor={id} className="label">
        {label}
        {required ? <span className="ml-1 text-accent-700" aria-hidden="true">*</span> : null}
        {required ? <span className="sr-only"> ({t("common.required")})</span> : null}
      </label>
      {children}
      {hint ? <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">{hint}</p> : null}
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {t(error)}
        </p>
      ) : null}
    </div>
  );
}

function describedBy(id: string, hint?: string, error?: string) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

export function TextField({ state, name, label, type = "text", required, hint, autoComplete, placeholder, inputMode, className }: FieldProps) {
  const id = useId();
  const error = state.errorFor(name);
  const isPassword = type === "password";
  return (
    <FieldFrame id={id} label={label} required={required} hint={hint} error={error} className={className}>
      <input
        id={id}
        type={type}
        className="input"
        autoComplete={autoComplete}
        placeholder={placeholder}
        inputMode={inputMode}
        aria-invalid={error ? true : undefined}
        aria-required={required || undefined}
        aria-describedby={describedBy(id, hint, error)}
        defaultValue={isPassword ? undefined : state.defaults[name]}
        {...state.form.register(name)}
      />
    </FieldFrame>
  );
}

export function TextAreaField({ state, name, label, required, hint, className, rows = 3 }: FieldProps & { rows?: number }) {
  const id = useId();
  const error = state.errorFor(name);
  return (
    <FieldFrame id={id} label={label} required={required} hint={hint} error={error} className={className}>
      <textarea
        id={id}
        rows={rows}
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        defaultValue={state.defaults[name]}
        {...state.form.register(name)}
      />
    </FieldFrame>
  );
}

export function SelectField({ state, name, label, required, hint, options, className }: FieldProps & { options: Array<{ value: string; label: string }> }) {
  const id = useId();
  const error = state.errorFor(name);
  return (
    <FieldFrame id={id} label={label} required={required} hint={hint} error={error} className={className}>
      <select
        id={id}
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        defaultValue={state.defaults[name]}
        {...state.form.register(name)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/**
 * The submit button shows that it is working while its request is on its way.
 * Where a page has many such forms (one per session), `busyWhen` names the
 * fields that tell this form's submission apart.
 */
export function SubmitButton({ children, busyLabel, name, value, className, busyWhen }: { children: ReactNode; busyLabel?: string; name?: string; value?: string; className?: string; busyWhen?: Record<string, string> }) {
  const navigation = useNavigation();
  const t = useT();
  const fd = navigation.formData;
  const busy =
    navigation.state === "submitting" &&
    (!name || fd?.get(name) === value) &&
    Object.entries(busyWhen ?? {}).every(([k, v]) => fd?.get(k) === v);
  return (
    <button type="submit" name={name} value={value} className={className ?? "btn-primary"} disabled={busy} aria-busy={busy || undefined}>
      {busy ? (busyLabel ?? t("common.working")) : children}
    </button>
  );
}

export type { UseFormReturn };
