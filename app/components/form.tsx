import { Form, useSubmit } from "@remix-run/react";
import { useEffect, useId, useState, type FormEvent, type ReactNode } from "react";
import { useForm, type FieldValues, type Path, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import type { FieldErrors } from "~/platform/forms/fields";
import { useT } from "./i18n";
import { Notice } from "./ui";
import { zodResolver } from "./zod-resolver";

export interface ActionFeedback {
  errors?: FieldErrors;
  values?: Record<string, string>;
}

/** What the form posts: every field as a string, keyed by the schema's field names. */
export type FormDefaults<T extends FieldValues> = { [K in Path<T>]?: string };

/**
 * A form typed from its schema: `form` is react-hook-form's, typed with the schema's
 * input, and the field components take `name: Path<T>`, so a misspelt name fails
 * type-checking.
 */
export interface ZodFormState<T extends FieldValues = FieldValues> {
  form: UseFormReturn<T>;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** The field's error (a dictionary key): the browser's check first, else the server's until the field changes. */
  errorFor: (name: Path<T>) => string | undefined;
  defaults: Record<string, string>;
  formError: string | null;
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
  options: { defaultValues: FormDefaults<z.input<S>>; feedback?: ActionFeedback | null },
): ZodFormState<z.input<S>> {
  type T = z.input<S>;
  const defaults: Record<string, string> = {
    ...(options.defaultValues as Record<string, string>),
    ...(options.feedback?.values ?? {}),
  };
  // The posted values are strings, whatever the schema turns them into.
  const form = useForm<T>({
    resolver: zodResolver(schema) as never,
    mode: "onTouched",
    defaultValues: defaults as never,
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
      if (name)
        setServerErrors((e) => (name in e ? Object.fromEntries(Object.entries(e).filter(([k]) => k !== name)) : e));
    });
    return () => sub.unsubscribe();
  }, [form]);

  const submit = useSubmit();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const el = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    void form.handleSubmit(() =>
      submit(submitter ?? el, { method: "post", action: el.getAttribute("action") ?? undefined }),
    )(event);
  };
  const errorFor = (name: Path<T>): string | undefined => {
    const clientError = (form.formState.errors as Record<string, { message?: unknown } | undefined>)[name]?.message;
    return typeof clientError === "string" ? clientError : serverErrors[name];
  };
  return { form, onSubmit, errorFor, defaults, formError: (serverErrors[""] as string | undefined) ?? null };
}

/** The form element: a real POST that works without JavaScript, validated in the browser when it runs. */
export function ZodForm<T extends FieldValues>({
  state,
  children,
  className,
  action,
}: {
  state: ZodFormState<T>;
  children: ReactNode;
  className?: string;
  action?: string;
}) {
  const t = useT();
  const hasErrors = Object.keys(state.form.formState.errors).length > 0;
  return (
    <Form method="post" action={action} noValidate onSubmit={state.onSubmit} className={className ?? "space-y-4"}>
      {state.formError ? <Notice tone="error">{t(state.formError)}</Notice> : null}
      {hasErrors ? (
        <p className="sr-only" role="alert">
          {t("errors.formInvalid")}
        </p>
      ) : null}
      {children}
    </Form>
  );
}

export interface FieldProps<T extends FieldValues> {
  state: ZodFormState<T>;
  /** A field of the form's schema: checked against it (NoInfer: the state alone decides T). */
  name: NoInfer<Path<T>>;
  label: string;
  type?: string;
  required?: boolean;
  hint?: string;
  autoComplete?: string;
  placeholder?: string;
  inputMode?: "text" | "email" | "numeric" | "tel";
  className?: string;
}

function FieldFrame({
  id,
  label,
  required,
  hint,
  error,
  children,
  className,
}: {
  id: string;
  label: string;
  required?: boolean;
  hint?: string;
  error?: string;
  children: ReactNode;
  className?: string;
}) {
  const t = useT();
  return (
    <div className={className}>
      <label htmlFor={id} className="label">
        {label}
        {required ? (
          <span className="ml-1 text-accent-700" aria-hidden="true">
            *
          </span>
        ) : null}
        {required ? <span className="sr-only"> ({t("common.required")})</span> : null}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
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

export function TextField<T extends FieldValues>({
  state,
  name,
  label,
  type = "text",
  required,
  hint,
  autoComplete,
  placeholder,
  inputMode,
  className,
}: FieldProps<T>) {
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

export function TextAreaField<T extends FieldValues>({
  state,
  name,
  label,
  required,
  hint,
  className,
  rows = 3,
}: FieldProps<T> & { rows?: number }) {
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

export function SelectField<T extends FieldValues>({
  state,
  name,
  label,
  required,
  hint,
  options,
  className,
}: FieldProps<T> & { options: Array<{ value: string; label: string }> }) {
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

export type { UseFormReturn };
