// The signed-in user's API session token, kept in an HttpOnly, SameSite=Lax cookie of the dashboard's
// own (the browser never sees the token in script; cross-site form posts arrive without it).
import { createCookie, redirect } from "@remix-run/node";
import { env } from "./env.server";

const SESSION_MAX_AGE_S = 12 * 60 * 60; // the API's session lifetime

const sessionCookie = createCookie("vep_session", {
  httpOnly: true,
  sameSite: "lax",
  secure: env.COOKIE_SECURE,
  path: "/",
  maxAge: SESSION_MAX_AGE_S,
  secrets: [env.SESSION_SECRET],
});

export async function getSessionToken(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie.parse(request.headers.get("cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

export function commitSessionToken(token: string): Promise<string> {
  return sessionCookie.serialize(token);
}

export function clearSessionToken(): Promise<string> {
  return sessionCookie.serialize("", { maxAge: 0 });
}

/** Only local paths: a `redirectTo` pointing elsewhere would make the login page an open redirect. */
export function safeRedirectPath(value: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  return value;
}

/** The token of a signed-in request, or a redirect to the login page that comes back here. */
export async function requireSessionToken(request: Request): Promise<string> {
  const token = await getSessionToken(request);
  if (token) return token;
  const url = new URL(request.url);
  throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
}
