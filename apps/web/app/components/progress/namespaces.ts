import type { ClientLoaderFunctionArgs } from "@remix-run/react";
import i18next from "i18next";

/**
 * A clientLoader that loads the route's i18n namespaces before the route renders after a client-side
 * navigation (react-i18next runs without Suspense here, so a namespace not yet loaded would flash its
 * keys). The first page load is rendered on the server with every namespace it needs.
 */
export function loadingNamespaces(namespaces: string[]) {
  return async ({ serverLoader }: ClientLoaderFunctionArgs) => {
    const [data] = await Promise.all([serverLoader(), i18next.loadNamespaces(namespaces)]);
    return data;
  };
}
