import { OpenAPIHono, z } from "@hono/zod-openapi";
import type { PrismaClient } from "@vep/db";
import { validationProblem } from "./errors.js";

/** What every request handler can reach, set once per request by the app. */
export interface AppEnv {
  Variables: {
    db: PrismaClient;
  };
}

/** One router per resource; invalid input comes out as a problem+json 400 with field-level messages. */
export function newRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (!result.success) return validationProblem(c, result.target, result.error);
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
