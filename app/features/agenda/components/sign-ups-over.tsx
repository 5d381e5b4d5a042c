import { Link } from "@remix-run/react";
import { useBilingual, useT } from "~/components/i18n";
import { ConferenceTime } from "~/components/time";

export interface SignUpsOverView {
  capacity: number | null;
  inPerson: number;
  beyond: Array<{
    registration_id: number;
    full_name: string;
    organisation_vi: string;
    organisation_en: string;
    created_at: string;
  }>;
}

/**
 * Who is signed up in person beyond a session's places, last signed up first, each with a link to
 * the delegate's page where the organiser decides (attendance online, or a cancellation). Nothing
 * when the session is within its places.
 */
export function SignUpsOver({ over, zone }: { over: SignUpsOverView; zone: string }) {
  const t = useT();
  const pick = useBilingual();
  if (over.beyond.length === 0 || over.capacity === null) return null;
  return (
    <section className="card mt-6" aria-labelledby="signups-over" data-testid="signups-over">
      <h2 id="signups-over" className="mb-1">
        {t("agendaUi.overTitle")}
      </h2>
      <p className="mb-3 text-sm text-slate-700">
        {t("agendaUi.overIntro", { inPerson: over.inPerson, capacity: over.capacity, over: over.beyond.length })}
      </p>
      <ol className="divide-y divide-slate-100">
        {over.beyond.map((p) => (
          <li key={p.registration_id} className="flex flex-wrap items-start justify-between gap-2 py-2 text-sm">
            <span className="min-w-0 break-words">
              <span className="font-semibold">{p.full_name}</span> · {pick(p.organisation_vi, p.organisation_en)}
              <span className="block text-xs text-slate-600">
                {t("agendaUi.overSignedUpAt")} <ConferenceTime iso={p.created_at} zone={zone} />
              </span>
            </span>
            <Link
              className="btn-link"
              to={`/admin/delegates/${p.registration_id}`}
              aria-label={`${t("agendaUi.overOpen")}: ${p.full_name}`}
            >
              {t("agendaUi.overOpen")}
            </Link>
          </li>
        ))}
      </ol>
    </section>
  );
}
