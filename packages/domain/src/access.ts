// Who may call what: the committed authorisation table (role × route × scope). The API refuses any
// route without a row here (deny by default), and the authorisation tests read the same table.
// Scope says which records an allowed role reaches; the service enforces it inside its queries, and
// a record outside the scope answers 404 so that its existence is not revealed.

import { ACTIVITIES_ACCESS } from "./access/activities.js";
import { ADMIN_ACCESS } from "./access/admin.js";
import { CORE_ACCESS } from "./access/core.js";
import { FEEDBACK_ACCESS } from "./access/feedback.js";
import { FINANCE_ACCESS } from "./access/finance.js";
import { MONEY_ACCESS } from "./access/money.js";
import { PEOPLE_ACCESS } from "./access/people.js";
import { REFERENCE_ACCESS } from "./access/reference.js";
import { RESULTS_ACCESS } from "./access/results.js";
import { SUBMISSIONS_ACCESS } from "./access/submissions.js";
import { REPORTS_ACCESS } from "./access/reports.js";
import { IATI_ACCESS } from "./access/iati.js";
import { EXPORTS_ACCESS } from "./access/exports.js";

export const ROLES = ["ADMIN", "STAFF", "PARTNER", "DONOR"] as const;
export type Role = (typeof ROLES)[number];
export type Principal = Role | "ANONYMOUS";
export const PRINCIPALS: readonly Principal[] = ["ANONYMOUS", ...ROLES];

export type Scope =
  /** Every record. */
  | "all"
  /** Only the caller's own account or session. */
  | "self"
  /** Programme-level aggregates with people counts under 3 suppressed; never a person. */
  | "public-aggregates"
  /** Activities the caller's organisation is assigned to (ActivityPartner), its submissions and people. */
  | "own-organisation"
  /** Aggregates of the programmes the caller's donor co-funds; never a person. */
  | "funded-programmes";

/** Keys are "METHOD /path" as the router matches them (Hono's `:param` syntax). */
export type AccessTable = Record<string, Partial<Record<Principal, Scope>>>;

/** One table, kept in one file per area so that each module's rows sit together. */
export const ACCESS: AccessTable = {
  ...CORE_ACCESS,
  ...REFERENCE_ACCESS,
  ...FINANCE_ACCESS,
  ...MONEY_ACCESS,
  ...RESULTS_ACCESS,
  ...ACTIVITIES_ACCESS,
  ...PEOPLE_ACCESS,
  ...FEEDBACK_ACCESS,
  ...ADMIN_ACCESS,
  ...SUBMISSIONS_ACCESS,
  ...REPORTS_ACCESS,
  ...IATI_ACCESS,
  ...EXPORTS_ACCESS,
};

export function accessKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path}`;
}

/** The scope a principal has on a route, or undefined when refused (including unknown routes). */
export function scopeFor(method: string, path: string, principal: Principal): Scope | undefined {
  return ACCESS[accessKey(method, path)]?.[principal];
}
