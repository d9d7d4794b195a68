// Every error leaves the API as RFC 9457 application/problem+json, never with a stack trace.
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { z } from "zod";
import { ConflictError, NotFoundError, RuleViolationError } from "@vep/domain";

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  /** Field-level messages for 400s: { "body.title": "Required" }. */
  errors?: Record<string, string>;
}

export function problem<S extends ContentfulStatusCode>(c: Context, status: S, title: string, extra: Partial<Problem> = {}) {
  const body: Problem = { type: "about:blank", title, status, ...extra };
  return c.json(body, status, { "Content-Type": "application/problem+json" });
}

/** Turns a failed zod parse into field-level messages keyed by where the value came from. */
export function validationProblem(c: Context, target: string, error: z.ZodError) {
  const where = target === "json" || target === "form" ? "body" : target;
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = [where, ...issue.path.map(String)];
    // Unknown fields are named one by one, so that a client sees which field to drop.
    const keys = issue.code === "unrecognized_keys" ? issue.keys.map((k) => [...path, k].join(".")) : [path.join(".")];
    for (const key of keys) errors[key] ??= issue.code === "unrecognized_keys" ? "Unknown field" : issue.message;
  }
  return problem(c, 400, "Invalid request", { detail: "Some values are missing or not valid.", errors });
}

/** Database errors that are the caller's doing, not ours. */
function prismaProblem(error: Error, c: Context) {
  const { code, meta } = error as { code?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } };
  // PostgreSQL's own code where Prisma has none: 23001 restrict_violation, 23503 foreign_key_violation.
  const sqlState = meta?.driverAdapterError?.cause?.originalCode;
  if (code === "P2002") return problem(c, 409, "Conflict", { detail: "A record with these values already exists." });
  if (code === "P2003" || sqlState === "23001" || sqlState === "23503") {
    return problem(c, 409, "Conflict", { detail: "Other records still refer to this one, or a referenced record does not exist." });
  }
  if (code === "P2025") return problem(c, 404, "Not found", { detail: "The record does not exist." });
  return null;
}

export function onError(error: Error, c: Context) {
  if (error instanceof NotFoundError) return problem(c, 404, "Not found", { detail: error.message });
  if (error instanceof ConflictError) return problem(c, 409, "Conflict", { detail: error.message });
  if (error instanceof RuleViolationError) return problem(c, 400, "Invalid request", { detail: error.message, errors: error.fields });
  if (error instanceof HTTPException) return problem(c, error.status as ContentfulStatusCode, error.message || "Error");
  const known = prismaProblem(error, c);
  if (known) return known;
  // The details stay in the log, under the request id the client was given; the client gets none.
  console.error(JSON.stringify({ time: new Date().toISOString(), level: "error", msg: "unhandled", requestId: c.get("requestId"), method: c.req.method, path: c.req.path, error: error.stack ?? String(error) }));
  return problem(c, 500, "Internal server error", { detail: "Something went wrong on our side. It has been logged." });
}

export function notFound(c: Context) {
  return problem(c, 404, "Not found", { detail: `No route for ${c.req.method} ${c.req.path}` });
}
