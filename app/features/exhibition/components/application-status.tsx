import { Form } from "@remix-run/react";
import { TextAreaField, useZodForm, type ActionFeedback } from "~/components/form";
import { useBilingual, useT } from "~/components/i18n";
import { SubmitButton } from "~/components/submit-button";
import { Badge, Notice } from "~/components/ui";
import { changeRequestSchema } from "../applications/schema";
import type { ApplicationStatus } from "../rules";
import { formatArea } from "./floor-plan";

export const STATUS_TONE: Record<ApplicationStatus, "grey" | "navy" | "green" | "red" | "amber"> = {
  draft: "grey",
  submitted: "navy",
  approved: "green",
  rejected: "red",
  withdrawn: "amber",
};
const STATUS_ICON: Record<ApplicationStatus, string> = {
  draft: "✎",
  submitted: "→",
  approved: "✓",
  rejected: "✕",
  withdrawn: "↩",
};

/** The status as a badge with an icon and a word (never colour alone). */
export function ApplicationStatusBadge({ status }: { status: ApplicationStatus }) {
  const t = useT();
  return (
    <Badge tone={STATUS_TONE[status]}>
      <span aria-hidden="true">{STATUS_ICON[status]} </span>
      {t(`exhibition.status.${status}`)}
    </Badge>
  );
}

export interface BoothView {
  id: number;
  code: string;
  area: number;
  hall_vi: string;
  hall_en: string;
}

/** Where the application stands: status, the rejection's reason, the booths once allocated. */
export function ApplicationStatusPanel({
  status,
  reason,
  booths,
  changeRequest,
}: {
  status: ApplicationStatus;
  reason: string;
  booths: BoothView[];
  changeRequest: string;
}) {
  const t = useT();
  const bi = useBilingual();
  const A = "exhibition.applications";
  return (
    <div className="space-y-3" data-testid="application-status">
      <p className="flex flex-wrap items-center gap-2 text-sm">
        {t(`${A}.statusLabel`)} <ApplicationStatusBadge status={status} />
      </p>
      {status === "rejected" && reason ? (
        <Notice tone="error">
          <p>{t(`${A}.rejectedReason`, { reason })}</p>
        </Notice>
      ) : null}
      {booths.length ? (
        <Notice tone="success">
          <p data-testid="my-booths">
            {t(`${A}.yourBooths`, {
              booths: booths
                .map(
                  (b) =>
                    `${b.code} (${bi(b.hall_vi, b.hall_en)}, ${t("exhibition.area", { area: formatArea(b.area) })})`,
                )
                .join(", "),
            })}
          </p>
          <p className="mt-1">{t(`${A}.readOnly`)}</p>
        </Notice>
      ) : null}
      {changeRequest ? (
        <Notice tone="info">
          <p>{t(`${A}.changePending`)}</p>
          <p className="mt-1 whitespace-pre-line">{changeRequest}</p>
        </Notice>
      ) : null}
    </div>
  );
}

/** After allocation: the request for changes, sent to the organisers. */
export function ChangeRequestForm({
  feedback,
}: {
  feedback: (ActionFeedback & { params?: Record<string, string | number> }) | null;
}) {
  const t = useT();
  const state = useZodForm(changeRequestSchema, { defaultValues: {}, feedback });
  return (
    <section className="card" aria-labelledby="change-request">
      <h2 id="change-request">{t("exhibition.applications.changeTitle")}</h2>
      <Form method="post" noValidate onSubmit={state.onSubmit} className="mt-3 space-y-4">
        {state.formError ? <Notice tone="error">{t(state.formError, feedback?.params)}</Notice> : null}
        <TextAreaField
          state={state}
          name="request"
          label={t("exhibition.applications.field.changeRequest")}
          hint={t("exhibition.applications.field.changeRequestHint")}
          required
          rows={4}
        />
        <SubmitButton name="intent" value="request-change">
          {t("exhibition.applications.sendChange")}
        </SubmitButton>
      </Form>
    </section>
  );
}

/** Withdrawing (until a booth is allocated). */
export function WithdrawForm() {
  const t = useT();
  return (
    <Form
      method="post"
      onSubmit={(e) => {
        if (!window.confirm(t("exhibition.applications.withdrawConfirm"))) e.preventDefault();
      }}
    >
      <SubmitButton name="intent" value="withdraw" className="btn-link text-accent-700">
        {t("exhibition.applications.withdraw")}
      </SubmitButton>
    </Form>
  );
}
