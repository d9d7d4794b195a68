import type { AccessTable } from "../access.js";

// Reports for funders. Aggregates only: a donor its own donor's report on the programmes it co-funds,
// staff any donor's.
export const REPORTS_ACCESS: AccessTable = {
  "GET /api/v1/reports/donor": { ADMIN: "all", STAFF: "all", DONOR: "funded-programmes" },
};
