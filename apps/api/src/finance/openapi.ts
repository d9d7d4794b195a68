// Route shapes shared by the finance resources: each resource is a list, a record read, create, PATCH with
// optimistic locking and DELETE with If-Match; only the schemas and words differ.
import { createRoute, z } from "@hono/zod-openapi";
import { bearerAuth, ProblemSchema } from "../http/router.js";

export const IdParam = z.object({ id: z.uuid() });

const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });
const refusals = {
  400: { description: "Invalid input", content: ProblemSchema },
  401: { description: "Not signed in", content: ProblemSchema },
  403: { description: "Role not allowed", content: ProblemSchema },
};
const notFound = { 404: { description: "Not found", content: ProblemSchema } };

export function listRoute<Q extends z.ZodObject, T extends z.ZodType>(tags: string[], summary: string, query: Q, page: T) {
  return createRoute({ method: "get", path: "/", tags, security: bearerAuth, summary, request: { query }, responses: { 200: { description: "A page", content: json(page) }, ...refusals } });
}

export function getRoute<T extends z.ZodType>(tags: string[], summary: string, item: T) {
  return createRoute({
    method: "get",
    path: "/{id}",
    tags,
    security: bearerAuth,
    summary,
    request: { params: IdParam },
    responses: { 200: { description: "The record", content: json(item) }, ...notFound, ...refusals },
  });
}

export function postRoute<B extends z.ZodType, T extends z.ZodType>(tags: string[], summary: string, body: B, item: T, conflict: string) {
  return createRoute({
    method: "post",
    path: "/",
    tags,
    security: bearerAuth,
    summary,
    request: { body: { required: true, content: json(body) } },
    responses: { 201: { description: "Created", content: json(item) }, 409: { description: conflict, content: ProblemSchema }, ...refusals },
  });
}

export function patchRoute<B extends z.ZodType, T extends z.ZodType>(tags: string[], summary: string, body: B, item: T) {
  return createRoute({
    method: "patch",
    path: "/{id}",
    tags,
    security: bearerAuth,
    summary: `${summary}; needs the version read, in the body or If-Match`,
    request: { params: IdParam, body: { required: true, content: json(body) } },
    responses: {
      200: { description: "Updated", content: json(item) },
      ...notFound,
      409: { description: "Changed by someone else since it was read, or a unique value is taken", content: ProblemSchema },
      ...refusals,
    },
  });
}

export function deleteRoute(tags: string[], summary: string) {
  return createRoute({
    method: "delete",
    path: "/{id}",
    tags,
    security: bearerAuth,
    summary: `${summary}; needs If-Match with the version read`,
    request: { params: IdParam },
    responses: { 204: { description: "Deleted" }, ...notFound, 409: { description: "Stale version, or still referred to", content: ProblemSchema }, ...refusals },
  });
}
