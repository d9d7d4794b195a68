// Text PostgreSQL cannot take: U+0000 (NUL) is refused in text and jsonb alike, and an unpaired UTF-16
// surrogate ("\udfff", not a Unicode character at all) is refused by jsonb. Either one in a query string
// or a JSON body reached the database and failed there as a 500 (found by the security fuzzer: `?q=%00`,
// a title "a\u0000b", a translation "x\udfffy"). Refused up front, after authorisation and before any
// route reads the input, as a 400 that names the field.
import { createMiddleware } from "hono/factory";
import { english, msg } from "@vep/domain";
import { problem } from "./errors.js";
import type { AppEnv } from "./router.js";

const NUL_MESSAGE = english("http.nulCharacter");
const SURROGATE_MESSAGE = english("http.loneSurrogate");
const JSON_TYPE = /^application\/([\w.+-]*\+)?json\b/i;
/** Enough to name the culprits; no input schema nests deeper than a few levels. */
const MAX_FIELDS = 20;
const MAX_DEPTH = 64;

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** A field name fit to be sent back in the problem. */
const printable = (name: string) => name.replace(/\u0000/g, "").replace(new RegExp(LONE_SURROGATE.source, "g"), "\uFFFD");

function problemOf(text: string): string | null {
  if (text.includes("\u0000")) return NUL_MESSAGE;
  return LONE_SURROGATE.test(text) ? SURROGATE_MESSAGE : null;
}

/** Where in `value` a string (or a key) cannot be stored, as { "body.title": message, "body.topics.2": ... }. */
export function unstorableFields(value: unknown, path: string, found: Record<string, string> = {}, depth = 0): Record<string, string> {
  if (Object.keys(found).length >= MAX_FIELDS || depth > MAX_DEPTH) return found;
  if (typeof value === "string") {
    const message = problemOf(value);
    if (message) found[path] = message;
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => unstorableFields(item, `${path}.${i}`, found, depth + 1));
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const name = `${path}.${printable(key)}`;
      const message = problemOf(key);
      if (message) found[name] = message;
      unstorableFields(item, name, found, depth + 1);
    }
  }
  return found;
}

export const refuseUnstorableText = createMiddleware<AppEnv>(async (c, next) => {
  const errors: Record<string, string> = {};
  for (const [name, values] of Object.entries(c.req.queries())) unstorableFields([name, ...values], `query.${printable(name)}`, errors);
  if (JSON_TYPE.test(c.req.header("content-type") ?? "")) {
    // Hono keeps the parsed body for the route's validator; malformed JSON is the validator's to refuse.
    const body: unknown = await c.req.json().catch(() => undefined);
    unstorableFields(body, "body", errors);
  }
  if (Object.keys(errors).length === 0) return next();
  // Query values are named by parameter, not by position.
  const named = Object.fromEntries(Object.entries(errors).map(([field, message]) => [field.startsWith("query.") ? field.replace(/\.\d+$/, "") : field, message]));
  return problem(c, 400, msg("http.invalidRequest"), { detail: msg("http.invalidValues"), errors: named });
});
