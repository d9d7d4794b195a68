import type { AccessTable } from "../access.js";

// Health, API description, the public summary and sign-in.
const everyone = { ANONYMOUS: "public-aggregates", ADMIN: "public-aggregates", STAFF: "public-aggregates", PARTNER: "public-aggregates", DONOR: "public-aggregates" } as const;
const anyone = { ANONYMOUS: "all", ADMIN: "all", STAFF: "all", PARTNER: "all", DONOR: "all" } as const;
/** Every signed-in role, each on its own account. */
export const signedIn = { ADMIN: "self", STAFF: "self", PARTNER: "self", DONOR: "self" } as const;

export const CORE_ACCESS: AccessTable = {
  "GET /api/health": anyone,
  "GET /api/openapi.json": anyone,
  "GET /api/docs": anyone,
  "GET /api/docs/:file": anyone,
  "GET /api/v1/public/summary": everyone,
  "GET /api/v1/public/activities": everyone,
  "GET /api/v1/public/activities/:id": everyone,
  // Signing in is open to anyone (throttled); everything else about a session needs one.
  "POST /api/v1/auth/login": anyone,
  "POST /api/v1/auth/logout": signedIn,
  "GET /api/v1/me": signedIn,
  "PATCH /api/v1/me": signedIn,
};
