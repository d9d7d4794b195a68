// How routes declare themselves in the OpenAPI document: the id parameter, the responses every route
// shares, builders for the usual record routes at "/" and "/{id}" of a router (list, read, create, PATCH
// with optimistic locking, DELETE with If-Match), and the request pieces those routes need. Routes that fit
// none (other paths, other bodies) stay hand-written with `createRoute` and the pieces below; the builders'
// paths are literals, so that the RPC client keeps them.
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { expectedVersion } from "./concurrency.js";
import { bearerAuth, ProblemSchema } from "./router.js";

export const IdParam = z.object({ id: z.uuid() });
export const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });

export const refusals = {
  400: { description: "Invalid input", content: ProblemSchema },
  401: { description: "Not signed in", content: ProblemSchema },
  403: { description: "Role not allowed", content: ProblemSchema },
};
export const notFound = { 404: { description: "Not found, or outside the caller's scope", content: ProblemSchema } };
export const conflict = (description: string) => ({ 409: { description, content: ProblemSchema } });

const STALE_OR_TAKEN = "Changed by someone else since it was read, or a unique value is taken";
const STALE_OR_REFERRED = "Stale version, or still referred to";

/** GET / : a page of records. */
export function listRoute<Q extends z.ZodObject, T extends z.ZodType>(tags: string[], summary: string, query: Q, page: T) {
  return createRoute({ method: "get", path: "/", tags, security: bearerAuth, summary, request: { query }, responses: { 200: { description: "A page", content: json(page) }, ...refusals } });
}

/** GET /{id}: one record (send its version as ETag with `withETag`). */
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

/** POST /: create; `taken` describes the 409 when a unique value can be taken. */
export function postRoute<B extends z.ZodType, T extends z.ZodType>(tags: string[], summary: string, body: B, item: T, taken?: string) {
  return createRoute({
    method: "post",
    path: "/",
    tags,
    security: bearerAuth,
    summary,
    request: { body: { required: true, content: json(body) } },
    responses: { 201: { description: "Created", content: json(item) }, ...(taken === undefined ? {} : conflict(taken)), ...refusals },
  });
}

/** PATCH /{id} with optimistic locking (read the input with `versionedChanges`). */
export function patchRoute<B extends z.ZodType, T extends z.ZodType>(tags: string[], summary: string, body: B, item: T, { stale = STALE_OR_TAKEN }: { stale?: string } = {}) {
  return createRoute({
    method: "patch",
    path: "/{id}",
    tags,
    security: bearerAuth,
    summary: `${summary}; needs the version read, in the body or If-Match`,
    request: { params: IdParam, body: { required: true, content: json(body) } },
    responses: { 200: { description: "Updated", content: json(item) }, ...notFound, ...conflict(stale), ...refusals },
  });
}

/** DELETE /{id} with If-Match (read the input with `versionedDelete`). */
export function deleteRoute(tags: string[], summary: string, { stale = STALE_OR_REFERRED }: { stale?: string } = {}) {
  return createRoute({
    method: "delete",
    path: "/{id}",
    tags,
    security: bearerAuth,
    summary: `${summary}; needs If-Match with the version read`,
    request: { params: IdParam },
    responses: { 204: { description: "Deleted" }, ...notFound, ...conflict(stale), ...refusals },
  });
}

/** A PATCH body split into the version the client read (body or If-Match) and the changes. */
export function versionedChanges<B extends { version?: number | undefined }>(c: Context, id: string, body: B) {
  const { version, ...changes } = body;
  return { id, version: expectedVersion(c.req.header("if-match"), version), changes };
}

/** A DELETE names the version it read in If-Match. */
export function versionedDelete(c: Context, id: string) {
  return { id, version: expectedVersion(c.req.header("if-match"), undefined) };
}

/** GET of one record: its version as ETag, so that the client can send it back in If-Match. */
export function withETag<T extends { version: number }>(c: Context, record: T): T {
  c.header("ETag", `"${record.version}"`);
  return record;
}
