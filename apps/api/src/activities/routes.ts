import { createRoute, z } from "@hono/zod-openapi";
import {
  ActivityDetailSchema,
  ActivityInputSchema,
  ActivityStatusSchema,
  ActivitySummarySchema,
  ActivityTypeSchema,
  ActivityUpdateSchema,
  IsoDateSchema,
  ModalitySchema,
  PageQuerySchema,
  pageOf,
} from "@vep/domain";
import { expectedVersion } from "../http/concurrency.js";
import { serviceContext } from "../http/context.js";
import { sortParam } from "../http/pagination.js";
import { bearerAuth, newRouter } from "../http/router.js";
import { conflict, IdParam, json, notFound, refusals } from "./openapi.js";
import { createActivity, deleteActivity, getActivity, listActivities, updateActivity } from "./service.js";

const tags = ["Activities"];

const ListQuery = PageQuerySchema.extend({
  programmeId: z.uuid().optional(),
  countryId: z.uuid().optional(),
  regionId: z.uuid().optional(),
  donorId: z.uuid().optional(),
  type: ActivityTypeSchema.optional(),
  modality: ModalitySchema.optional(),
  status: ActivityStatusSchema.optional(),
  from: IsoDateSchema.optional().describe("Activities still running on or after this date"),
  to: IsoDateSchema.optional().describe("Activities started on or before this date"),
  q: z.string().trim().min(1).max(100).optional().describe("Search in title, code and topics"),
  sort: sortParam<"startDate" | "title" | "createdAt">(["startDate", "title", "createdAt"], "-startDate"),
}).refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["to"], message: "must not be before from" });

const listRoute = createRoute({
  method: "get",
  path: "/",
  tags,
  security: bearerAuth,
  summary: "Activities with session, participant and trained counts (a partner's assigned ones, a donor's funded ones)",
  request: { query: ListQuery },
  responses: { 200: { description: "A page of activities", content: json(pageOf(ActivitySummarySchema)) }, ...refusals },
});

const getRoute = createRoute({
  method: "get",
  path: "/{id}",
  tags,
  security: bearerAuth,
  summary: "One activity with its links and sessions (partners and donors get trainer counts, not names)",
  request: { params: IdParam },
  responses: { 200: { description: "The activity", content: json(ActivityDetailSchema) }, ...notFound, ...refusals },
});

const createActivityRoute = createRoute({
  method: "post",
  path: "/",
  tags,
  security: bearerAuth,
  summary: "Add an activity with its regions, outputs, donors, partners and topics (STAFF, ADMIN)",
  request: { body: { required: true, content: json(ActivityInputSchema) } },
  responses: { 201: { description: "Created", content: json(ActivityDetailSchema) }, ...conflict("Code already used"), ...refusals },
});

const updateRoute = createRoute({
  method: "patch",
  path: "/{id}",
  tags,
  security: bearerAuth,
  summary: "Change an activity (STAFF, ADMIN); arrays given replace the current ones; needs the version read",
  request: { params: IdParam, body: { required: true, content: json(ActivityUpdateSchema) } },
  responses: {
    200: { description: "Updated", content: json(ActivityDetailSchema) },
    ...notFound,
    ...conflict("Changed by someone else since it was read, or code already used"),
    ...refusals,
  },
});

const deleteRoute = createRoute({
  method: "delete",
  path: "/{id}",
  tags,
  security: bearerAuth,
  summary: "Remove an activity without participants, feedback, submissions or expenditure (STAFF, ADMIN); needs If-Match",
  request: { params: IdParam },
  responses: { 204: { description: "Deleted" }, ...notFound, ...conflict("Stale version, or still referred to"), ...refusals },
});

export const activityResourceRoutes = newRouter()
  .openapi(listRoute, async (c) => c.json(await listActivities({ ctx: serviceContext(c), input: c.req.valid("query") }), 200))
  .openapi(getRoute, async (c) => {
    const activity = await getActivity({ ctx: serviceContext(c), input: c.req.valid("param") });
    c.header("ETag", `"${activity.version}"`);
    return c.json(activity, 200);
  })
  .openapi(createActivityRoute, async (c) => c.json(await createActivity({ ctx: serviceContext(c), input: c.req.valid("json") }), 201))
  .openapi(updateRoute, async (c) => {
    const { version, ...changes } = c.req.valid("json");
    const input = { id: c.req.valid("param").id, version: expectedVersion(c.req.header("if-match"), version), changes };
    return c.json(await updateActivity({ ctx: serviceContext(c), input }), 200);
  })
  .openapi(deleteRoute, async (c) => {
    await deleteActivity({ ctx: serviceContext(c), input: { id: c.req.valid("param").id, version: expectedVersion(c.req.header("if-match"), undefined) } });
    return c.body(null, 204);
  });
