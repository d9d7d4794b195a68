import type { Resource } from "i18next";
import { RemixI18Next } from "remix-i18next/server";
import { catalogueLoaders, defaultNS, fallbackLng, i18nConfig, supportedLngs } from "./i18n";

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

export const i18nServer = new RemixI18Next({
  detection: {
    supportedLanguages: supportedLngs,
    fallbackLanguage: fallbackLng,
    // `?lng=ru` wins, then the browser's Accept-Language. A cookie comes with the language switcher.
    order: ["searchParams", "header"],
  },
  i18next: {
    ...i18nConfig,
    // The same object loadResources() fills; getFixedT below waits for it.
    resources,
  },
});

/** The locale this request is rendered in. */
export function getLocale(request: Request): Promise<string> {
  return i18nServer.getLocale(request);
}

/** A `t` bound to the request's locale, for loaders (page titles, meta). */
export async function getFixedT(request: Request) {
  await loadResources();
  return i18nServer.getFixedT(request, defaultNS);
}

/** The dashboard's area namespaces (app/locales/<lng>/<ns>.json besides "common"). */
export type AreaNamespace = "staff" | "donor" | "partner" | "programme" | "admin";

/** A `t` bound to the request's locale and one area's namespace, for loaders (page titles). */
export async function getAreaT(request: Request, ns: AreaNamespace) {
  await loadResources();
  return i18nServer.getFixedT(request, ns);
}
