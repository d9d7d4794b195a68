import { createRoute } from "@hono/zod-openapi";
import { AttendanceInputSchema, AttendanceSchema } from "@vep/domain";
import { serviceContext } from "../../http/context.js";
import { IdParam, json, notFound, refusals } from "../../http/openapi.js";
import { bearerAuth, newRouter } from "../../http/router.js";
import { getAttendance, setAttendance } from "./service.js";

const tags = ["Attendance"];

const getRoute = createRoute({
  method: "get",
  path: "/{id}/attendance",
  tags,
  security: bearerAuth,
  summary: "Who attended a session (a partner: its own people, in its activities)",
  request: { params: IdParam },
  responses: { 200: { description: "The session's attendance", content: json(AttendanceSchema) }, ...notFound, ...refusals },
});

const putRoute = createRoute({
  method: "put",
  path: "/{id}/attendance",
  tags,
  security: bearerAuth,
  summary: "Set who attended a session (STAFF, ADMIN): replaces the whole list; everyone must be enrolled in the activity",
  request: { params: IdParam, body: { required: true, content: json(AttendanceInputSchema) } },
  responses: { 200: { description: "The session's attendance as now recorded", content: json(AttendanceSchema) }, ...notFound, ...refusals },
});

export const attendanceRoutes = newRouter()
  .openapi(getRoute, async (c) => c.json(await getAttendance({ ctx: serviceContext(c), input: { sessionId: c.req.valid("param").id } }), 200))
  .openapi(putRoute, async (c) =>
    c.json(await setAttendance({ ctx: serviceContext(c), input: { sessionId: c.req.valid("param").id, personIds: c.req.valid("json").personIds } }), 200),
  );
