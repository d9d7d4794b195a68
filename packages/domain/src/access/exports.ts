import type { AccessTable } from "../access.js";
import { EXPORT_LISTS, exportPath, type ExportList } from "../exports.js";
import { ACTIVITIES_ACCESS } from "./activities.js";
import { ADMIN_ACCESS } from "./admin.js";
import { FINANCE_ACCESS } from "./finance.js";
import { MONEY_ACCESS } from "./money.js";
import { PEOPLE_ACCESS } from "./people.js";
import { RESULTS_ACCESS } from "./results.js";
import { SUBMISSIONS_ACCESS } from "./submissions.js";

// A CSV export answers exactly whom its JSON list answers, with the same scope: the row is taken from
// that list's, never written twice. So a donor gets only the lists it may read (no person in any), a
// partner its own organisation's people.
const MIRRORS: Record<ExportList, string> = {
  activities: "GET /api/v1/activities",
  sessions: "GET /api/v1/activities/:id/sessions",
  trainers: "GET /api/v1/trainers",
  participants: "GET /api/v1/participants",
  enrolments: "GET /api/v1/activities/:id/enrolments",
  donors: "GET /api/v1/donors",
  contributions: "GET /api/v1/contributions",
  budgets: "GET /api/v1/budgets",
  expenditures: "GET /api/v1/expenditures",
  indicators: "GET /api/v1/indicators",
  "indicator-values": "GET /api/v1/indicators/:id/values",
  submissions: "GET /api/v1/submissions",
  "feedback-responses": "GET /api/v1/feedback-responses",
  "progress-funding": "GET /api/v1/donor-progress",
  "progress-reach-by-sex": "GET /api/v1/donor-progress",
  "progress-reach-by-region": "GET /api/v1/donor-progress",
  "progress-indicators": "GET /api/v1/donor-progress",
};

const LISTS: AccessTable = { ...ACTIVITIES_ACCESS, ...PEOPLE_ACCESS, ...FINANCE_ACCESS, ...MONEY_ACCESS, ...RESULTS_ACCESS, ...SUBMISSIONS_ACCESS, ...ADMIN_ACCESS };

function rowOf(key: string) {
  const row = LISTS[key];
  if (!row) throw new Error(`export mirrors ${key}, which has no row in the access table`);
  return row;
}

export const EXPORTS_ACCESS: AccessTable = Object.fromEntries(EXPORT_LISTS.map((list) => [`GET ${exportPath(list)}`, rowOf(MIRRORS[list])]));
