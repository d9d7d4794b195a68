// Who may call what: the committed authorisation table (role × route × scope). The API refuses any
// route without a row here (deny by default), and the authorisation tests read the same table.
// Scope says which records an allowed role reaches; the service enforces it inside its queries, and
// a record outside the scope answers 404 so that its existence is not revealed.

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

const everyone = { ANONYMOUS: "public-aggregates", ADMIN: "public-aggregates", STAFF: "public-aggregates", PARTNER: "public-aggregates", DONOR: "public-aggregates" } as const;
const signedIn = { ADMIN: "self", STAFF: "self", PARTNER: "self", DONOR: "self" } as const;

export const ACCESS: AccessTable = {
  "GET /api/health": { ANONYMOUS: "all", ADMIN: "all", STAFF: "all", PARTNER: "all", DONOR: "all" },
  "GET /api/openapi.json": { ANONYMOUS: "all", ADMIN: "all", STAFF: "all", PARTNER: "all", DONOR: "all" },
  "GET /api/docs": { ANONYMOUS: "all", ADMIN: "all", STAFF: "all", PARTNER: "all", DONOR: "all" },
  "GET /api/docs/:file": { ANONYMOUS: "all", ADMIN: "all", STAFF: "all", PARTNER: "all", DONOR: "all" },
  "GET /api/v1/public/summary": everyone,
  "GET /api/v1/public/activities": everyone,
  "GET /api/v1/public/activities/:id": everyone,
  // Logging in is open to anyone (throttled); everything else about a session needs one.
  "POST /api/v1/auth/login": { ANONYMOUS: "all", ADMIN: "all", STAFF: "all", PARTNER: "all", DONOR: "all" },
  "POST /api/v1/auth/logout": signedIn,
  "GET /api/v1/me": signedIn,

  // Reference data: everyone signed in reads (a partner its own organisation and departments); ADMIN writes.
  "GET /api/v1/organisations": { ADMIN: "all", STAFF: "all", PARTNER: "own-organisation", DONOR: "all" },
  "GET /api/v1/organisations/:id": { ADMIN: "all", STAFF: "all", PARTNER: "own-organisation", DONOR: "all" },
  "POST /api/v1/organisations": { ADMIN: "all" },
  "PATCH /api/v1/organisations/:id": { ADMIN: "all" },
  "DELETE /api/v1/organisations/:id": { ADMIN: "all" },
};

export function accessKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path}`;
}

/** The scope a principal has on a route, or undefined when refused (including unknown routes). */
export function scopeFor(method: string, path: string, principal: Principal): Scope | undefined {
  return ACCESS[accessKey(method, path)]?.[principal];
}
