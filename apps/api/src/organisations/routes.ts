import { createRoute, z } from "@hono/zod-openapi";
import { OrganisationInputSchema, OrganisationKindSchema, OrganisationSchema, OrganisationUpdateSchema, PageQuerySchema, pageOf } from "@vep/domain";
import { expectedVersion } from "../http/concurrency.js";
import { serviceContext } from "../http/context.js";
import { sortParam } from "../http/pagination.js";
import { bearerAuth, newRouter, ProblemSchema } from "../http/router.js";
import { createOrganisation, deleteOrganisation, getOrganisation, listOrganisations, updateOrganisation } from "./service.js";

const tags = ["Organisations"];
const IdParam = z.object({ id: z.uuid() });
const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });
const refusals = {
  400: { description: "Invalid input", content: ProblemSchema },
  401: { description: "Not signed in", content: ProblemSchema },
  403: { description: "Role not allowed", content: ProblemSchema },
};

const listRoute = createRoute({
  method: "get",
  path: "/",
  tags,
  security: bearerAuth,
  summary: "Organisations (a partner sees its own and its departments)",
  request: {
    query: PageQuerySchema.extend({
      kind: OrganisationKindSchema.optional(),
      q: z.string().trim().min(1).max(100).optional().describe("Search in name and acronym"),
      parentId: z.uuid().optional(),
      sort: sortParam(["name", "createdAt"], "name"),
    }),
  },
  responses: { 200: { description: "A page of organisations", content: json(pageOf(OrganisationSchema)) }, ...refusals },
});

const getRoute = createRoute({
  method: "get",
  path: "/{id}",
  tags,
  security: bearerAuth,
  summary: "One organisation",
  request: { params: IdParam },
  responses: { 200: { description: "The organisation", content: json(OrganisationSchema) }, 404: { description: "Not found", content: ProblemSchema }, ...refusals },
});

const createOrgRoute = createRoute({
  method: "post",
  path: "/",
  tags,
  security: bearerAuth,
  summary: "Add an organisation (ADMIN)",
  request: { body: { required: true, content: json(OrganisationInputSchema) } },
  responses: { 201: { description: "Created", content: json(OrganisationSchema) }, 409: { description: "IATI identifier taken", content: ProblemSchema }, ...refusals },
});

const updateRoute = createRoute({
  method: "patch",
  path: "/{id}",
  tags,
  security: bearerAuth,
  summary: "Change an organisation (ADMIN); needs the version read, in the body or If-Match",
  request: { params: IdParam, body: { required: true, content: json(OrganisationUpdateSchema) } },
  responses: {
    200: { description: "Updated", content: json(OrganisationSchema) },
    404: { description: "Not found", content: ProblemSchema },
    409: { description: "Changed by someone else since it was read", content: ProblemSchema },
    ...refusals,
  },
});

const deleteRoute = createRoute({
  method: "delete",
  path: "/{id}",
  tags,
  security: bearerAuth,
  summary: "Remove an organisation nothing refers to (ADMIN); needs If-Match with the version read",
  request: { params: IdParam },
  responses: {
    204: { description: "Deleted" },
    404: { description: "Not found", content: ProblemSchema },
    409: { description: "Stale version, or still referred to", content: ProblemSchema },
    ...refusals,
  },
});

export const organisationRoutes = newRouter()
  .openapi(listRoute, async (c) => c.json(await listOrganisations({ ctx: serviceContext(c), input: c.req.valid("query") }), 200))
  .openapi(getRoute, async (c) => {
    const organisation = await getOrganisation({ ctx: serviceContext(c), input: c.req.valid("param") });
    c.header("ETag", `"${organisation.version}"`);
    return c.json(organisation, 200);
  })
  .openapi(createOrgRoute, async (c) => c.json(await createOrganisation({ ctx: serviceContext(c), input: c.req.valid("json") }), 201))
  .openapi(updateRoute, async (c) => {
    const { version, ...changes } = c.req.valid("json");
    const input = { id: c.req.valid("param").id, version: expectedVersion(c.req.header("if-match"), version), changes };
    return c.json(await updateOrganisation({ ctx: serviceContext(c), input }), 200);
  })
  .openapi(deleteRoute, async (c) => {
    await deleteOrganisation({ ctx: serviceContext(c), input: { id: c.req.valid("param").id, version: expectedVersion(c.req.header("if-match"), undefined) } });
    return c.body(null, 204);
  });
