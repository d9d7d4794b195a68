import { createContext, useContext, type ReactNode } from "react";

/**
 * The CSP nonce of the current response (server.js makes one per request). Browsers hide nonce
 * attributes from the DOM, so in the browser this is empty; only the server render needs it.
 */
const NonceContext = createContext<string | undefined>(undefined);

export function NonceProvider({ nonce, children }: { nonce: string | undefined; children: ReactNode }) {
  return <NonceContext.Provider value={nonce}>{children}</NonceContext.Provider>;
}

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
