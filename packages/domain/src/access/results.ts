import type { AccessTable } from "../access.js";

// The results framework: STAFF and ADMIN read and write it; a donor reads the framework of the
// programmes it co-funds. Partners and the public have no part in it.
const read = { ADMIN: "all", STAFF: "all", DONOR: "funded-programmes" } as const;
const write = { ADMIN: "all", STAFF: "all" } as const;

export const RESULTS_ACCESS: AccessTable = {
  "GET /api/v1/outcomes": read,
  "POST /api/v1/outcomes": write,
  "GET /api/v1/outcomes/:id": read,
  "PATCH /api/v1/outcomes/:id": write,
  "DELETE /api/v1/outcomes/:id": write,
  "GET /api/v1/outputs": read,
  "POST /api/v1/outputs": write,
  "GET /api/v1/outputs/:id": read,
  "PATCH /api/v1/outputs/:id": write,
  "DELETE /api/v1/outputs/:id": write,
  "GET /api/v1/indicators": read,
  "POST /api/v1/indicators": write,
  "GET /api/v1/indicators/:id": read,
  "PATCH /api/v1/indicators/:id": write,
  "DELETE /api/v1/indicators/:id": write,
  "GET /api/v1/indicators/:id/targets": read,
  "POST /api/v1/indicators/:id/targets": write,
  "PATCH /api/v1/indicator-targets/:id": write,
  "DELETE /api/v1/indicator-targets/:id": write,
  "GET /api/v1/indicators/:id/values": read,
  "POST /api/v1/indicators/:id/values": write,
  "GET /api/v1/indicator-values/:id": read,
  "PATCH /api/v1/indicator-values/:id": write,
  "POST /api/v1/indicator-values/:id/lock": write,
  "GET /api/v1/indicators/:id/computation": read,
  // The records behind a figure name people: staff only, never a donor.
  "GET /api/v1/indicators/:id/computation/records": write,
  "POST /api/v1/indicators/:id/computation/values": write,
};
