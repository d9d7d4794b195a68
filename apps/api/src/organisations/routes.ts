import { z } from "@hono/zod-openapi";
import { OrganisationInputSchema, OrganisationKindSchema, OrganisationSchema, OrganisationUpdateSchema, PageQuerySchema, pageOf } from "@vep/domain";
import { serviceContext } from "../http/context.js";
import { deleteRoute, getRoute, listRoute, patchRoute, postRoute, versionedChanges, versionedDelete, withETag } from "../http/openapi.js";
import { sortParam } from "../http/pagination.js";
import { newRouter } from "../http/router.js";
import { createOrganisation, deleteOrganisation, getOrganisation, listOrganisations, updateOrganisation } from "./service.js";

const tags = ["Organisations"];

const ListQuery = PageQuerySchema.extend({
  kind: OrganisationKindSchema.optional(),
  q: z.string().trim().min(1).max(100).optional().describe("Search in name and acronym"),
  parentId: z.uuid().optional(),
  sort: sortParam(["name", "createdAt"], "name"),
});

export const organisationRoutes = newRouter()
  .openapi(listRoute(tags, "Organisations (a partner sees its own and its departments)", ListQuery, pageOf(OrganisationSchema)), async (c) => c.json(await listOrganisations({ ctx: serviceContext(c), input: c.req.valid("query") }), 200))
  .openapi(getRoute(tags, "One organisation", OrganisationSchema), async (c) => c.json(withETag(c, await getOrganisation({ ctx: serviceContext(c), input: c.req.valid("param") })), 200))
  .openapi(postRoute(tags, "Add an organisation (ADMIN)", OrganisationInputSchema, OrganisationSchema, "IATI identifier taken"), async (c) => c.json(await createOrganisation({ ctx: serviceContext(c), input: c.req.valid("json") }), 201))
  .openapi(patchRoute(tags, "Change an organisation (ADMIN)", OrganisationUpdateSchema, OrganisationSchema, { stale: "Changed by someone else since it was read" }), async (c) => {
    const input = versionedChanges(c, c.req.valid("param").id, c.req.valid("json"));
    return c.json(await updateOrganisation({ ctx: serviceContext(c), input }), 200);
  })
  .openapi(deleteRoute(tags, "Remove an organisation nothing refers to (ADMIN)"), async (c) => {
    await deleteOrganisation({ ctx: serviceContext(c), input: versionedDelete(c, c.req.valid("param").id) });
    return c.body(null, 204);
  });
