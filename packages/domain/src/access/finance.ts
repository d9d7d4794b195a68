import type { AccessTable } from "../access.js";

// Programmes (with their countries and participating organisations), countries and regions, donors.
// Programmes: STAFF and ADMIN write; a partner reads those with an activity assigned to it, a donor those it
// co-funds. Countries and regions are reference data: everyone signed in reads, ADMIN writes. Donors are
// public as in IATI: ADMIN, STAFF and donors read (a donor's totals count only the programmes it co-funds).
const programmeReaders = { ADMIN: "all", STAFF: "all", PARTNER: "own-organisation", DONOR: "funded-programmes" } as const;
const programmeWriters = { ADMIN: "all", STAFF: "all" } as const;
const referenceReaders = { ADMIN: "all", STAFF: "all", PARTNER: "all", DONOR: "all" } as const;
const referenceWriters = { ADMIN: "all" } as const;
const donorReaders = { ADMIN: "all", STAFF: "all", DONOR: "funded-programmes" } as const;
const donorWriters = { ADMIN: "all", STAFF: "all" } as const;

export const FINANCE_ACCESS: AccessTable = {
  "GET /api/v1/programmes": programmeReaders,
  "POST /api/v1/programmes": programmeWriters,
  "GET /api/v1/programmes/:id": programmeReaders,
  "PATCH /api/v1/programmes/:id": programmeWriters,
  "DELETE /api/v1/programmes/:id": programmeWriters,

  "GET /api/v1/countries": referenceReaders,
  "POST /api/v1/countries": referenceWriters,
  "GET /api/v1/countries/:id": referenceReaders,
  "PATCH /api/v1/countries/:id": referenceWriters,
  "DELETE /api/v1/countries/:id": referenceWriters,

  "GET /api/v1/regions": referenceReaders,
  "POST /api/v1/regions": referenceWriters,
  "GET /api/v1/regions/:id": referenceReaders,
  "PATCH /api/v1/regions/:id": referenceWriters,
  "DELETE /api/v1/regions/:id": referenceWriters,

  "GET /api/v1/donors": donorReaders,
  "POST /api/v1/donors": donorWriters,
  "GET /api/v1/donors/:id": donorReaders,
  "PATCH /api/v1/donors/:id": donorWriters,
  "DELETE /api/v1/donors/:id": donorWriters,
};
