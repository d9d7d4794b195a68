// GET /api/v1/exports/<list>.csv for every list in EXPORT_LISTS: one route each, so that each has the
// access row of the JSON list it mirrors (packages/domain/src/access/exports.ts).
import { createRoute, z } from "@hono/zod-openapi";
import { EXPORT_LISTS, exportFileName } from "@vep/domain";
import { serviceContext } from "../http/context.js";
import { notFound, refusals } from "../http/openapi.js";
import { bearerAuth, newRouter } from "../http/router.js";
import { csvStream } from "./csv.js";
import { CSV_EXPORTS } from "./lists.js";

const tags = ["Exports"];

export const exportRoutes = newRouter();

for (const list of EXPORT_LISTS) {
  const csv = CSV_EXPORTS[list];
  const route = createRoute({
    method: "get",
    path: `/${list}.csv`,
    tags,
    security: bearerAuth,
    summary: `CSV: ${csv.summary}`,
    description: "The whole list (limit and cursor are ignored), as UTF-8 with a BOM and CRLF; cells starting with = + - @ are prefixed with '.",
    request: { query: csv.query as z.ZodObject },
    responses: {
      200: { description: "The list as CSV, streamed", content: { "text/csv": { schema: z.string() } } },
      ...notFound,
      ...refusals,
    },
  });
  exportRoutes.openapi(route, async (c) => {
    const body = await csvStream(csv.headers, csv.pages(serviceContext(c), c.req.valid("query")));
    return c.body(body, 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${exportFileName(list, new Date())}"`,
      "Cache-Control": "no-store",
    });
  });
}
