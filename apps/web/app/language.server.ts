// The dashboard language a person chose: a cookie of its own (a year), set by the language switch and,
// at sign-in, from the language stored with the account. Without it, the browser's Accept-Language.
import { createCookie } from "@remix-run/node";
import { env } from "./env.server";

export const languageCookie = createCookie("vep_lng", {
  httpOnly: true,
  sameSite: "lax",
  secure: env.COOKIE_SECURE,
  path: "/",
  maxAge: 365 * 24 * 60 * 60,
});

export function commitLanguage(language: string): Promise<string> {
  return languageCookie.serialize(language);
}
