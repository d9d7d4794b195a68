import { randomBytes } from "node:crypto";

/**
 * The web app's configuration: the only module that reads `process.env`.
 * Defaults make `npm start` work with no configuration (API on 127.0.0.1:3001).
 */

export interface WebEnv {
  /** Base URL of the VEP API (without the `/api` prefix), e.g. `http://127.0.0.1:3001`. */
  readonly API_URL: string;
  /**
   * Signs the session cookie. Without SESSION_SECRET a random one is made at start-up, so a restart
   * signs everyone out; set it to keep sessions across restarts or to run several dashboard servers.
   */
  readonly SESSION_SECRET: string;
  /** Session cookie only over HTTPS (COOKIE_SECURE=true behind TLS). */
  readonly COOKIE_SECURE: boolean;
}

function parsePort(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === "") return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`Invalid environment: ${name} must be a port number (1-65535), got "${raw}".`);
  }
  return port;
}

function parseBaseUrl(name: string, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`Invalid environment: ${name} must be an absolute URL, got "${raw}".`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`Invalid environment: ${name} must use http or https, got "${raw}".`);
  }
  if (url.search || url.hash) {
    throw new Error(`Invalid environment: ${name} must not have a query or fragment, got "${raw}".`);
  }
  // hc() joins paths itself: keep the origin plus any base path, without a trailing slash.
  return url.href.replace(/\/+$/, "");
}

export function loadEnv(source: Readonly<Record<string, string | undefined>>): WebEnv {
  const apiPort = parsePort("API_PORT", source.API_PORT, 3001);
  const apiUrl = source.API_URL?.trim() ? source.API_URL.trim() : `http://127.0.0.1:${apiPort}`;
  const secret = source.SESSION_SECRET?.trim();
  if (secret !== undefined && secret !== "" && secret.length < 32) {
    throw new Error("Invalid environment: SESSION_SECRET must be at least 32 characters.");
  }
  return Object.freeze({
    API_URL: parseBaseUrl("API_URL", apiUrl),
    SESSION_SECRET: secret || randomBytes(32).toString("base64url"),
    COOKIE_SECURE: source.COOKIE_SECURE === "true",
  });
}

export const env: WebEnv = loadEnv(process.env);
