import type { AccessTable } from "../access.js";
import { signedIn } from "./core.js";

// Partner submissions: a partner imports, fixes and submits its own organisation's lists (for activities
// it is assigned to); staff do the same on a partner's behalf and alone review (return, approve).
// Rows hold personal data: no DONOR row anywhere here.
const readers = { ADMIN: "all", STAFF: "all", PARTNER: "own-organisation" } as const;
const reviewers = { ADMIN: "all", STAFF: "all" } as const;

export const SUBMISSIONS_ACCESS: AccessTable = {
  "POST /api/v1/activities/:id/participant-imports/preview": readers,
  "POST /api/v1/activities/:id/participant-imports": readers,
  "POST /api/v1/activities/:id/feedback-imports/preview": readers,
  "POST /api/v1/activities/:id/feedback-imports": readers,
  "GET /api/v1/submissions": readers,
  "GET /api/v1/submissions/:id": readers,
  "GET /api/v1/submissions/:id/rows": readers,
  "GET /api/v1/submissions/:id/history": readers,
  "GET /api/v1/submissions/:id/diff": readers,
  "PATCH /api/v1/submissions/:id/rows/:rowNumber": readers,
  "DELETE /api/v1/submissions/:id/rows/:rowNumber": readers,
  "POST /api/v1/submissions/:id/submit": readers,
  "POST /api/v1/submissions/:id/return": reviewers,
  "POST /api/v1/submissions/:id/approve": reviewers,
  // Each user's own notices.
  "GET /api/v1/notifications": signedIn,
  "GET /api/v1/notifications/unread-count": signedIn,
  "POST /api/v1/notifications/read-all": signedIn,
  "POST /api/v1/notifications/:id/read": signedIn,
};
