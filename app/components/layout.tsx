import { Form, NavLink, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import { navigationFor } from "~/components/navigation";
import type { Role } from "~/auth/roles";
import { useBilingual, useLocale, useT } from "./i18n";

interface ShellUser {
  fullName: string;
  role: Role;
  organisationVi: string | null;
  organisationEn: string | null;
}

function LanguageSwitch() {
  const locale = useLocale();
  const t = useT();
  const location = useLocation();
  const other = locale === "vi" ? "en" : "vi";
  return (
    <Form method="post" action="/language" className="inline">
      <input type="hidden" name="locale" value={other} />
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      <button
        type="submit"
        lang={other}
        className="rounded border border-white/40 px-2 py-1 text-xs font-semibold text-white hover:bg-white/10"
        aria-label={t("lang.switchTo")}
        data-testid="language-switch"
      >
        {other === "en" ? "EN" : "VI"}
      </button>
    </Form>
  );
}

export function AppShell({
  user,
  conference,
  children,
}: {
  user: ShellUser | null;
  conference: { edition: number; titleVi: string; titleEn: string } | null;
  children: ReactNode;
}) {
  const t = useT();
  const pick = useBilingual();
  const items = navigationFor(user?.role ?? null);
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t("app.skipToContent")}
      </a>
      <header className="bg-navy-800 text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <a href="/" className="flex min-w-0 items-center gap-3">
            <img src="/favicon.svg" alt="" width={32} height={32} className="shrink-0" />
            <span className="min-w-0">
              <span className="block truncate text-sm font-bold sm:text-base">
                {conference ? pick(conference.titleVi, conference.titleEn) : t("app.name")}
              </span>
              <span className="block truncate text-xs text-navy-100">{t("app.ministry")}</span>
            </span>
          </a>
          <div className="no-print flex items-center gap-3 text-sm">
            <LanguageSwitch />
            {user ? (
              <>
                <span className="hidden text-navy-100 md:inline" data-testid="signed-in-as">
                  {t("nav.signedInAs", { name: user.fullName })} · {t(`role.${user.role}`)}
                </span>
                <Form method="post" action="/logout">
                  <button
                    type="submit"
                    className="rounded bg-white px-3 py-1 text-xs font-semibold text-navy-800 hover:bg-navy-50"
                  >
                    {t("nav.signOut")}
                  </button>
                </Form>
              </>
            ) : (
              <a
                href="/login"
                className="rounded bg-white px-3 py-1 text-xs font-semibold text-navy-800 hover:bg-navy-50"
              >
                {t("nav.signIn")}
              </a>
            )}
          </div>
        </div>
        <nav
          aria-label={t("nav.main")}
          className="no-print border-t border-white/10 bg-navy-700"
          data-testid="main-nav"
          data-role={user?.role ?? "visitor"}
        >
          <ul className="mx-auto flex max-w-6xl gap-1 overflow-x-auto px-2 md:flex-wrap md:overflow-visible">
            {items.map((item) => (
              <li key={item.to}>
                <NavLink
                  to={item.to}
                  end={item.to === "/"}
                  className={({ isActive }) =>
                    `block whitespace-nowrap px-3 py-2 text-sm ${isActive ? "border-b-2 border-amber-400 font-semibold text-white" : "text-navy-100 hover:text-white"}`
                  }
                >
                  {t(item.label)}
                </NavLink>
              </li>
            ))}
            {user ? (
              <li className="ml-auto">
                <NavLink
                  to="/account"
                  className={({ isActive }) =>
                    `block whitespace-nowrap px-3 py-2 text-sm ${isActive ? "font-semibold text-white" : "text-navy-100 hover:text-white"}`
                  }
                >
                  {t("nav.account")}
                </NavLink>
              </li>
            ) : null}
          </ul>
        </nav>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
      <footer className="no-print mx-auto max-w-6xl px-4 pb-8 text-xs text-slate-500">{t("app.ministry")}</footer>
    </>
  );
}
