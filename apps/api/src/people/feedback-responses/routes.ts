import { createRoute, z } from "@hono/zod-openapi";
import { FeedbackResponseInputSchema, FeedbackResponseSchema, PageQuerySchema, pageOf } from "@vep/domain";
import { serviceContext } from "../../http/context.js";
import { sortParam } from "../../http/pagination.js";
import { bearerAuth, newRouter } from "../../http/router.js";
import { conflict, IdParam, json, notFound, refusals } from "../openapi.js";
import { createFeedbackResponse, deleteFeedbackResponse, getFeedbackResponse, listFeedbackResponses } from "./service.js";

const tags = ["Feedback responses"];

const listRoute = createRoute({
  method: "get",
  path: "/",
  tags,
  security: bearerAuth,
  summary: "Feedback responses (a partner: its own people's, in its activities)",
  request: {
    query: PageQuerySchema.extend({ activityId: z.uuid().optional(), formId: z.uuid().optional(), sort: sortParam(["submittedAt", "createdAt"], "submittedAt") }),
  },
  responses: { 200: { description: "A page of responses", content: json(pageOf(FeedbackResponseSchema)) }, ...refusals },
});

const getRoute = createRoute({
  method: "get",
  path: "/{id}",
  tags,
  security: bearerAuth,
  summary: "One feedback response",
  request: { params: IdParam },
  responses: { 200: { description: "The response", content: json(FeedbackResponseSchema) }, ...notFound, ...refusals },
});

const createResponseRoute = createRoute({
  method: "post",
  path: "/",
  tags,
  security: bearerAuth,
  summary: "Enter a paper feedback form (STAFF, ADMIN)",
  request: { body: { required: true, content: json(FeedbackResponseInputSchema) } },
  responses: { 201: { description: "Recorded", content: json(FeedbackResponseSchema) }, ...conflict("The person has already answered this form"), ...refusals },
});

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
  .openapi(listRoute, async (c) => c.json(await listFeedbackResponses({ ctx: serviceContext(c), input: c.req.valid("query") }), 200))
  .openapi(getRoute, async (c) => c.json(await getFeedbackResponse({ ctx: serviceContext(c), input: c.req.valid("param") }), 200))
  .openapi(createResponseRoute, async (c) => c.json(await createFeedbackResponse({ ctx: serviceContext(c), input: c.req.valid("json") }), 201))
  .openapi(deleteRoute, async (c) => {
    await deleteFeedbackResponse({ ctx: serviceContext(c), input: c.req.valid("param") });
    return c.body(null, 204);
  });
