import type { AccessTable } from "../access.js";

// Users (ADMIN), the audit trail (ADMIN and STAFF), and the donor progress endpoint.
export const ADMIN_ACCESS: AccessTable = {
  "GET /api/v1/users": { ADMIN: "all" },
  "POST /api/v1/users": { ADMIN: "all" },
  "GET /api/v1/users/:id": { ADMIN: "all" },
  "PATCH /api/v1/users/:id": { ADMIN: "all" },
  "POST /api/v1/users/:id/password": { ADMIN: "all" },
  "GET /api/v1/audit": { ADMIN: "all", STAFF: "all" },
  // Aggregates only: a donor for the programmes it co-funds, staff for any.
  "GET /api/v1/donor-progress": { ADMIN: "all", STAFF: "all", DONOR: "funded-programmes" },
};
