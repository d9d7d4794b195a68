import { createRoute } from "@hono/zod-openapi";
import { EnrolmentInputSchema, EnrolmentSchema, PageQuerySchema, pageOf } from "@vep/domain";
import { serviceContext } from "../../http/context.js";
import { bearerAuth, newRouter } from "../../http/router.js";
import { conflict, IdParam, json, notFound, refusals, versionedDelete } from "../../http/openapi.js";
import { createEnrolment, deleteEnrolment, listEnrolments } from "./service.js";

const tags = ["Enrolments"];

const listRoute = createRoute({
  method: "get",
  path: "/activities/{id}/enrolments",
  tags,
  security: bearerAuth,
  summary: "Who is enrolled in an activity, with sessions attended (a partner: its own people, in its activities)",
  request: { params: IdParam, query: PageQuerySchema },
  responses: { 200: { description: "A page of enrolments", content: json(pageOf(EnrolmentSchema)) }, ...notFound, ...refusals },
});

const createEnrolmentRoute = createRoute({
  method: "post",
  path: "/activities/{id}/enrolments",
  tags,
  security: bearerAuth,
  summary: "Enrol a person in an activity (STAFF, ADMIN)",
  request: { params: IdParam, body: { required: true, content: json(EnrolmentInputSchema) } },
  responses: { 201: { description: "Enrolled", content: json(EnrolmentSchema) }, ...notFound, ...conflict("Already enrolled"), ...refusals },
});

const deleteRoute = createRoute({
  method: "delete",
  path: "/enrolments/{id}",
  tags,
  security: bearerAuth,
  summary: "Unenrol (STAFF, ADMIN), removing the person's attendance of the activity; needs If-Match with the version read",
  request: { params: IdParam },
  responses: { 204: { description: "Deleted" }, ...notFound, ...conflict("Changed by someone else since it was read"), ...refusals },
});

export const enrolmentRoutes = newRouter()
  .openapi(listRoute, async (c) =>
    c.json(await listEnrolments({ ctx: serviceContext(c), input: { activityId: c.req.valid("param").id, ...c.req.valid("query") } }), 200),
  )
  .openapi(createEnrolmentRoute, async (c) =>
    c.json(await createEnrolment({ ctx: serviceContext(c), input: { activityId: c.req.valid("param").id, ...c.req.valid("json") } }), 201),
  )
  .openapi(deleteRoute, async (c) => {
    await deleteEnrolment({ ctx: serviceContext(c), input: versionedDelete(c, c.req.valid("param").id) });
    return c.body(null, 204);
  });
