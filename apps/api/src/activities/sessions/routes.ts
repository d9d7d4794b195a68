import { createRoute } from "@hono/zod-openapi";
import { PageQuerySchema, SessionInputSchema, SessionSchema, SessionTrainersInputSchema, SessionUpdateSchema, pageOf } from "@vep/domain";
import { serviceContext } from "../../http/context.js";
import { bearerAuth, newRouter } from "../../http/router.js";
import { conflict, IdParam, json, notFound, refusals, versionedChanges, versionedDelete, withETag } from "../../http/openapi.js";
import { createSession, deleteSession, getSession, listSessions, setSessionTrainers, updateSession } from "./service.js";

const tags = ["Sessions"];

const listRoute = createRoute({
  method: "get",
  path: "/activities/{id}/sessions",
  tags,
  security: bearerAuth,
  summary: "An activity's sessions in order (partners and donors get trainer counts, not names)",
  request: { params: IdParam, query: PageQuerySchema },
  responses: { 200: { description: "A page of sessions", content: json(pageOf(SessionSchema)) }, ...notFound, ...refusals },
});

const createSessionRoute = createRoute({
  method: "post",
  path: "/activities/{id}/sessions",
  tags,
  security: bearerAuth,
  summary: "Add a session to an activity (STAFF, ADMIN); it starts within the activity's dates",
  request: { params: IdParam, body: { required: true, content: json(SessionInputSchema) } },
  responses: { 201: { description: "Created", content: json(SessionSchema) }, ...notFound, ...conflict("Sequence already taken in this activity"), ...refusals },
});

const getRoute = createRoute({
  method: "get",
  path: "/sessions/{id}",
  tags,
  security: bearerAuth,
  summary: "One session",
  request: { params: IdParam },
  responses: { 200: { description: "The session", content: json(SessionSchema) }, ...notFound, ...refusals },
});

const updateRoute = createRoute({
  method: "patch",
  path: "/sessions/{id}",
  tags,
  security: bearerAuth,
  summary: "Change a session (STAFF, ADMIN); needs the version read, in the body or If-Match",
  request: { params: IdParam, body: { required: true, content: json(SessionUpdateSchema) } },
  responses: {
    200: { description: "Updated", content: json(SessionSchema) },
    ...notFound,
    ...conflict("Changed by someone else since it was read, or sequence taken"),
    ...refusals,
  },
});

const deleteRoute = createRoute({
  method: "delete",
  path: "/sessions/{id}",
  tags,
  security: bearerAuth,
  summary: "Remove a session without attendance (STAFF, ADMIN); needs If-Match with the version read",
  request: { params: IdParam },
  responses: { 204: { description: "Deleted" }, ...notFound, ...conflict("Stale version, or attendance recorded"), ...refusals },
});

const trainersRoute = createRoute({
  method: "put",
  path: "/sessions/{id}/trainers",
  tags,
  security: bearerAuth,
  summary: "Set a session's trainers at once (STAFF, ADMIN)",
  request: { params: IdParam, body: { required: true, content: json(SessionTrainersInputSchema) } },
  responses: { 200: { description: "The session with its trainers", content: json(SessionSchema) }, ...notFound, ...refusals },
});

export const sessionRoutes = newRouter()
  .openapi(listRoute, async (c) => {
    const input = { activityId: c.req.valid("param").id, ...c.req.valid("query") };
    return c.json(await listSessions({ ctx: serviceContext(c), input }), 200);
  })
  .openapi(createSessionRoute, async (c) => {
    const input = { activityId: c.req.valid("param").id, session: c.req.valid("json") };
    return c.json(await createSession({ ctx: serviceContext(c), input }), 201);
  })
  .openapi(getRoute, async (c) => c.json(withETag(c, await getSession({ ctx: serviceContext(c), input: c.req.valid("param") })), 200))
  .openapi(updateRoute, async (c) => {
    const input = versionedChanges(c, c.req.valid("param").id, c.req.valid("json"));
    return c.json(await updateSession({ ctx: serviceContext(c), input }), 200);
  })
  .openapi(deleteRoute, async (c) => {
    await deleteSession({ ctx: serviceContext(c), input: versionedDelete(c, c.req.valid("param").id) });
    return c.body(null, 204);
  })
  .openapi(trainersRoute, async (c) => {
    const input = { id: c.req.valid("param").id, trainerIds: c.req.valid("json").trainerIds };
    return c.json(await setSessionTrainers({ ctx: serviceContext(c), input }), 200);
  });
