// CSV exports: one per list a user can see, each at GET /api/v1/exports/<list>.csv with the query of the
// JSON list it mirrors (so the same filters), scoped by that list's own row of the access table.
import { z } from "zod";

export const EXPORT_LISTS = [
  "activities",
  "sessions",
  "trainers",
  "participants",
  "enrolments",
  "donors",
  "contributions",
  "budgets",
  "expenditures",
  "indicators",
  "indicator-values",
  "submissions",
  "feedback-responses",
  // The donor progress figures, one table each: aggregates only.
  "progress-funding",
  "progress-reach-by-sex",
  "progress-reach-by-region",
  "progress-indicators",
] as const;
export const ExportListSchema = z.enum(EXPORT_LISTS);
export type ExportList = z.infer<typeof ExportListSchema>;

export const exportPath = (list: ExportList) => `/api/v1/exports/${list}.csv`;

/** The download's file name: the list and the day it was made. */
export const exportFileName = (list: ExportList, now: Date) => `${list}-${now.toISOString().slice(0, 10)}.csv`;

/** Lists of one activity's or one indicator's records name it in the query, where the JSON list has it in the path. */
export const ActivityExportQuerySchema = z.object({ activityId: z.uuid().describe("The activity whose records to export") });
export const IndicatorExportQuerySchema = z.object({ indicatorId: z.uuid().describe("The indicator whose values to export") });

/** A screen's paging parameters, which an export ignores: it is always the whole list. */
export const PAGING_PARAMS = ["limit", "cursor"] as const;
