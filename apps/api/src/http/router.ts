import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { PrismaClient } from "@vep/db";
import type { Scope } from "@vep/domain";
import type { SessionUser } from "../auth/service.js";
import { validationProblem } from "./errors.js";
import type { FigureCache } from "./figure-cache.js";

/** What every request handler can reach, set by the app's middleware. */
export interface AppEnv {
  Variables: {
    db: PrismaClient;
    /** Whole-programme figures kept between requests until the data changes. */
    figures: FigureCache;
    /** The signed-in user, or null for an anonymous request. */
    user: SessionUser | null;
    /** The id of the session the request came with (for logout). */
    sessionId: string | null;
    /** What the authorisation table grants the caller on the matched route. */
    scope: Scope;
    /** The caller's network address (for throttling and the audit trail). */
    clientAddress: string;
  };
}

/** One router per resource; invalid input comes out as a problem+json 400 with field-level messages. */
export function newRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      // The validator also hands over the input it parsed (its type does not say so): zod keeps no copy.
      if (!result.success) return validationProblem(c, result.target, result.error, (result as { data?: unknown }).data);
    },
  });
}

const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z.record(z.string(), z.string()).optional().describe("Field-level messages, keyed by where the value came from (query.limit, body.title, ...)"),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details" });

export const ProblemSchema = { "application/problem+json": { schema: Problem } };

/** Routes that need a session declare it, so the OpenAPI document shows the lock. */
export const bearerAuth = [{ bearerAuth: [] }];
