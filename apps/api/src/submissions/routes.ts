import { createRoute, z } from "@hono/zod-openapi";
import {
  ApproveSchema,
  DiffQuerySchema,
  pageOf,
  ReturnSchema,
  RowEditSchema,
  RowParamSchema,
  SubmissionDiffSchema,
  SubmissionHistorySchema,
  SubmissionListQuerySchema,
  SubmissionRowSchema,
  SubmissionRowsQuerySchema,
  SubmissionSchema,
  SubmitSchema,
} from "@vep/domain";
import { expectedVersion } from "../http/concurrency.js";
import { serviceContext } from "../http/context.js";
import { conflict, getRoute, IdParam, json, listRoute, notFound, refusals } from "../http/openapi.js";
import { bearerAuth, newRouter } from "../http/router.js";
import { getSubmission, listSubmissionRows, listSubmissions, submissionDiff, submissionHistory } from "./service.js";
import { approveSubmission, deleteSubmissionRow, editSubmissionRow, returnSubmission, submitSubmission } from "./workflow.js";

const tags = ["Submissions"];
const STALE = "Changed by someone else since it was read, or not in a state that allows this";

const readRoute = <P extends "/{id}/rows" | "/{id}/history" | "/{id}/diff", Q extends z.ZodObject, T extends z.ZodType>(path: P, summary: string, query: Q, body: T) =>
  createRoute({ method: "get", path, tags, security: bearerAuth, summary, request: { params: IdParam, query }, responses: { 200: { description: "OK", content: json(body) }, ...notFound, ...refusals } });

const transition = <P extends "/{id}/submit" | "/{id}/return" | "/{id}/approve", B extends z.ZodType>(path: P, summary: string, body: B) =>
  createRoute({
    method: "post",
    path,
    tags,
    security: bearerAuth,
    summary,
    request: { params: IdParam, body: { required: true, content: json(body) } },
    responses: { 200: { description: "The submission after the step", content: json(SubmissionSchema) }, ...notFound, ...conflict(STALE), ...refusals },
  });

const editRowRoute = createRoute({
  method: "patch",
  path: "/{id}/rows/{rowNumber}",
  tags,
  security: bearerAuth,
  summary: "Correct one row of the open revision (a draft, or a returned list being fixed)",
  request: { params: RowParamSchema, body: { required: true, content: json(RowEditSchema) } },
  responses: { 200: { description: "The submission after the edit", content: json(SubmissionSchema) }, ...notFound, ...conflict(STALE), ...refusals },
});

const deleteRowRoute = createRoute({
  method: "delete",
  path: "/{id}/rows/{rowNumber}",
  tags,
  security: bearerAuth,
  summary: "Remove one row from the open revision; needs If-Match with the submission's version",
  request: { params: RowParamSchema },
  responses: { 200: { description: "The submission after the edit", content: json(SubmissionSchema) }, ...notFound, ...conflict(STALE), ...refusals },
});

export const submissionRoutes = newRouter()
  .openapi(listRoute(tags, "Partner submissions, newest change first (a partner sees its own organisation's)", SubmissionListQuerySchema, pageOf(SubmissionSchema)), async (c) =>
    c.json(await listSubmissions({ ctx: serviceContext(c), input: c.req.valid("query") }), 200),
  )
  .openapi(getRoute(tags, "One submission", SubmissionSchema), async (c) => c.json(await getSubmission({ ctx: serviceContext(c), input: c.req.valid("param") }), 200))
  .openapi(readRoute("/{id}/rows", "The rows of a revision (default the current one), with the reviewer's comments on each", SubmissionRowsQuerySchema, pageOf(SubmissionRowSchema)), async (c) =>
    c.json(await listSubmissionRows({ ctx: serviceContext(c), input: { id: c.req.valid("param").id, ...c.req.valid("query") } }), 200),
  )
  .openapi(readRoute("/{id}/history", "Every revision, step and reviewer comment, oldest first", z.object({}), SubmissionHistorySchema), async (c) =>
    c.json(await submissionHistory(serviceContext(c), c.req.valid("param").id), 200),
  )
  .openapi(readRoute("/{id}/diff", "What changed between two revisions, row by row and field by field", DiffQuerySchema, SubmissionDiffSchema), async (c) =>
    c.json(await submissionDiff(serviceContext(c), c.req.valid("param").id, c.req.valid("query")), 200),
  )
  .openapi(transition("/{id}/submit", "Send the open revision for review (the partner, or staff on its behalf)", SubmitSchema), async (c) =>
    c.json(await submitSubmission(serviceContext(c), c.req.valid("param").id, c.req.valid("json")), 200),
  )
  .openapi(transition("/{id}/return", "Send the list back to the partner with what to fix, on the whole list or on single rows (STAFF)", ReturnSchema), async (c) =>
    c.json(await returnSubmission(serviceContext(c), c.req.valid("param").id, c.req.valid("json")), 200),
  )
  .openapi(transition("/{id}/approve", "Approve the list: its rows become participants that count, and it is locked (STAFF)", ApproveSchema), async (c) =>
    c.json(await approveSubmission(serviceContext(c), c.req.valid("param").id, c.req.valid("json")), 200),
  )
  .openapi(editRowRoute, async (c) => {
    const { id, rowNumber } = c.req.valid("param");
    const body = c.req.valid("json");
    return c.json(await editSubmissionRow(serviceContext(c), id, rowNumber, { ...body, version: expectedVersion(c.req.header("if-match"), body.version) }), 200);
  })
  .openapi(deleteRowRoute, async (c) => {
    const { id, rowNumber } = c.req.valid("param");
    return c.json(await deleteSubmissionRow(serviceContext(c), id, rowNumber, expectedVersion(c.req.header("if-match"), undefined)), 200);
  });
