import { createRoute } from "@hono/zod-openapi";
import type { TypedResponse } from "hono";
import type { JSONParsed } from "hono/utils/types";
import { DonorProgressSchema, ProgressQuerySchema, type DonorProgress } from "@vep/domain";
import { serviceContext } from "../../http/context.js";
import { bearerAuth, newRouter, ProblemSchema } from "../../http/router.js";
import { donorProgressJson } from "./service.js";

const progressRoute = createRoute({
  method: "get",
  path: "/",
  tags: ["Donor progress"],
  security: bearerAuth,
  summary: "A programme's progress for its funders: money, activities, reach, indicators, satisfaction, quotes — aggregates only",
  request: { query: ProgressQuerySchema },
  responses: {
    200: { description: "The programme's progress", content: { "application/json": { schema: DonorProgressSchema } } },
    400: { description: "Invalid query", content: ProblemSchema },
    401: { description: "Not signed in", content: ProblemSchema },
    403: { description: "Role not allowed", content: ProblemSchema },
    404: { description: "No such programme among those the caller funds", content: ProblemSchema },
  },
});

// Sent as JSON kept with the figures: serialising a large programme's figures again for every request
// would cost more than everything else the request does. The text is a DonorProgress, typed as one.
export const progressRoutes = newRouter().openapi(
  progressRoute,
  async (c) => {
    const { body, length } = await donorProgressJson({ ctx: serviceContext(c), input: c.req.valid("query") });
    return c.body(body, 200, { "Content-Type": "application/json", "Content-Length": String(length) }) as unknown as TypedResponse<JSONParsed<DonorProgress>, 200, "json">;
  },
);
