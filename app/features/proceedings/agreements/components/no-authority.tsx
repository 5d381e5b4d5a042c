import { Link } from "@remix-run/react";
import { useT } from "~/components/i18n";
import { EmptyState, PageHeader } from "~/components/ui";

/** What someone who may not record agreements sees: why, and how to get it (an organiser approves their registration). */
export function NoAuthority({ reason }: { reason: string }) {
  const t = useT();
  const A = "proceedings.agreements";
  return (
    <div>
      <PageHeader title={t(`${A}.title`)} />
      <div data-testid="agreements-no-authority">
        <EmptyState title={t(`${A}.noAuthority.title`)}>
          <p className="font-semibold text-slate-800">{t(reason)}</p>
          <p className="mt-2">{t(`${A}.noAuthority.how`)}</p>
          <Link to="/my-registration" className="btn-secondary mt-4">
            {t(`${A}.noAuthority.link`)}
          </Link>
        </EmptyState>
      </div>
    </div>
  );
}
