import { createRoute, z } from "@hono/zod-openapi";
import { FeedbackFormCreatedSchema, FeedbackFormInputSchema, FeedbackFormSchema, FeedbackFormUpdateSchema, PageQuerySchema, pageOf } from "@vep/domain";
import { expectedVersion } from "../../http/concurrency.js";
import { serviceContext } from "../../http/context.js";
import { bearerAuth, newRouter } from "../../http/router.js";
import { conflict, IdParam, json, notFound, refusals } from "../openapi.js";
import { createFeedbackForm, deleteFeedbackForm, getFeedbackForm, listFeedbackForms, updateFeedbackForm } from "./service.js";

const tags = ["Feedback forms"];

const listRoute = createRoute({
  method: "get",
  path: "/",
  tags,
  security: bearerAuth,
  summary: "Feedback forms (a partner: those of its activities)",
  request: { query: PageQuerySchema.extend({ activityId: z.uuid().optional() }) },
  responses: { 200: { description: "A page of forms", content: json(pageOf(FeedbackFormSchema)) }, ...refusals },
});

const getRoute = createRoute({
  method: "get",
  path: "/{id}",
  tags,
  security: bearerAuth,
  summary: "One feedback form",
  request: { params: IdParam },
  responses: { 200: { description: "The form", content: json(FeedbackFormSchema) }, ...notFound, ...refusals },
});

const createFormRoute = createRoute({
  method: "post",
  path: "/",
  tags,
  security: bearerAuth,
  summary: "Make a feedback form (STAFF, ADMIN); the answer carries the public link's token, shown this once",
  request: { body: { required: true, content: json(FeedbackFormInputSchema) } },
  responses: { 201: { description: "Created, with its token", content: json(FeedbackFormCreatedSchema) }, ...refusals },
});

const updateRoute = createRoute({
  method: "patch",
  path: "/{id}",
  tags,
  security: bearerAuth,
  summary: "Change a feedback form (STAFF, ADMIN); needs the version read, in the body or If-Match",
  request: { params: IdParam, body: { required: true, content: json(FeedbackFormUpdateSchema) } },
  responses: { 200: { description: "Updated", content: json(FeedbackFormSchema) }, ...notFound, ...conflict("Changed by someone else since it was read"), ...refusals },
});

const deleteRoute = createRoute({
  method: "delete",
  path: "/{id}",
  tags,
  security: bearerAuth,
  summary: "Remove a feedback form nobody has answered (STAFF, ADMIN); needs If-Match with the version read",
  request: { params: IdParam },
  responses: { 204: { description: "Deleted" }, ...notFound, ...conflict("Stale version, or it has responses"), ...refusals },
});

export const feedbackFormRoutes = newRouter()
  .openapi(listRoute, async (c) => c.json(await listFeedbackForms({ ctx: serviceContext(c), input: c.req.valid("query") }), 200))
  .openapi(getRoute, async (c) => {
    const form = await getFeedbackForm({ ctx: serviceContext(c), input: c.req.valid("param") });
    c.header("ETag", `"${form.version}"`);
    return c.json(form, 200);
  })
  .openapi(createFormRoute, async (c) => c.json(await createFeedbackForm({ ctx: serviceContext(c), input: c.req.valid("json") }), 201))
  .openapi(updateRoute, async (c) => {
    const { version, ...changes } = c.req.valid("json");
    const input = { id: c.req.valid("param").id, version: expectedVersion(c.req.header("if-match"), version), changes };
    return c.json(await updateFeedbackForm({ ctx: serviceContext(c), input }), 200);
  })
  .openapi(deleteRoute, async (c) => {
    await deleteFeedbackForm({ ctx: serviceContext(c), input: { id: c.req.valid("param").id, version: expectedVersion(c.req.header("if-match"), undefined) } });
    return c.body(null, 204);
  });
