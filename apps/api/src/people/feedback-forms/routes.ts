import { z } from "@hono/zod-openapi";
import { FeedbackFormCreatedSchema, FeedbackFormInputSchema, FeedbackFormSchema, FeedbackFormUpdateSchema, PageQuerySchema, pageOf } from "@vep/domain";
import { serviceContext } from "../../http/context.js";
import { deleteRoute, getRoute, listRoute, patchRoute, postRoute, versionedChanges, versionedDelete, withETag } from "../../http/openapi.js";
import { newRouter } from "../../http/router.js";
import { createFeedbackForm, deleteFeedbackForm, getFeedbackForm, listFeedbackForms, updateFeedbackForm } from "./service.js";

const tags = ["Feedback forms"];

export const feedbackFormRoutes = newRouter()
  .openapi(listRoute(tags, "Feedback forms (a partner: those of its activities)", PageQuerySchema.extend({ activityId: z.uuid().optional() }), pageOf(FeedbackFormSchema)), async (c) => c.json(await listFeedbackForms({ ctx: serviceContext(c), input: c.req.valid("query") }), 200))
  .openapi(getRoute(tags, "One feedback form", FeedbackFormSchema), async (c) => c.json(withETag(c, await getFeedbackForm({ ctx: serviceContext(c), input: c.req.valid("param") })), 200))
  .openapi(postRoute(tags, "Make a feedback form (STAFF, ADMIN), with the default questionnaire when it names no questions; the answer carries the public link's token, shown this once", FeedbackFormInputSchema, FeedbackFormCreatedSchema), async (c) => c.json(await createFeedbackForm({ ctx: serviceContext(c), input: c.req.valid("json") }), 201))
  .openapi(patchRoute(tags, "Change a feedback form (STAFF, ADMIN)", FeedbackFormUpdateSchema, FeedbackFormSchema, { stale: "Changed by someone else since it was read" }), async (c) => {
    const input = versionedChanges(c, c.req.valid("param").id, c.req.valid("json"));
    return c.json(await updateFeedbackForm({ ctx: serviceContext(c), input }), 200);
  })
  .openapi(deleteRoute(tags, "Remove a feedback form nobody has answered (STAFF, ADMIN)", { stale: "Stale version, or it has responses" }), async (c) => {
    await deleteFeedbackForm({ ctx: serviceContext(c), input: versionedDelete(c, c.req.valid("param").id) });
    return c.body(null, 204);
  });
