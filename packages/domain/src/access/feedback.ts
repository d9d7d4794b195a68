import type { AccessTable } from "../access.js";

// The public feedback form, reached by its token without an account (the token is the key: anyone
// who has the link may answer, signed in or not), and staff turning a consented comment into a quote.
const anyone = { ANONYMOUS: "all", ADMIN: "all", STAFF: "all", PARTNER: "all", DONOR: "all" } as const;

export const FEEDBACK_ACCESS: AccessTable = {
  "GET /api/v1/public/feedback-forms/:token": anyone,
  "POST /api/v1/public/feedback-forms/:token/responses": anyone,
  "POST /api/v1/feedback-responses/:id/quote": { ADMIN: "all", STAFF: "all" },
};
