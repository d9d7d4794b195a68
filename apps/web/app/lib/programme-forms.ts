// Form plumbing shared by the staff (programme) and admin pages: the submitted values kept as typed,
// field errors from the domain schema's parse or from the API's 400 `errors`, and money typed in
// major units (12 500.50) turned into the integer minor units the API takes.

/** An error beside a field: a code the catalogue translates, or the API's own message. */
export type FieldError = { code: FieldErrorCode } | { message: string };
export type FieldErrorCode = "required" | "invalid" | "tooLong" | "tooSmall" | "tooLarge" | "endBeforeStart" | "periodTooLong" | "amount";
export type FieldErrors = Record<string, FieldError>;
/** What the user typed, by field name, to put back into the form on error. */
export type FormValues = Record<string, string>;

/** Every named field's value as typed (files and repeated names are not used by these forms). */
export function formValues(form: FormData): FormValues {
  const values: FormValues = {};
  for (const [name, value] of form.entries()) {
    if (typeof value === "string" && !(name in values)) values[name] = value;
  }
  return values;
}

/** An optional text field: empty means null. */
export function optionalText(value: string | undefined): string | null {
  const trimmed = (value ?? "").trim();
  return trimmed === "" ? null : trimmed;
}

/** A comma- or line-separated list ("a, b\nc") as trimmed, non-empty items. */
export function listOf(value: string | undefined): string[] {
  return (value ?? "")
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter(Boolean);
}

/** A number typed by a person: spaces and a decimal comma allowed; null when not a number. */
export function parseDecimal(value: string | undefined): number | null {
  const cleaned = (value ?? "").replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

/** How many minor units a currency has (2 for EUR, 0 for JPY), per Intl; 2 when unknown. */
export function minorDigits(currency: string): number {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/**
 * An amount typed in major units ("12 500.50", "12500,5") as integer minor units of the currency;
 * null when it is not an amount or has more decimals than the currency.
 */
export function toMinorUnits(value: string | undefined, currency: string): number | null {
  const cleaned = (value ?? "").replace(/[\s\u00a0\u202f']/g, "").replace(",", ".");
  const match = /^(\d+)(?:\.(\d+))?$/.exec(cleaned);
  if (!match) return null;
  const digits = minorDigits(/^[A-Z]{3}$/.test(currency) ? currency : "USD");
  const fraction = match[2] ?? "";
  if (fraction.length > digits) return null;
  const minor = Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
  return Number.isSafeInteger(minor) ? minor : null;
}

/** Minor units back to what a person types (for putting a stored amount into a field). */
export function fromMinorUnits(minor: number, currency: string): string {
  const digits = minorDigits(currency);
  return digits === 0 ? String(minor) : (minor / 10 ** digits).toFixed(digits);
}

interface Issue {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  input?: unknown;
  origin?: string;
}

function codeOf(issue: Issue): FieldErrorCode {
  const field = String(issue.path[issue.path.length - 1] ?? "");
  if (issue.code === "invalid_type" && (issue.input === undefined || issue.input === null)) return "required";
  if (issue.code === "too_small") return issue.origin === "string" || issue.origin === "array" ? "required" : "tooSmall";
  if (issue.code === "too_big") return issue.origin === "string" ? "tooLong" : "tooLarge";
  if (issue.code === "custom" && /one year/.test(issue.message)) return "periodTooLong";
  if (issue.code === "custom" && /before|ends before/.test(issue.message) && /end|validTo/i.test(field)) return "endBeforeStart";
  return "invalid";
}

/**
 * Field errors from a failed parse with the domain schema, keyed by the first path segment (or the
 * segment `rename` maps it to: `{ amountMinor: "amount" }`).
 */
export function issuesToErrors(issues: readonly Issue[], rename: Record<string, string> = {}): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = String(issue.path[0] ?? "form");
    const field = rename[key] ?? key;
    errors[field] ??= { code: codeOf(issue) };
  }
  return errors;
}

/** An RFC 9457 problem as the API sends it. */
export interface Problem {
  title?: string;
  detail?: string;
  status?: number;
  errors?: Record<string, string>;
}

/**
 * The API's 400 field errors ("body.amountMinor": "…") as errors beside the form's fields, with the
 * API's message; errors on fields the form does not show go to `unplaced`.
 */
export function problemToErrors(problem: Problem, fields: readonly string[], rename: Record<string, string> = {}): { errors: FieldErrors; unplaced: string[] } {
  const errors: FieldErrors = {};
  const unplaced: string[] = [];
  for (const [key, message] of Object.entries(problem.errors ?? {})) {
    const first = key.replace(/^body\./, "").split(".")[0] ?? key;
    const field = rename[first] ?? first;
    if (fields.includes(field)) errors[field] ??= { message };
    else unplaced.push(message);
  }
  if (Object.keys(errors).length === 0 && unplaced.length === 0 && problem.detail) unplaced.push(problem.detail);
  return { errors, unplaced };
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** Minor units as money in the locale: 400000000 EUR → "€4,000,000.00". */
export function formatMoney(locale: string, minor: number, currency: string): string {
  const key = `${locale}|${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    try {
      format = new Intl.NumberFormat(locale, { style: "currency", currency });
    } catch {
      format = new Intl.NumberFormat(locale, { minimumFractionDigits: 2 });
    }
    moneyFormats.set(key, format);
  }
  return format.format(minor / 10 ** minorDigits(currency));
}

/** A percentage with one decimal at most, per locale: 108 → "108%". */
export function formatPercent(locale: string, percent: number): string {
  return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(percent / 100);
}

/** What an action returns when a form did not go through. */
export interface FormFailure {
  intent: string;
  /** Which record's form (e.g. the contribution a payment is for), when a page has several. */
  target?: string | undefined;
  errors: FieldErrors;
  /** Messages for the whole form (API rules on fields the form does not show, conflicts). */
  formErrors: string[];
  values: FormValues;
}

export function failure(intent: string, errors: FieldErrors, formErrors: string[], values: FormValues, target?: string): FormFailure {
  return { intent, ...(target === undefined ? {} : { target }), errors, formErrors, values };
}

/** The failure for this form, if the last submission was this form's. */
export function failureFor(result: unknown, intent: string, target?: string): FormFailure | undefined {
  if (!result || typeof result !== "object" || !("intent" in result)) return undefined;
  const found = result as FormFailure;
  if (found.intent !== intent || (target !== undefined && found.target !== target)) return undefined;
  return found;
}

/** The roles of the staff pages. */
export const STAFF_ROLES = ["STAFF", "ADMIN"] as const;
