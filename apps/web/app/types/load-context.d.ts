import "@remix-run/node";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** Per-request CSP nonce, set by server.js; undefined under `remix vite:dev`. */
    cspNonce?: string;
    /** The browser's network address, set by server.js; undefined under `remix vite:dev`. */
    clientAddress?: string;
  }
}
