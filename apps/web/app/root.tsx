import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useChangeLanguage } from "remix-i18next/react";
import { apiClient, getCurrentUser, type ApiErrorData } from "./api.server";
import { defaultNS, fallbackLng } from "./i18n";
import { dashboardLanguages, getFixedT, getLocale } from "./i18n.server";
import { LanguageSwitch } from "./components/language-switch";
import { unreadNotificationCount } from "./lib/submissions.server";
import { useNonce } from "./lib/nonce";
import { clearSessionToken, getSessionToken } from "./session.server";
import stylesheet from "./styles.css?url";

/** What each role's header offers; each page checks the role again on the server. */
const NAVIGATION = {
  STAFF: [
    { to: "/staff/activities", label: "activities" },
    { to: "/staff/trainers", label: "trainers" },
    { to: "/staff/donors", label: "donors" },
    { to: "/staff/indicators", label: "indicators" },
    { to: "/staff/finance", label: "finance" },
    { to: "/staff/iati", label: "iati" },
    { to: "/staff/submissions", label: "submissions" },
    { to: "/donor", label: "progress" },
  ],
  ADMIN: [
    { to: "/staff/activities", label: "activities" },
    { to: "/staff/trainers", label: "trainers" },
    { to: "/staff/donors", label: "donors" },
    { to: "/staff/indicators", label: "indicators" },
    { to: "/staff/finance", label: "finance" },
    { to: "/staff/iati", label: "iati" },
    { to: "/staff/submissions", label: "submissions" },
    { to: "/donor", label: "progress" },
    { to: "/admin/users", label: "users" },
    { to: "/admin/organisations", label: "organisations" },
    { to: "/admin/regions", label: "regions" },
  ],
  DONOR: [{ to: "/donor", label: "progress" }],
  PARTNER: [{ to: "/partner", label: "partner" }],
} as const;

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

/** Namespaces every page needs; remix-i18next loads them for SSR and hydration. */
export const handle = { i18n: [defaultNS] };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const [locale, t, token] = await Promise.all([getLocale(request), getFixedT(request), getSessionToken(request)]);
  const api = token ? apiClient({ request, locale, token, clientAddress: context.clientAddress }) : null;
  const [user, unreadNotices] = api ? await Promise.all([getCurrentUser(api, request), unreadNotificationCount(api, request)]) : [null, 0];
  const body = { locale, languages: dashboardLanguages, user, unreadNotices, appName: t("app.name"), description: t("app.description") };
  // A cookie whose session the API no longer knows (expired, signed out elsewhere) is dropped.
  return token && !user ? data(body, { headers: { "Set-Cookie": await clearSessionToken() } }) : body;
}

export const meta: MetaFunction<typeof loader> = ({ data, error }) => {
  // On an error page the Layout writes the <title> itself (meta has no translations without data).
  if (error || !data) return [];
  return [{ title: data.appName }, { name: "description", content: data.description }];
};

export function Layout({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation();
  const nonce = useNonce();
  const error = useRouteError();
  const rootData = useRouteLoaderData<typeof loader>("root");
  const locale = rootData?.locale ?? i18n.language ?? fallbackLng;
  useChangeLanguage(locale);

  return (
    <html lang={locale} dir={i18n.dir(locale)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        {error !== undefined && error !== null ? <title>{errorTitle(error, t)}</title> : null}
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t("app.skipToContent")}
        </a>
        <header className="site-header">
          <div className="container site-header__inner">
            <Link to="/" className="site-header__brand">
              <span className="site-header__name">{t("app.name")}</span>
              <span className="site-header__tagline">{t("app.tagline")}</span>
            </Link>
            <nav aria-label={t("app.mainNavigation")} className="site-nav">
              <Link to="/">{t("app.homeLink")}</Link>
              {rootData?.user
                ? NAVIGATION[rootData.user.role].map((item) => (
                    <NavLink key={item.to} to={item.to}>
                      {t(`nav.${item.label}`)}
                    </NavLink>
                  ))
                : null}
              {rootData?.user ? (
                <>
                  <NavLink to="/notifications" aria-label={t("nav.noticesLabel", { count: rootData.unreadNotices })}>
                    {t("nav.notices")}
                    {rootData.unreadNotices > 0 ? <span className="nav-count" aria-hidden="true">{rootData.unreadNotices}</span> : null}
                  </NavLink>
                  <span className="site-nav__user">
                    {t("auth.signedInAs", { name: rootData.user.displayName, role: t(`role.${rootData.user.role}`) })}
                  </span>
                  <Form method="post" action="/logout" className="site-nav__form">
                    <button type="submit" className="link-button">
                      {t("auth.signOut")}
                    </button>
                  </Form>
                </>
              ) : (
                <Link to="/login">{t("auth.signIn")}</Link>
              )}
              <LanguageSwitch languages={rootData?.languages ?? []} current={locale} />
            </nav>
          </div>
        </header>
        <main id="main" tabIndex={-1} className="container site-main">
          {children}
        </main>
        <footer className="site-footer">
          <div className="container">
            <p>{t("footer.initiative")}</p>
            <p>{t("footer.privacy")}</p>
          </div>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

// ───────────────────────────── errors ─────────────────────────────

type ErrorKind = "notFound" | "forbidden" | "unavailable" | "generic";

function errorKind(error: unknown): { kind: ErrorKind; status: number; resource?: string } {
  if (isRouteErrorResponse(error)) {
    const data = (error.data ?? null) as Partial<ApiErrorData> | null;
    if (error.status === 404) return { kind: "notFound", status: 404, ...(data?.resource ? { resource: data.resource } : {}) };
    if (error.status === 403) return { kind: "forbidden", status: 403 };
    if (error.status === 503) return { kind: "unavailable", status: 503 };
    return { kind: "generic", status: error.status };
  }
  return { kind: "generic", status: 500 };
}

function errorTitle(error: unknown, t: TFunction): string {
  const { kind } = errorKind(error);
  return t("app.pageTitle", { page: t(`error.${kind}.title`), app: t("app.name") });
}

export function ErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation();
  const { kind, status, resource } = errorKind(error);
  if (kind === "generic" && !isRouteErrorResponse(error)) console.error(error);

  const body = kind === "notFound" && resource === "activity" ? t("error.notFound.activityBody") : t(`error.${kind}.body`);

  return (
    <section className="error-page" aria-labelledby="error-heading">
      <p className="eyebrow">{t("error.status", { status })}</p>
      <h1 id="error-heading">{t(`error.${kind}.heading`)}</h1>
      <p>{body}</p>
      <p className="error-page__actions">
        <Link to="/" className="button">
          {t("error.goHome")}
        </Link>
        {kind === "unavailable" || kind === "generic" ? (
          // A plain link (no client routing), so a retry works even when scripts failed.
          <a href="" className="button button--secondary">
            {t("error.tryAgain")}
          </a>
        ) : null}
      </p>
    </section>
  );
}
