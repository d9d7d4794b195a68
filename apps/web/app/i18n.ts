import type { BackendModule, InitOptions, ReadCallback, ResourceKey } from "i18next";

/**
 * i18n configuration shared by the server and the browser.
 *
 * Catalogues live in `app/locales/<language>/<namespace>.json`. Adding a language is adding its
 * folder: the list of supported languages is derived from the files found at build time.
 */

export const defaultNS = "common";
export const fallbackLng = "en";

type CatalogueModule = { default: ResourceKey };

/** Lazy loaders for every catalogue, keyed `./locales/<lng>/<ns>.json` (code-split in the browser). */
export const catalogueLoaders = import.meta.glob<CatalogueModule>("./locales/*/*.json");

function catalogueKey(lng: string, ns: string): string {
  return `./locales/${lng}/${ns}.json`;
}

function languageOf(key: string): string | undefined {
  return /^\.\/locales\/([^/]+)\/[^/]+\.json$/.exec(key)?.[1];
}

export const supportedLngs: string[] = [
  fallbackLng,
  ...new Set(
    Object.keys(catalogueLoaders)
      .map(languageOf)
      .filter((lng): lng is string => lng !== undefined && lng !== fallbackLng)
      .sort(),
  ),
];

/**
 * Languages that have the catalogue `ns`. A language is offered app-wide only once it has the common
 * catalogue; until then it serves just the pages whose namespaces it has (see i18n.server.ts).
 */
export function languagesWith(ns: string): string[] {
  return supportedLngs.filter((lng) => catalogueKey(lng, ns) in catalogueLoaders);
}

export const i18nConfig = {
  supportedLngs,
  // A text missing in Kazakh is shown in Russian, which Kazakh readers also read; anything else in English.
  fallbackLng: { kk: ["ru", fallbackLng], default: [fallbackLng] },
  defaultNS,
  ns: [defaultNS],
  // React escapes output already.
  interpolation: { escapeValue: false },
  // Never render a half-loaded page on the server or while hydrating.
  react: { useSuspense: false },
  returnNull: false,
} satisfies InitOptions;

/** An i18next backend that loads catalogues through Vite's code-split dynamic imports. */
export const catalogueBackend: BackendModule = {
  type: "backend",
  init() {},
  read(lng: string, ns: string, callback: ReadCallback) {
    const load = catalogueLoaders[catalogueKey(lng, ns)];
    if (!load) {
      // Unknown language or namespace: i18next falls back to fallbackLng.
      callback(null, {});
      return;
    }
    load().then(
      (module) => callback(null, module.default),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};
