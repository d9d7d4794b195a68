import type { AccessTable } from "../access.js";

// Participants (personal data), enrolments, attendance, erasure; feedback forms, responses and quotes.
// Personal data reaches STAFF, ADMIN and the person's own PARTNER organisation only: no DONOR rows here.
const readers = { ADMIN: "all", STAFF: "all", PARTNER: "own-organisation" } as const;
const writers = { ADMIN: "all", STAFF: "all" } as const;

export const PEOPLE_ACCESS: AccessTable = {
  "GET /api/v1/participants": readers,
  "POST /api/v1/participants": writers,
  "GET /api/v1/participants/:id": readers,
  "PATCH /api/v1/participants/:id": writers,
  "DELETE /api/v1/participants/:id": writers,
  "POST /api/v1/participants/:id/erasure": { ADMIN: "all" },
  "GET /api/v1/activities/:id/enrolments": readers,
  "POST /api/v1/activities/:id/enrolments": writers,
  "DELETE /api/v1/enrolments/:id": writers,
  "GET /api/v1/sessions/:id/attendance": readers,
  "PUT /api/v1/sessions/:id/attendance": writers,
  "GET /api/v1/feedback-forms": readers,
  "POST /api/v1/feedback-forms": writers,
  "GET /api/v1/feedback-forms/:id": readers,
  "PATCH /api/v1/feedback-forms/:id": writers,
  "DELETE /api/v1/feedback-forms/:id": writers,
  "GET /api/v1/feedback-responses": readers,
  "POST /api/v1/feedback-responses": writers,
  "GET /api/v1/feedback-responses/:id": readers,
  "DELETE /api/v1/feedback-responses/:id": writers,
  "GET /api/v1/quotes": readers,
  "POST /api/v1/quotes": writers,
  "PATCH /api/v1/quotes/:id": writers,
  "DELETE /api/v1/quotes/:id": writers,
};
