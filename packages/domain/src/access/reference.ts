import type { AccessTable } from "../access.js";

// Reference data: everyone signed in reads (a partner its own organisation and departments); ADMIN writes.
export const REFERENCE_ACCESS: AccessTable = {
  "GET /api/v1/organisations": { ADMIN: "all", STAFF: "all", PARTNER: "own-organisation", DONOR: "all" },
  "GET /api/v1/organisations/:id": { ADMIN: "all", STAFF: "all", PARTNER: "own-organisation", DONOR: "all" },
  "POST /api/v1/organisations": { ADMIN: "all" },
  "PATCH /api/v1/organisations/:id": { ADMIN: "all" },
  "DELETE /api/v1/organisations/:id": { ADMIN: "all" },
};
