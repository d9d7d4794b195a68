// Partner submissions (participant lists, feedback batches) as their readers see them. The workflow
// (submit, review, return, approve) writes them; here they are read.
import { z } from "zod";
import { PageQuerySchema } from "./public.js";

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
    activity: z.object({ id: z.string(), title: z.string() }),
    organisation: z.object({ id: z.string(), name: z.string() }),
    revision: z.number().int(),
    rows: z.number().int().describe("Rows in the current revision"),
    submittedAt: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    reviewerComment: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: "Submission" });
export type Submission = z.infer<typeof SubmissionSchema>;
