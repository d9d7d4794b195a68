import type { AccessTable } from "../access.js";

// Activities with their sessions, regions, partners, outputs and donors; trainers and their sessions.
// Partners read the activities their organisation is assigned to, donors those of the programmes they
// co-fund (neither sees trainers' names); STAFF and ADMIN write. Trainers are people: STAFF and ADMIN only.
const readers = { ADMIN: "all", STAFF: "all", PARTNER: "own-organisation", DONOR: "funded-programmes" } as const;
const writers = { ADMIN: "all", STAFF: "all" } as const;

export const ACTIVITIES_ACCESS: AccessTable = {
  "GET /api/v1/activities": readers,
  "POST /api/v1/activities": writers,
  "GET /api/v1/activities/:id": readers,
  "PATCH /api/v1/activities/:id": writers,
  "DELETE /api/v1/activities/:id": writers,
  "GET /api/v1/activities/:id/sessions": readers,
  "POST /api/v1/activities/:id/sessions": writers,
  "GET /api/v1/sessions/:id": readers,
  "PATCH /api/v1/sessions/:id": writers,
  "DELETE /api/v1/sessions/:id": writers,
  "PUT /api/v1/sessions/:id/trainers": writers,
  "GET /api/v1/trainers": writers,
  "POST /api/v1/trainers": writers,
  "GET /api/v1/trainers/:id": writers,
  "PATCH /api/v1/trainers/:id": writers,
  "DELETE /api/v1/trainers/:id": writers,
};
