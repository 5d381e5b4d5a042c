import { Form } from "@remix-run/react";

/**
 * The button that runs a solver's preview (the meeting scheduler, the booth allocator): a GET form,
 * since a preview writes nothing and its loader answers it; busy while the page loads it.
 */
export function PreviewForm({
  hidden,
  busy,
  label,
  busyLabel,
}: {
  hidden: Record<string, string | number>;
  busy: boolean;
  label: string;
  busyLabel: string;
}) {
  return (
    <Form method="get">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button
        type="submit"
        className="btn-primary"
        aria-disabled={busy || undefined}
        aria-busy={busy || undefined}
        onClick={(event) => {
          if (busy) event.preventDefault();
        }}
      >
        {busy ? busyLabel : label}
      </button>
    </Form>
  );
}
