import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { getSessionState } from "~/auth/guards.server";
import { browserTimeZone, resolveLocale } from "~/auth/request.server";
import {
  errorTitleKey,
  messageBundles,
  pageMeta,
  useLocale,
  useT,
  type RootData as ShellData,
} from "~/components/i18n";
import { AppShell } from "~/components/layout";
import { useNonce } from "~/components/nonce";
import { getCurrentConference } from "~/features/people/conference.server";
import { getUserProfile } from "~/features/people/users.server";
import { sendRootMessages } from "~/http/i18n.server";
import { CONFERENCE_ZONE } from "~/lib/time";
import stylesheet from "~/tailwind.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  {
    rel: "preload",
    href: "/fonts/be-vietnam-pro-vietnamese-400-normal.woff2",
    as: "font",
    type: "font/woff2",
    crossOrigin: "anonymous",
  },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const state = await getSessionState(request);
  const locale = resolveLocale(request, state.user?.locale);
  const profile = state.user ? await getUserProfile(state.user.id) : null;
  const conference = await getCurrentConference();
  const viewerZone =
    profile?.time_zone ??
    browserTimeZone(request) ??
    profile?.organisation_time_zone ??
    conference?.time_zone ??
    CONFERENCE_ZONE;
  const data = {
    locale,
    /** The platform's messages in this language (by name on a first load); each route's loader adds its capabilities' own. */
    messages: sendRootMessages(request, locale),
    viewerZone,
    user: profile
      ? {
          id: profile.id,
          fullName: profile.full_name,
          email: profile.email,
          role: profile.role,
          organisationVi: profile.organisation_vi,
          organisationEn: profile.organisation_en,
        }
      : null,
    conference: conference
      ? {
          edition: conference.edition,
          titleVi: conference.title_vi,
          titleEn: conference.title_en,
          timeZone: conference.time_zone,
        }
      : null,
  };
  // What the shared components read of it (app/components/i18n.tsx) is there.
  return json(data satisfies ShellData, { headers: state.setCookie ? { "Set-Cookie": state.setCookie } : undefined });
}

export type RootData = Awaited<ReturnType<Awaited<ReturnType<typeof loader>>["json"]>>;

/** Tells the server the browser's time zone, so that times show in the viewer's own zone too. */
function useReportTimeZone() {
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone) return;
    const current = document.cookie
      .split("; ")
      .find((c) => c.startsWith("tz="))
      ?.slice(3);
    if (current !== encodeURIComponent(zone)) {
      document.cookie = `tz=${encodeURIComponent(zone)}; Path=/; Max-Age=31536000; SameSite=Lax`;
    }
  }, []);
}

export function Layout({ children }: { children: ReactNode }) {
  const locale = useLocale();
  const nonce = useNonce();
  const data = useRouteLoaderData<typeof loader>("root");
  const t = useT();
  const error = useRouteError();
  const bundles = messageBundles(useMatches().map((m) => m.data));
  useReportTimeZone();
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        {/* Without the root's data (an unknown address) `meta` cannot know the language: the title is written here. */}
        {data ? null : <title>{`${t(errorTitleKey(error))} · ${t("app.shortName")}`}</title>}
        <Meta />
        <Links />
        {/* The messages the loaders named: cached scripts that must run before hydration, and Remix's module
            script is async (it may run before deferred ones), so these block, like the stylesheet. */}
        {bundles.map((b) => (
          <script key={b.bundle} src={b.src} nonce={nonce} />
        ))}
      </head>
      <body className="min-h-screen font-sans">
        <AppShell user={data?.user ?? null} conference={data?.conference ?? null}>
          {children}
        </AppShell>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
        <noscript>
          <span className="sr-only">{t("app.name")}</span>
        </noscript>
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const [title, body] =
    status === 403
      ? [t("error.forbidden.title"), t("error.forbidden.body")]
      : status === 404
        ? [t("error.notFound.title"), t("error.notFound.body")]
        : [t("error.generic.title"), t("error.generic.body")];
  return (
    <div className="card mx-auto max-w-xl text-center" data-status={status}>
      <p className="text-sm font-semibold text-slate-500">{status}</p>
      <h1 className="mt-1">{title}</h1>
      <p className="mt-3 text-slate-700">{body}</p>
      <a href="/" className="btn-primary mt-6">
        {t("common.backHome")}
      </a>
    </div>
  );
}

export const meta: MetaFunction = (args) => pageMeta(args);
