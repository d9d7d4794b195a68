import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { getInitialNamespaces } from "remix-i18next/client";
import { catalogueBackend, fallbackLng, i18nConfig } from "./i18n";

async function hydrate() {
  // The server rendered <html lang> with the resolved locale: hydrate in the same one.
  const lng = document.documentElement.lang || fallbackLng;
  const namespaces = getInitialNamespaces();
  await i18next
    .use(initReactI18next)
    .use(catalogueBackend)
    .init({
      ...i18nConfig,
      lng,
      ns: namespaces.length > 0 ? namespaces : i18nConfig.ns,
    });

  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

hydrate().catch((error: unknown) => {
  // The server-rendered page stays usable without JavaScript.
  console.error("Hydration failed", error);
});
