import { Form, NavLink, useLocation, useNavigation } from "@remix-run/react";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { isCurrent, navigationFor, type NavItem } from "~/components/navigation";
import type { Role } from "~/auth/roles";
import { useBilingual, useLocale, useT } from "./i18n";

interface ShellUser {
  fullName: string;
  role: Role;
  organisationVi: string | null;
  organisationEn: string | null;
}

/** Controls on the navy bars: 44 px tall, with a focus ring that shows on navy (amber, over 8:1). */
const onNavy = "focus-visible:outline-amber-300";

function LanguageSwitch() {
  const locale = useLocale();
  const t = useT();
  const location = useLocation();
  const other = locale === "vi" ? "en" : "vi";
  return (
    <Form method="post" action="/language" className="inline">
      <input type="hidden" name="locale" value={other} />
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      {/* The name starts with the visible text ("EN"), so voice control finds it by what it shows. */}
      <button
        type="submit"
        lang={other}
        className={`inline-flex min-h-11 min-w-11 items-center justify-center rounded border border-white/60 px-2 text-sm font-semibold text-white hover:bg-white/10 ${onNavy}`}
        aria-label={t("lang.switchTo")}
        data-testid="language-switch"
      >
        {other === "en" ? "EN" : "VI"}
      </button>
    </Form>
  );
}

/**
 * The whole navigation behind one button on a phone: a <details> disclosure, so that it opens
 * without JavaScript too; with it, Escape closes it and gives the focus back to its button, and it
 * closes when a page is chosen. The button names the current page.
 */
function PhoneMenu({ items }: { items: NavItem[] }) {
  const t = useT();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const [hydrated, setHydrated] = useState(false);
  const summary = useRef<HTMLElement>(null);
  const details = useRef<HTMLDetailsElement>(null);
  useEffect(() => setHydrated(true), []);
  // A page chosen in the menu closes it; the focus, on the chosen link, goes back to the menu button.
  useEffect(() => {
    if (details.current?.open && details.current.contains(document.activeElement)) summary.current?.focus();
    setOpen(false);
  }, [location.pathname, location.search]);
  const current = items.find((item) => isCurrent(item.to, location.pathname));
  // Escape closes the open menu, from wherever the focus is in it, and gives the focus back to its button.
  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key !== "Escape") return;
      event.preventDefault();
      setOpen(false);
      summary.current?.focus();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [open]);
  return (
    <details
      ref={details}
      className="md:hidden"
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
      data-testid="phone-menu"
    >
      <summary
        ref={summary}
        aria-controls="phone-menu-list"
        aria-expanded={hydrated ? open : undefined}
        className={`flex min-h-11 cursor-pointer list-none items-center gap-2 px-4 text-sm font-semibold text-white [&::-webkit-details-marker]:hidden ${onNavy} focus-visible:-outline-offset-2`}
      >
        <span aria-hidden="true" className="text-lg leading-none">
          {open ? "✕" : "☰"}
        </span>
        <span>{t("nav.menu")}</span>
        {current ? (
          <span className="min-w-0 truncate font-normal text-navy-100">
            <span aria-hidden="true">· </span>
            {t(current.label)}
          </span>
        ) : null}
      </summary>
      <ul id="phone-menu-list" className="border-t border-white/10 pb-2">
        {items.map((item) => (
          <li key={item.to}>
            <NavLink
              to={item.to}
              end={item.to === "/"}
              className={({ isActive }) =>
                `flex min-h-11 items-center border-l-4 px-4 text-base ${isActive ? "border-amber-400 bg-navy-800 font-semibold text-white" : "border-transparent text-navy-50 hover:bg-navy-800"} ${onNavy} focus-visible:-outline-offset-2`
              }
            >
              {t(item.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </details>
  );
}

/**
 * Where the focus goes when a navigation or a form's submission ends and the focused element went
 * with the old page (a pressed button replaced by its result): to the page's result message if
 * there is one (role=status or alert), else to the main content; never left on <body>. A page
 * opened in the browser (without a full load) is announced by its title.
 */
function useFocusAfterNavigation(): string {
  const location = useLocation();
  const navigation = useNavigation();
  const [announcement, setAnnouncement] = useState("");
  const first = useRef(true);
  const previous = useRef(navigation.state);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const frame = requestAnimationFrame(() => setAnnouncement(document.title));
    return () => cancelAnimationFrame(frame);
  }, [location.pathname]);
  useEffect(() => {
    const before = previous.current;
    previous.current = navigation.state;
    if (navigation.state !== "idle" || before === "idle") return;
    const frame = requestAnimationFrame(() => {
      const active = document.activeElement;
      if (active && active !== document.body && active.isConnected) return;
      const message = document.querySelector<HTMLElement>(
        "main [role=status]:not(:empty):not(.sr-only), main [role=alert]:not(:empty):not(.sr-only)",
      );
      if (message && !message.hasAttribute("tabindex")) message.setAttribute("tabindex", "-1");
      (message ?? document.getElementById("main"))?.focus({ preventScroll: !message });
    });
    return () => cancelAnimationFrame(frame);
  }, [navigation.state]);
  return announcement;
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
  const items: NavItem[] = [
    ...navigationFor(user?.role ?? null),
    ...(user ? [{ to: "/account", label: "nav.account" } satisfies NavItem] : []),
  ];
  const announcement = useFocusAfterNavigation();
  const smallButton = `inline-flex min-h-11 items-center rounded bg-white px-3 text-sm font-semibold text-navy-800 hover:bg-navy-50 ${onNavy}`;
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t("app.skipToContent")}
      </a>
      <header className="bg-navy-800 text-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-3 px-4 py-2">
          <a href="/" className={`flex min-h-11 min-w-0 items-center gap-3 rounded ${onNavy}`}>
            <img src="/favicon.svg" alt="" width={32} height={32} className="shrink-0" />
            <span className="min-w-0">
              <span className="block truncate text-sm font-bold sm:text-base">
                {conference ? pick(conference.titleVi, conference.titleEn) : t("app.name")}
              </span>
              <span className="block truncate text-xs text-navy-100">{t("app.ministry")}</span>
            </span>
          </a>
          <div className="no-print flex shrink-0 items-center gap-2 text-sm sm:gap-3">
            <LanguageSwitch />
            {user ? (
              <>
                <span className="hidden text-navy-100 lg:inline" data-testid="signed-in-as">
                  {t("nav.signedInAs", { name: user.fullName })} · {t(`role.${user.role}`)}
                </span>
                <Form method="post" action="/logout">
                  <button type="submit" className={smallButton}>
                    {t("nav.signOut")}
                  </button>
                </Form>
              </>
            ) : (
              <a href="/login" className={smallButton}>
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
          <PhoneMenu items={items} />
          <ul className="mx-auto hidden max-w-6xl flex-wrap gap-x-1 px-2 md:flex">
            {items.map((item) => (
              <li key={item.to} className={item.to === "/account" ? "ml-auto" : undefined}>
                <NavLink
                  to={item.to}
                  end={item.to === "/"}
                  className={({ isActive }) =>
                    `flex min-h-11 items-center whitespace-nowrap border-b-2 px-3 text-sm ${isActive ? "border-amber-400 font-semibold text-white" : "border-transparent text-navy-100 hover:text-white"} ${onNavy} focus-visible:-outline-offset-2`
                  }
                >
                  {t(item.label)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <p className="sr-only" role="status" aria-live="polite" data-testid="page-announcement">
        {announcement}
      </p>
      <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-6 focus:outline-none sm:py-8">
        {children}
      </main>
      <footer className="no-print mx-auto max-w-6xl px-4 pb-8 text-xs text-slate-600">{t("app.ministry")}</footer>
    </>
  );
}
