import { createRoute, z } from "@hono/zod-openapi";
import { FeedbackResponseInputSchema, FeedbackResponseSchema, PageQuerySchema, pageOf } from "@vep/domain";
import { serviceContext } from "../../http/context.js";
import { conflict, getRoute, IdParam, listRoute, notFound, postRoute, refusals } from "../../http/openapi.js";
import { sortParam } from "../../http/pagination.js";
import { bearerAuth, newRouter } from "../../http/router.js";
import { createFeedbackResponse, deleteFeedbackResponse, getFeedbackResponse, listFeedbackResponses } from "./service.js";

const tags = ["Feedback responses"];

const deleteRoute = createRoute({
  method: "delete",
  path: "/{id}",
  tags,
  security: bearerAuth,
  summary: "Remove a feedback response no quote comes from (STAFF, ADMIN)",
  request: { params: IdParam },
  responses: { 204: { description: "Deleted" }, ...notFound, ...conflict("Quotes come from it"), ...refusals },
});

export const feedbackResponseRoutes = newRouter()
  .openapi(listRoute(tags, "Feedback responses (a partner: its own people's, in its activities)", PageQuerySchema.extend({ activityId: z.uuid().optional(), formId: z.uuid().optional(), sort: sortParam(["submittedAt", "createdAt"], "submittedAt") }), pageOf(FeedbackResponseSchema)), async (c) => c.json(await listFeedbackResponses({ ctx: serviceContext(c), input: c.req.valid("query") }), 200))
  .openapi(getRoute(tags, "One feedback response", FeedbackResponseSchema), async (c) => c.json(await getFeedbackResponse({ ctx: serviceContext(c), input: c.req.valid("param") }), 200))
  .openapi(postRoute(tags, "Enter a paper feedback form (STAFF, ADMIN)", FeedbackResponseInputSchema, FeedbackResponseSchema, "The person has already answered this form"), async (c) => c.json(await createFeedbackResponse({ ctx: serviceContext(c), input: c.req.valid("json") }), 201))
  .openapi(deleteRoute, async (c) => {
    await deleteFeedbackResponse({ ctx: serviceContext(c), input: c.req.valid("param") });
    return c.body(null, 204);
  });
