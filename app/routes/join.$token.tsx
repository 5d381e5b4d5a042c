import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { clientIp } from "~/auth/request.server";
import { pageMeta, useBilingual, useT } from "~/components/i18n";
import { requestMessages } from "~/http/i18n.server";
import { ConferenceTime } from "~/components/time";
import { openJoinLink } from "~/features/registration/join-links.server";

export const meta: MetaFunction = (args) => [
  ...pageMeta(args, "join.pageTitle"),
  { name: "referrer", content: "no-referrer" },
];

const STATUS = { invalid: 404, refused: 403, early: 200, ended: 410, noStream: 200 } as const;

/** A personal join link: forwards to the stream while the session is near or running. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const outcome = await openJoinLink(params.token ?? "", clientIp(context));
  if (outcome.state === "redirect")
    throw redirect(outcome.url, { headers: { "Referrer-Policy": "no-referrer", "Cache-Control": "no-store" } });
  return json(
    { ...outcome, messages: await requestMessages(request, "registration") },
    { status: STATUS[outcome.state], headers: { "Cache-Control": "no-store" } },
  );
}

export default function Join() {
  const outcome = useLoaderData<typeof loader>();
  const t = useT();
  const pick = useBilingual();
  return (
    <div className="card mx-auto max-w-lg text-center" data-testid="join-page" data-state={outcome.state}>
      <h1>{t(`join.${outcome.state}.title`)}</h1>
      {"titleVi" in outcome ? <p className="mt-2 font-semibold">{pick(outcome.titleVi, outcome.titleEn)}</p> : null}
      {"startsAt" in outcome ? (
        <p className="mt-2 text-sm">
          <ConferenceTime iso={outcome.startsAt} endIso={outcome.endsAt} zone={outcome.timeZone} />
        </p>
      ) : null}
      <p className="mt-3 text-slate-700">{t(`join.${outcome.state}.body`)}</p>
      <Link to="/my-registration" className="btn-primary mt-6">
        {t("nav.myRegistration")}
      </Link>
    </div>
  );
}
