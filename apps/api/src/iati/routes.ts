import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { IatiExportSchema, IatiExportSummarySchema, IatiInvalidSchema, PageQuerySchema, pageOf, type IatiInvalid, type IatiProblem } from "@vep/domain";
import { serviceContext } from "../http/context.js";
import { IdParam, json, notFound, refusals } from "../http/openapi.js";
import { bearerAuth, newRouter } from "../http/router.js";
import { createIatiExport, generateIatiFile, getIatiExport, getIatiExportFile, listIatiExports } from "./service.js";

const tags = ["IATI"];
const xmlFile = { "application/xml": { schema: z.string().describe("An IATI 2.03 iati-activities file") } };
const invalid = { 422: { description: "The file fails the IATI schema or codelists (nothing stored)", content: { "application/problem+json": { schema: IatiInvalidSchema } } } };

/** The 422 problem listing everything wrong with the file. */
function invalidFile(c: Context, problems: IatiProblem[]) {
  const body: IatiInvalid = { type: "about:blank", title: "Invalid IATI file", status: 422, detail: `The generated file has ${problems.length} problem(s); fix the programme's data and export again.`, problems };
  return c.json(body, 422, { "Content-Type": "application/problem+json" });
}

/** The file as a download named after the activity identifier. */
function xmlDownload(c: Context, file: { iatiIdentifier: string; xml: string }) {
  const name = file.iatiIdentifier.replace(/[^A-Za-z0-9._-]/g, "_");
  return c.body(file.xml, 200, { "Content-Type": "application/xml; charset=utf-8", "Content-Disposition": `attachment; filename="${name}.xml"` });
}

const currentFileRoute = createRoute({
  method: "get",
  path: "/programmes/{id}/iati",
  tags,
  security: bearerAuth,
  summary: "The programme's IATI activity file as of now, validated against the 2.03 schema and the codelists",
  request: { params: IdParam },
  responses: { 200: { description: "The file", content: xmlFile }, ...invalid, ...notFound, ...refusals },
});

const createExportRoute = createRoute({
  method: "post",
  path: "/programmes/{id}/iati-exports",
  tags,
  security: bearerAuth,
  summary: "Generate, validate and store the programme's IATI file, with what changed since the previous stored export",
  request: { params: IdParam },
  responses: { 201: { description: "Stored", content: json(IatiExportSchema) }, ...invalid, ...notFound, ...refusals },
});

const listExportsRoute = createRoute({
  method: "get",
  path: "/programmes/{id}/iati-exports",
  tags,
  security: bearerAuth,
  summary: "The programme's stored IATI exports, newest first (without the files)",
  request: { params: IdParam, query: PageQuerySchema },
  responses: { 200: { description: "A page", content: json(pageOf(IatiExportSummarySchema)) }, ...notFound, ...refusals },
});

const exportRoute = createRoute({
  method: "get",
  path: "/iati-exports/{id}",
  tags,
  security: bearerAuth,
  summary: "One stored IATI export with its changes",
  request: { params: IdParam },
  responses: { 200: { description: "The export", content: json(IatiExportSchema) }, ...notFound, ...refusals },
});

const exportFileRoute = createRoute({
  method: "get",
  path: "/iati-exports/{id}/xml",
  tags,
  security: bearerAuth,
  summary: "A stored IATI file as it was exported",
  request: { params: IdParam },
  responses: { 200: { description: "The file", content: xmlFile }, ...notFound, ...refusals },
});

export const iatiRoutes = newRouter()
  .openapi(currentFileRoute, async (c) => {
    const file = await generateIatiFile({ ctx: serviceContext(c), input: c.req.valid("param") });
    return file.problems.length > 0 ? invalidFile(c, file.problems) : xmlDownload(c, file);
  })
  .openapi(createExportRoute, async (c) => {
    const result = await createIatiExport({ ctx: serviceContext(c), input: c.req.valid("param") });
    return "problems" in result ? invalidFile(c, result.problems) : c.json(result.stored, 201);
  })
  .openapi(listExportsRoute, async (c) => c.json(await listIatiExports({ ctx: serviceContext(c), input: { ...c.req.valid("param"), ...c.req.valid("query") } }), 200))
  .openapi(exportRoute, async (c) => c.json(await getIatiExport({ ctx: serviceContext(c), input: c.req.valid("param") }), 200))
  .openapi(exportFileRoute, async (c) => xmlDownload(c, await getIatiExportFile({ ctx: serviceContext(c), input: c.req.valid("param") })));
