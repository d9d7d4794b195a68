// IATI 2.03 activity exports: what the API answers about a generated file and what changed since the
// previous stored one. The XML itself travels as application/xml, not in these schemas.
import { z } from "zod";

/** One element or attribute that differs from the previous export, by its path in the file. */
export const IatiChangeSchema = z
  .object({
    change: z.enum(["added", "removed", "changed"]),
    path: z.string().describe("e.g. iati-activity/budget[period-start=2020-01-01]/value"),
    before: z.string().optional(),
    after: z.string().optional(),
  })
  .meta({ id: "IatiChange" });
export type IatiChange = z.infer<typeof IatiChangeSchema>;

/** Why a file is not valid: the official XML schema, a code missing from its IATI codelist, or an IATI rule. */
export const IatiProblemSchema = z
  .object({
    source: z.enum(["schema", "codelist", "rule"]),
    path: z.string().nullable().describe("Where in the file, when known"),
    message: z.string(),
  })
  .meta({ id: "IatiProblem" });
export type IatiProblem = z.infer<typeof IatiProblemSchema>;

/** A stored export, without its XML (download it from /iati-exports/{id}/xml). */
export const IatiExportSummarySchema = z
  .object({
    id: z.string(),
    programmeId: z.string(),
    createdAt: z.string(),
    sha256: z.string(),
    changeCount: z.number().int(),
  })
  .meta({ id: "IatiExportSummary" });
export type IatiExportSummary = z.infer<typeof IatiExportSummarySchema>;

/** A stored export with what changed since the previous one; only valid files are stored. */
export const IatiExportSchema = z
  .object({
    id: z.string(),
    programmeId: z.string(),
    createdAt: z.string(),
    sha256: z.string(),
    valid: z.literal(true),
    changes: z.array(IatiChangeSchema),
    problems: z.array(IatiProblemSchema).max(0),
  })
  .meta({ id: "IatiExport" });
export type IatiExport = z.infer<typeof IatiExportSchema>;

/** The 422 answer when the generated file fails the schema or the codelists: nothing was stored. */
export const IatiInvalidSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.literal(422),
    detail: z.string(),
    problems: z.array(IatiProblemSchema),
  })
  .meta({ id: "IatiInvalid" });
export type IatiInvalid = z.infer<typeof IatiInvalidSchema>;
