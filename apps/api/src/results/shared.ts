// What the results routes and services share: the donor's scope, the OpenAPI pieces, date columns
// and the breakdown cell of targets and values.
import { createRoute, z } from "@hono/zod-openapi";
import type { Prisma } from "@vep/db";
import { RuleViolationError, dimensionKey, undeclaredDimensions, type Dimensions } from "@vep/domain";
import { expectedVersion } from "../http/concurrency.js";
import type { ServiceContext } from "../http/context.js";
import { bearerAuth, ProblemSchema } from "../http/router.js";

/** The client or a transaction. */
export type Db = Prisma.TransactionClient | ServiceContext["db"];

/** The programmes a caller reaches: a donor those it contributes to; STAFF and ADMIN all. */
export function programmeScope(ctx: ServiceContext): Prisma.ProgrammeWhereInput {
  if (ctx.scope === "funded-programmes") return { contributions: { some: { donorId: ctx.user.donorId ?? "none" } } };
  return {};
}

export const IdParam = z.object({ id: z.uuid() });
export const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });
export const refusals = {
  400: { description: "Invalid input", content: ProblemSchema },
  401: { description: "Not signed in", content: ProblemSchema },
  403: { description: "Role not allowed", content: ProblemSchema },
};
export const notFound = (what: string) => ({ 404: { description: `No such ${what} (or not in your programmes)`, content: ProblemSchema } });
export const conflict = (why: string) => ({ 409: { description: why, content: ProblemSchema } });

/** PATCH input: the changes and the version read (body `version` or If-Match). */
export function versioned<T extends { version?: number | undefined }>(id: string, ifMatch: string | undefined, body: T) {
  const { version, ...changes } = body;
  return { id, version: expectedVersion(ifMatch, version), changes };
}

const withArticle = (what: string) => `${/^[aeiou]/.test(what) ? "an" : "a"} ${what}`;

/** GET /{id} of a results record. */
export function getByIdRoute<T extends z.ZodType>(tags: string[], what: string, schema: T) {
  return createRoute({
    method: "get",
    path: "/{id}",
    tags,
    security: bearerAuth,
    summary: `One ${what}`,
    request: { params: IdParam },
    responses: { 200: { description: `The ${what}`, content: json(schema) }, ...notFound(what), ...refusals },
  });
}

/** PATCH /{id} of a results record, with optimistic locking. */
export function updateByIdRoute<B extends z.ZodType, T extends z.ZodType>(tags: string[], what: string, body: B, schema: T, summary = `Change ${withArticle(what)}`) {
  return createRoute({
    method: "patch",
    path: "/{id}",
    tags,
    security: bearerAuth,
    summary: `${summary}; needs the version read, in the body or If-Match`,
    request: { params: IdParam, body: { required: true, content: json(body) } },
    responses: { 200: { description: "Updated", content: json(schema) }, ...notFound(what), ...conflict("Changed by someone else since it was read, or a value taken"), ...refusals },
  });
}

/** DELETE /{id} of a results record; needs If-Match. */
export function deleteByIdRoute(tags: string[], what: string, summary = `Remove ${withArticle(what)}`) {
  return createRoute({
    method: "delete",
    path: "/{id}",
    tags,
    security: bearerAuth,
    summary: `${summary}; needs If-Match with the version read`,
    request: { params: IdParam },
    responses: { 204: { description: "Deleted" }, ...notFound(what), ...conflict("Stale version, or still referred to"), ...refusals },
  });
}

/** `@db.Date` columns travel as YYYY-MM-DD. */
export const toDateColumn = (day: string) => new Date(`${day}T00:00:00.000Z`);
export const fromDateColumn = (date: Date) => date.toISOString().slice(0, 10);

/** A rule broken by the request body: 400 with the fields named as the schema would ("body.x"). */
export function ruleViolation(message: string, errors: Record<string, string>): RuleViolationError {
  return new RuleViolationError(message, Object.fromEntries(Object.entries(errors).map(([field, why]) => [`body.${field}`, why])));
}

/**
 * The period and breakdown cell of a target or value, checked against its indicator: the period in
 * order (also when an update changes one end), the dimensions among the indicator's disaggregations.
 */
export function cellOf(
  indicator: { disaggregations: string[] },
  cell: { periodStart: string; periodEnd: string; dimensions: Dimensions },
): { periodStart: Date; periodEnd: Date; dimensions: Dimensions; dimensionKey: string } {
  const errors = undeclaredDimensions(cell.dimensions, indicator.disaggregations);
  if (cell.periodStart > cell.periodEnd) errors.periodEnd = "The period ends before it starts";
  if (Object.keys(errors).length > 0) throw ruleViolation("The period or breakdown does not fit the indicator", errors);
  return { periodStart: toDateColumn(cell.periodStart), periodEnd: toDateColumn(cell.periodEnd), dimensions: cell.dimensions, dimensionKey: dimensionKey(cell.dimensions) };
}

/** Translations and other JSON columns back in their response shape. */
export const texts = (value: Prisma.JsonValue) => value as Record<string, string>;
