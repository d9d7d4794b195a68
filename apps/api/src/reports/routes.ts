import { createRoute } from "@hono/zod-openapi";
import { DonorReportQuerySchema, DonorReportSchema } from "@vep/domain";
import { serviceContext } from "../http/context.js";
import { bearerAuth, newRouter, ProblemSchema } from "../http/router.js";
import { getDonorReport } from "./service.js";

const donorReportRoute = createRoute({
  method: "get",
  path: "/donor",
  tags: ["Reports"],
  security: bearerAuth,
  summary: "A donor's report on one programme it co-funds, for a period: its contributions, every funder's totals, spending, activities, reach, indicators, quotes — aggregates only",
  request: { query: DonorReportQuerySchema },
  responses: {
    200: { description: "The report", content: { "application/json": { schema: DonorReportSchema } } },
    400: { description: "Invalid query, or no donor chosen (staff)", content: ProblemSchema },
    401: { description: "Not signed in", content: ProblemSchema },
    403: { description: "Role not allowed", content: ProblemSchema },
    404: { description: "No such donor or programme among those the caller may report on", content: ProblemSchema },
  },
});

export const reportRoutes = newRouter().openapi(donorReportRoute, async (c) => c.json(await getDonorReport({ ctx: serviceContext(c), input: c.req.valid("query") }), 200));
