// Partner submissions (participant lists, feedback batches) as their readers see them. The workflow
// (submit, review, return, approve) writes them; here they are read.
import { z } from "zod";
import { FeedbackImportFieldSchema } from "./feedback-import.js";
import { ImportFieldSchema } from "./participant-import.js";
import type { Mapping } from "./sheet-columns.js";
import { english, msg, type MessageText } from "./messages.js";
import { PageQuerySchema, SexSchema } from "./public.js";

export const SubmissionStatusSchema = z.enum(["DRAFT", "SUBMITTED", "APPROVED", "RETURNED"]);
export const SubmissionKindSchema = z.enum(["PARTICIPANT_LIST", "FEEDBACK_BATCH"]);

export const SubmissionListQuerySchema = PageQuerySchema.extend({
  status: SubmissionStatusSchema.optional(),
  kind: SubmissionKindSchema.optional(),
  activityId: z.uuid().optional(),
});

export const SubmissionSchema = z
  .object({
    id: z.string(),
    kind: SubmissionKindSchema,
    status: SubmissionStatusSchema,
    // With their translations ({ "ru": "…" }), for pages in the reader's language.
    activity: z.object({ id: z.string(), title: z.string(), titleTranslations: z.record(z.string(), z.string()).optional() }),
    organisation: z.object({ id: z.string(), name: z.string(), nameTranslations: z.record(z.string(), z.string()).optional() }),
    revision: z.number().int(),
    rows: z.number().int().describe("Rows in the current revision"),
    fileName: z.string().nullable().describe("The file the current revision was imported from"),
    editable: z.boolean().describe("The current revision is open: it takes imports and row edits until it is submitted"),
    submittedAt: z.string().nullable().describe("When the current revision was submitted"),
    reviewedAt: z.string().nullable(),
    reviewerComment: z.string().nullable(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: "Submission" });
export type Submission = z.infer<typeof SubmissionSchema>;

// ── participant-list imports ──

const DELIMITERS = { comma: ",", semicolon: ";", tab: "\t" } as const;
export type DelimiterName = keyof typeof DELIMITERS;
export const delimiterOf = (name: DelimiterName) => DELIMITERS[name];

export const ImportQuerySchema = z.object({
  fileName: z.string().trim().min(1).max(255).optional().describe("The file's name as the user chose it; its extension tells CSV from XLSX when the content type does not"),
  format: z.enum(["csv", "xlsx"]).optional(),
  encoding: z.enum(["utf-8", "utf-16le", "windows-1251"]).optional().describe("CSV only; detected when absent"),
  delimiter: z.enum(["comma", "semicolon", "tab"]).optional().describe("CSV only; detected when absent"),
  sheet: z.coerce.number().int().min(1).max(100).optional().describe("XLSX only: worksheet number, default 1"),
  headerRow: z.coerce.number().int().min(1).max(1000).optional().describe("The sheet row holding the column headers; found when absent"),
  mapping: z
    .string()
    .max(2000)
    .optional()
    .describe("Each column's field, comma-separated in column order, empty to ignore a column, e.g. `number,fullName,sex,region,,position`; read from the headers when absent"),
  organisationId: z.uuid().optional().describe("Staff importing on a partner's behalf name the partner organisation"),
});
export type ImportQuery = z.infer<typeof ImportQuerySchema>;

const ImportFieldOrNull = z.union([ImportFieldSchema, z.null()]);

/** A problem or a notice about one row of the file, by the row number the spreadsheet shows. */
export const ImportRowNoticeSchema = z.object({ row: z.number().int(), field: ImportFieldOrNull, message: z.string() });

export const ImportPreviewSchema = z
  .object({
    file: z.object({
      format: z.enum(["csv", "xlsx"]),
      encoding: z.string().nullable(),
      delimiter: z.string().nullable(),
      sheetName: z.string().nullable(),
      bytes: z.number().int(),
      sha256: z.string(),
    }),
    /** The first rows of the sheet as written, so that the user can pick the header row. */
    head: z.array(z.object({ row: z.number().int(), cells: z.array(z.string()) })),
    headerRow: z.number().int().nullable(),
    columns: z.array(z.object({ index: z.number().int(), header: z.string(), field: ImportFieldOrNull })),
    mappingProblems: z.record(z.string(), z.string()),
    counts: z.object({
      rows: z.number().int().describe("Rows below the header"),
      participants: z.number().int().describe("Rows that are valid participants"),
      invalid: z.number().int(),
      skipped: z.number().int().describe("Blank rows and closing totals"),
      duplicatesInFile: z.number().int(),
      alreadyKnown: z.number().int().describe("Rows whose name matches a person already known"),
    }),
    problems: z.array(ImportRowNoticeSchema).describe("Errors: while there is one, nothing can be imported (first 500)"),
    warnings: z.array(ImportRowNoticeSchema).describe("Possible duplicates to check; they do not stop the import (first 500)"),
    sample: z.array(
      z.object({
        row: z.number().int(),
        fullName: z.string(),
        sex: z.enum(["MALE", "FEMALE", "UNDISCLOSED"]),
        region: z.string(),
        position: z.string().nullable(),
        role: z.enum(["PARTICIPANT", "OBSERVER"]),
      }),
    ),
  })
  .meta({ id: "ImportPreview" });
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

export const ImportResultSchema = z
  .object({
    submission: SubmissionSchema,
    imported: z.object({ rows: z.number().int(), revision: z.number().int(), fileSha256: z.string() }),
  })
  .meta({ id: "ImportResult" });
export type ImportResult = z.infer<typeof ImportResultSchema>;

/** `mapping` as sent: one field (or nothing) per column, from the fields of the kind of sheet. */
export function parseMapping<F extends string>(text: string, fields: readonly F[]): Mapping<F> | { problem: MessageText } {
  const mapping: Mapping<F> = [];
  for (const [i, part] of text.split(",").entries()) {
    const name = part.trim();
    if (name === "") {
      mapping.push(null);
      continue;
    }
    if (!fields.includes(name as F)) return { problem: msg("sheet.mappingNotAField", { column: i + 1, name, fields: fields.join(", ") }) };
    if (mapping.includes(name as F)) return { problem: msg("sheet.mappingTwice", { name }) };
    mapping.push(name as F);
  }
  return mapping;
}

/** A paper-feedback batch read from a sheet: the same shape as a participant list's preview. */
export const FeedbackImportPreviewSchema = ImportPreviewSchema.extend({
  columns: z.array(z.object({ index: z.number().int(), header: z.string(), field: z.union([FeedbackImportFieldSchema, z.null()]) })),
  counts: z.object({ rows: z.number().int(), responses: z.number().int(), invalid: z.number().int(), skipped: z.number().int() }),
  problems: z.array(z.object({ row: z.number().int(), field: z.string().nullable(), message: z.string() })),
  warnings: z.array(z.object({ row: z.number().int(), field: z.string().nullable(), message: z.string() })),
  sample: z.array(
    z.object({
      row: z.number().int(),
      respondentSex: SexSchema.optional(),
      respondentRegionId: z.string().optional(),
      ratingRelevance: z.number().int().optional(),
      ratingUsefulness: z.number().int().optional(),
      ratingTrainers: z.number().int().optional(),
      ratingOrganisation: z.number().int().optional(),
      knowledgeBefore: z.number().int().optional(),
      knowledgeAfter: z.number().int().optional(),
      willApply: z.string().optional(),
      comments: z.string().optional(),
      consentToQuote: z.boolean(),
      consentToAttribution: z.boolean(),
    }),
  ),
}).meta({ id: "FeedbackImportPreview" });
export type FeedbackImportPreview = z.infer<typeof FeedbackImportPreviewSchema>;

// ── review workflow ──

export const SubmitSchema = z.strictObject({
  version: z.number().int().describe("The submission's version as read"),
  comment: z.string().trim().max(2000).optional().describe("A note for the reviewer"),
});

export const ApproveSchema = SubmitSchema.extend({ comment: z.string().trim().max(2000).optional().describe("A note for the partner") });

export const RowCommentSchema = z.strictObject({
  rowNumber: z.number().int().min(1),
  field: z.union([ImportFieldSchema, z.null()]).optional(),
  comment: z.string().trim().min(1).max(1000),
});

export const ReturnSchema = z
  .strictObject({
    version: z.number().int(),
    comment: z.string().trim().max(2000).optional().describe("What to fix in the list as a whole"),
    rows: z.array(RowCommentSchema).max(1000).default([]).describe("What to fix in single rows"),
  })
  .refine((r) => (r.comment ?? "") !== "" || r.rows.length > 0, { message: english("submission.sayWhatToFix"), path: ["comment"] });

const RoleSchema = z.enum(["PARTICIPANT", "OBSERVER"]);

export const SubmissionRowSchema = z
  .object({
    rowNumber: z.number().int(),
    rowKey: z.string(),
    fullName: z.string(),
    sex: SexSchema,
    region: z.object({ id: z.string(), name: z.string(), nameTranslations: z.record(z.string(), z.string()).optional() }).nullable(),
    position: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    role: RoleSchema,
    /** The reviewer's comments on this row when the revision it came from was returned. */
    comments: z.array(z.object({ revision: z.number().int(), field: z.string().nullable(), comment: z.string() })),
  })
  .meta({ id: "SubmissionRow" });
export type SubmissionRowItem = z.infer<typeof SubmissionRowSchema>;

export const SubmissionRowsQuerySchema = PageQuerySchema.extend({
  revision: z.coerce.number().int().min(1).optional().describe("Default: the current revision"),
  commented: z.enum(["true", "false"]).optional().describe("Only rows a reviewer commented on"),
});

export const RowEditSchema = z.strictObject({
  version: z.number().int().describe("The submission's version as read"),
  fullName: z.string().trim().min(2).max(200).optional(),
  sex: SexSchema.optional(),
  regionId: z.uuid().optional(),
  position: z.string().trim().max(200).nullable().optional(),
  email: z.email().max(254).nullable().optional(),
  phone: z
    .string()
    .trim()
    .regex(/^[+\d][\d\s()\-–.]{4,39}$/, english("submission.notAPhone"))
    .nullable()
    .optional(),
  role: RoleSchema.optional(),
});
export type RowEdit = z.infer<typeof RowEditSchema>;

export const RowParamSchema = z.object({ id: z.uuid(), rowNumber: z.coerce.number().int().min(1) });

export const SubmissionHistorySchema = z
  .object({
    revisions: z.array(z.object({ number: z.number().int(), rows: z.number().int(), fileName: z.string().nullable(), submittedAt: z.string().nullable(), submittedBy: z.string().nullable() })),
    events: z.array(z.object({ action: z.enum(["IMPORTED", "ROWS_EDITED", "SUBMITTED", "RETURNED", "APPROVED"]), revision: z.number().int(), actor: z.string().nullable(), comment: z.string().nullable(), at: z.string(), meta: z.record(z.string(), z.unknown()) })),
    comments: z.array(z.object({ revision: z.number().int(), rowNumber: z.number().int().nullable(), field: z.string().nullable(), comment: z.string(), author: z.string(), at: z.string() })),
  })
  .meta({ id: "SubmissionHistory" });
export type SubmissionHistory = z.infer<typeof SubmissionHistorySchema>;

const DiffRowSchema = z.object({ rowNumber: z.number().int(), fullName: z.string() });
export const SubmissionDiffSchema = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    counts: z.object({ added: z.number().int(), removed: z.number().int(), changed: z.number().int(), unchanged: z.number().int() }),
    added: z.array(DiffRowSchema),
    removed: z.array(DiffRowSchema),
    changed: z.array(DiffRowSchema.extend({ fields: z.array(z.object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() })) })),
  })
  .meta({ id: "SubmissionDiff" });
export type SubmissionDiff = z.infer<typeof SubmissionDiffSchema>;

export const DiffQuerySchema = z.object({
  from: z.coerce.number().int().min(1).optional().describe("Default: the revision before `to`"),
  to: z.coerce.number().int().min(1).optional().describe("Default: the current revision"),
});
