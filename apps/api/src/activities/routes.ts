import { z } from "@hono/zod-openapi";
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
import { serviceContext } from "../http/context.js";
import { deleteRoute, getRoute, listRoute, patchRoute, postRoute, versionedChanges, versionedDelete, withETag } from "../http/openapi.js";
import { sortParam } from "../http/pagination.js";
import { newRouter } from "../http/router.js";
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

export const activityResourceRoutes = newRouter()
  .openapi(listRoute(tags, "Activities with session, participant and trained counts (a partner's assigned ones, a donor's funded ones)", ListQuery, pageOf(ActivitySummarySchema)), async (c) => c.json(await listActivities({ ctx: serviceContext(c), input: c.req.valid("query") }), 200))
  .openapi(getRoute(tags, "One activity with its links and sessions (partners and donors get trainer counts, not names)", ActivityDetailSchema), async (c) => c.json(withETag(c, await getActivity({ ctx: serviceContext(c), input: c.req.valid("param") })), 200))
  .openapi(postRoute(tags, "Add an activity with its regions, outputs, donors, partners and topics (STAFF, ADMIN)", ActivityInputSchema, ActivityDetailSchema, "Code already used"), async (c) => c.json(await createActivity({ ctx: serviceContext(c), input: c.req.valid("json") }), 201))
  .openapi(patchRoute(tags, "Change an activity (STAFF, ADMIN); arrays given replace the current ones", ActivityUpdateSchema, ActivityDetailSchema, { stale: "Changed by someone else since it was read, or code already used" }), async (c) => {
    const input = versionedChanges(c, c.req.valid("param").id, c.req.valid("json"));
    return c.json(await updateActivity({ ctx: serviceContext(c), input }), 200);
  })
  .openapi(deleteRoute(tags, "Remove an activity without participants, feedback, submissions or expenditure (STAFF, ADMIN)", { stale: "Stale version, or still referred to" }), async (c) => {
    await deleteActivity({ ctx: serviceContext(c), input: versionedDelete(c, c.req.valid("param").id) });
    return c.body(null, 204);
  });
