import { createRoute, z } from "@hono/zod-openapi";
import { NotificationListQuerySchema, NotificationSchema, pageOf, UnreadCountSchema } from "@vep/domain";
import { serviceContext } from "../http/context.js";
import { IdParam, json, listRoute, notFound, refusals } from "../http/openapi.js";
import { bearerAuth, newRouter } from "../http/router.js";
import { listNotifications, markAllRead, markRead, unreadCount } from "./service.js";

const tags = ["Notifications"];

const unreadRoute = createRoute({
  method: "get",
  path: "/unread-count",
  tags,
  security: bearerAuth,
  summary: "How many of the caller's notices are unread",
  responses: { 200: { description: "The count", content: json(UnreadCountSchema) }, ...refusals },
});
const readRoute = createRoute({
  method: "post",
  path: "/{id}/read",
  tags,
  security: bearerAuth,
  summary: "Mark one of the caller's notices read",
  request: { params: IdParam },
  responses: { 200: { description: "The notice", content: json(NotificationSchema) }, ...notFound, ...refusals },
});
const readAllRoute = createRoute({
  method: "post",
  path: "/read-all",
  tags,
  security: bearerAuth,
  summary: "Mark all the caller's notices read",
  responses: { 200: { description: "How many were marked", content: json(z.object({ marked: z.number().int() })) }, ...refusals },
});

export const notificationRoutes = newRouter()
  .openapi(listRoute(tags, "The caller's notices, newest first", NotificationListQuerySchema, pageOf(NotificationSchema)), async (c) =>
    c.json(await listNotifications(serviceContext(c), c.req.valid("query")), 200),
  )
  .openapi(unreadRoute, async (c) => c.json(await unreadCount(serviceContext(c)), 200))
  .openapi(readAllRoute, async (c) => c.json(await markAllRead(serviceContext(c)), 200))
  .openapi(readRoute, async (c) => c.json(await markRead(serviceContext(c), c.req.valid("param").id), 200));
