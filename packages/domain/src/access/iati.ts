import type { AccessTable } from "../access.js";

// IATI activity files: staff and admins generate and store them for any programme; a donor downloads
// the current file of a programme it co-funds (the file is public data, like IATI itself).
const staff = { ADMIN: "all", STAFF: "all" } as const;

export const IATI_ACCESS: AccessTable = {
  "GET /api/v1/programmes/:id/iati": { ...staff, DONOR: "funded-programmes" },
  "POST /api/v1/programmes/:id/iati-exports": staff,
  "GET /api/v1/programmes/:id/iati-exports": staff,
  "GET /api/v1/iati-exports/:id": staff,
  "GET /api/v1/iati-exports/:id/xml": staff,
};
