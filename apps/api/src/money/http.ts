// Route pieces every money resource shares: the id parameter, response declarations, and how a
// PATCH turns into the version-checked change its service expects.
import { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { expectedVersion } from "../http/concurrency.js";
import { ProblemSchema } from "../http/router.js";

export const IdParam = z.object({ id: z.uuid() });
export const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });

export const refusals = {
  400: { description: "Invalid input", content: ProblemSchema },
  401: { description: "Not signed in", content: ProblemSchema },
  403: { description: "Role not allowed", content: ProblemSchema },
};
export const notFound = { 404: { description: "Not found, or outside the caller's programmes", content: ProblemSchema } };
export const staleOrTaken = { 409: { description: "Changed by someone else since it was read, or the values are taken", content: ProblemSchema } };

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
