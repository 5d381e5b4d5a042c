import { useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { useT } from "./i18n";

/**
 * The submit button shows that it is working while its request is on its way.
 * Where a page has many such forms (one per session), `busyWhen` names the
 * fields that tell this form's submission apart. While busy it keeps the focus
 * (aria-disabled, not disabled), so a keyboard user is still where they were.
 *
 * A module of its own, without react-hook-form: pages with buttons and no
 * validated form (the programme, "My agenda") do not load the form library.
 */
export function SubmitButton({
  children,
  busyLabel,
  name,
  value,
  className,
  busyWhen,
}: {
  children: ReactNode;
  busyLabel?: string;
  name?: string;
  value?: string;
  className?: string;
  busyWhen?: Record<string, string>;
}) {
  const navigation = useNavigation();
  const t = useT();
  const fd = navigation.formData;
  const busy =
    navigation.state === "submitting" &&
    (!name || fd?.get(name) === value) &&
    Object.entries(busyWhen ?? {}).every(([k, v]) => fd?.get(k) === v);
  return (
    <button
      type="submit"
      name={name}
      value={value}
      className={className ?? "btn-primary"}
      // Not `disabled`: a disabled button drops the focus to <body>. It stays focusable and says it is busy,
      // and a second press while the request is on its way does nothing.
      aria-disabled={busy || undefined}
      aria-busy={busy || undefined}
      onClick={(event) => {
        if (busy) event.preventDefault();
      }}
    >
      {busy ? (busyLabel ?? t("common.working")) : children}
    </button>
  );
}
