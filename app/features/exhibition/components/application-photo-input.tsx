import { useId, useState } from "react";
import { useT } from "~/components/i18n";

/** What the browser reads of a chosen file before sending it (the server checks the content again). */
export function photoProblem(file: File | undefined, maxBytes: number): string | null {
  if (!file) return null;
  if (file.size === 0) return "exhibition.applications.errors.photoMissing";
  if (file.size > maxBytes) return "exhibition.applications.errors.photoTooLarge";
  if (file.type && !["image/jpeg", "image/png", "image/webp"].includes(file.type))
    return "exhibition.applications.errors.photoNotImage";
  return null;
}

/**
 * A photo field: images only, the size checked as soon as a file is chosen (with JavaScript), the
 * server's refusal (`serverError`) shown beside it otherwise. `onProblem` lets the form hold its submit.
 */
export function PhotoInput({
  name = "photo",
  label,
  maxBytes,
  serverError,
  required,
  onProblem,
}: {
  name?: string;
  label: string;
  maxBytes: number;
  serverError?: string;
  required?: boolean;
  onProblem: (problem: string | null) => void;
}) {
  const t = useT();
  const id = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const error = problem ?? serverError;
  const maxMb = Math.round(maxBytes / 1024 / 1024);
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
      <input
        id={id}
        name={name}
        type="file"
        accept="image/jpeg,image/png,image/webp"
        className="input"
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-hint ${id}-error` : `${id}-hint`}
        onChange={(e) => {
          const next = photoProblem(e.currentTarget.files?.[0], maxBytes);
          setProblem(next);
          onProblem(next);
        }}
      />
      <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
        {t("exhibition.applications.photoHint", { max: maxMb })}
      </p>
      {error ? (
        <p id={`${id}-error`} className="field-error" data-testid={`${name}-error`}>
          {t(error, { max: maxMb })}
        </p>
      ) : null}
    </div>
  );
}
