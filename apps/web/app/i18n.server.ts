import type { Resource } from "i18next";
import { LanguageDetector, RemixI18Next } from "remix-i18next/server";
import { catalogueLoaders, defaultNS, fallbackLng, i18nConfig, languagesWith } from "./i18n";
import { languageCookie } from "./language.server";

/** Every catalogue, `{ en: { common: {...} }, ... }`, filled once by loadResources(). */
const resources: Resource = {};
let loading: Promise<Resource> | undefined;

/** Loads all catalogues (once per process) and returns them for an i18next instance. */
export function loadResources(): Promise<Resource> {
  loading ??= Promise.all(
    Object.entries(catalogueLoaders).map(async ([key, load]) => {
      const match = /^\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(key);
      if (!match) return;
      const [, lng, ns] = match as unknown as [string, string, string];
      const catalogue = (await load()).default;
      resources[lng] = { ...resources[lng], [ns]: catalogue };
    }),
  ).then(() => resources);
  return loading;
}

/** `?lng=ru` wins, then the language chosen (cookie), then the browser's Accept-Language. */
const detection = (supportedLanguages: string[]) => ({
  supportedLanguages,
  fallbackLanguage: fallbackLng,
  cookie: languageCookie,
  order: ["searchParams", "cookie", "header"] as ("searchParams" | "cookie" | "header")[],
});

export const i18nServer = new RemixI18Next({
  detection: detection(languagesWith(defaultNS)),
  i18next: {
    ...i18nConfig,
    // The same object loadResources() fills; getFixedT below waits for it.
    resources,
  },
});

/**
 * Pages offered in more languages than the rest of the app, by their path: the public feedback form is
 * in Russian before the dashboard is, so that participants answer in their language.
 */
const WIDER_LANGUAGE_PAGES = [{ path: /^\/feedback\//, detector: new LanguageDetector(detection(languagesWith("feedback"))) }];

/** Languages the whole dashboard is offered in (those with the common catalogue). */
export const dashboardLanguages = languagesWith(defaultNS);

/** The locale this request is rendered in. */
export function getLocale(request: Request): Promise<string> {
  const { pathname } = new URL(request.url);
  const page = WIDER_LANGUAGE_PAGES.find((p) => p.path.test(pathname));
  return page ? page.detector.detect(request) : i18nServer.getLocale(request);
}

/** A `t` bound to the request's locale, for loaders (page titles, meta). */
export async function getFixedT(request: Request) {
  const [locale] = await Promise.all([getLocale(request), loadResources()]);
  return i18nServer.getFixedT(locale, defaultNS);
}

/** The dashboard's area namespaces (app/locales/<lng>/<ns>.json besides "common"). */
export type AreaNamespace = "staff" | "donor" | "partner" | "programme" | "admin" | "feedback" | "submissions" | "reports" | "iati";

/** A `t` bound to the request's locale and one area's namespace, for loaders (page titles). */
export async function getAreaT(request: Request, ns: AreaNamespace) {
  const [locale] = await Promise.all([getLocale(request), loadResources()]);
  return i18nServer.getFixedT(locale, ns);
}
