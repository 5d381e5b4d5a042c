import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getUser } from "~/auth/guards.server";
import { pageMeta, useBilingual, useLocale, useT } from "~/components/i18n";
import { ConferenceTime } from "~/components/time";
import { Badge, EmptyState } from "~/components/ui";
import { ordinal, type MessageKey } from "~/platform/i18n";
import { can, type Permission } from "~/auth/permissions";
import { formatInstant } from "~/lib/time";
import { getCurrentConference, registrationWindow } from "~/features/people/conference.server";

export const meta: MetaFunction = (args) => pageMeta(args);

export async function loader({ request }: LoaderFunctionArgs) {
  const [user, conference] = await Promise.all([getUser(request), getCurrentConference()]);
  return json({
    conference,
    window: conference ? registrationWindow(conference) : null,
    role: user?.role ?? null,
  });
}

interface Step {
  to: string;
  title: MessageKey;
  body: MessageKey;
  permission?: Permission;
}

/** What a person can do next, in the order they would do it. */
const STEPS: Step[] = [
  {
    to: "/admin/conference",
    title: "home.step.conference",
    body: "home.step.conference.body",
    permission: "update:conference",
  },
  { to: "/admin/people", title: "home.step.people", body: "home.step.people.body", permission: "invite:user" },
  { to: "/admin/outbox", title: "home.step.outbox", body: "home.step.outbox.body", permission: "read:outbox" },
  { to: "/admin/audit", title: "home.step.audit", body: "home.step.audit.body", permission: "read:audit_log" },
  {
    to: "/organisations",
    title: "home.step.organisations",
    body: "home.step.organisations.body",
    permission: "read:organisation",
  },
  { to: "/account", title: "home.step.account", body: "home.step.account.body", permission: "update:user:own" },
];

export default function Home() {
  const { conference, window, role } = useLoaderData<typeof loader>();
  const t = useT();
  const locale = useLocale();
  const pick = useBilingual();
  const steps = role ? STEPS.filter((s) => !s.permission || can(role, s.permission)) : [];

  return (
    <div className="space-y-8">
      {conference ? (
        <section aria-labelledby="conference-title" className="card">
          <p className="text-sm font-semibold uppercase tracking-wide text-accent-700">
            {t("home.edition", { edition: ordinal(locale, conference.edition) })}
          </p>
          <h1 id="conference-title" className="mt-1 text-2xl sm:text-3xl">
            {pick(conference.title_vi, conference.title_en)}
          </h1>
          {pick(conference.theme_vi, conference.theme_en) ? (
            <p className="mt-3 text-lg italic text-slate-700">
              <span className="sr-only">{t("home.theme")}: </span>“{pick(conference.theme_vi, conference.theme_en)}”
            </p>
          ) : null}
          <dl className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            <div>
              <dt className="text-xs font-semibold uppercase text-slate-500">{t("home.dates")}</dt>
              <dd className="mt-1">
                <ConferenceTime iso={conference.starts_at} endIso={conference.ends_at} zone={conference.time_zone} />
              </dd>
            </div>
            <div>
              <dt className="text-xs font-semibold uppercase text-slate-500">{t("home.venue")}</dt>
              <dd className="mt-1">{pick(conference.venue_vi, conference.venue_en)}</dd>
            </div>
            <div>
              <dt className="text-xs font-semibold uppercase text-slate-500">{t("home.format")}</dt>
              <dd className="mt-1">
                <Badge tone="navy">{t(`format.${conference.format}`)}</Badge>
              </dd>
            </div>
            {conference.format !== "online" ? (
              <div>
                <dt className="text-xs font-semibold uppercase text-slate-500">{t("home.capacity")}</dt>
                <dd className="mt-1 text-lg font-semibold">
                  {conference.in_person_capacity.toLocaleString(locale === "vi" ? "vi-VN" : "en-GB")}
                </dd>
              </div>
            ) : null}
            <div>
              <dt className="text-xs font-semibold uppercase text-slate-500">{t("home.registration")}</dt>
              <dd className="mt-1" data-testid="registration-window">
                {window === "open" && conference.registration_closes_at ? (
                  <Badge tone="green">
                    {t("home.registrationOpen", {
                      date: formatInstant(conference.registration_closes_at, conference.time_zone, locale),
                    })}
                  </Badge>
                ) : window === "notYet" && conference.registration_opens_at ? (
                  <Badge tone="amber">
                    {t("home.registrationNotYet", {
                      date: formatInstant(conference.registration_opens_at, conference.time_zone, locale),
                    })}
                  </Badge>
                ) : window === "closed" && conference.registration_closes_at ? (
                  <Badge tone="grey">
                    {t("home.registrationClosed", {
                      date: formatInstant(conference.registration_closes_at, conference.time_zone, locale, "date"),
                    })}
                  </Badge>
                ) : (
                  <Badge tone="grey">{t("home.registrationUnset")}</Badge>
                )}
              </dd>
            </div>
          </dl>
          {window === "open" ? (
            <div className="no-print mt-6">
              <Link to="/register" className="btn-primary" data-testid="register-cta">
                {t("nav.register")} →
              </Link>
            </div>
          ) : null}
        </section>
      ) : (
        <EmptyState title={t("home.noConference")}>
          {role === "organiser" ? (
            <p>
              {t("home.noConferenceOrganiser")}{" "}
              <Link className="btn-link" to="/admin/conference">
                {t("conference.create")}
              </Link>
            </p>
          ) : null}
        </EmptyState>
      )}

      <section aria-labelledby="next-steps">
        <h2 id="next-steps" className="mb-3">
          {t("home.nextSteps")}
        </h2>
        {role ? (
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="next-steps">
            {steps.map((s) => (
              <li key={s.to}>
                <Link to={s.to} className="card block h-full hover:border-navy-300 hover:shadow">
                  <span className="font-semibold text-navy-800">{t(s.title)} →</span>
                  <span className="mt-1 block text-sm text-slate-600">{t(s.body)}</span>
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <div className="card">
            <p className="text-slate-700">{t("home.visitorIntro")}</p>
            <Link to="/login" className="btn-primary mt-4">
              {t("home.step.signIn")}
            </Link>
            <p className="mt-2 text-sm text-slate-600">{t("home.step.signIn.body")}</p>
          </div>
        )}
      </section>
    </div>
  );
}
