import { z } from "@hono/zod-openapi";
import { PageQuerySchema, ProgrammeDetailSchema, ProgrammeInputSchema, ProgrammeSchema, ProgrammeStatusSchema, ProgrammeUpdateSchema, pageOf } from "@vep/domain";
import { serviceContext } from "../../http/context.js";
import { sortParam } from "../../http/pagination.js";
import { newRouter } from "../../http/router.js";
import { deleteRoute, getRoute, listRoute, patchRoute, postRoute, versionedChanges, versionedDelete, withETag } from "../../http/openapi.js";
import { createProgramme, deleteProgramme, getProgramme, listProgrammes, updateProgramme } from "./service.js";

const tags = ["Programmes"];

const ProgrammeQuery = PageQuerySchema.extend({
  status: ProgrammeStatusSchema.optional(),
  countryId: z.uuid().optional().describe("Programmes with this recipient country"),
  q: z.string().trim().min(1).max(100).optional().describe("Search in title and IATI identifier"),
  sort: sortParam(["title", "startDate", "createdAt"], "title"),
});

export const programmeRoutes = newRouter()
  .openapi(listRoute(tags, "Programmes (a partner those with its activities, a donor those it co-funds)", ProgrammeQuery, pageOf(ProgrammeSchema)), async (c) =>
    c.json(await listProgrammes({ ctx: serviceContext(c), input: c.req.valid("query") }), 200),
  )
  .openapi(getRoute(tags, "One programme with its recipient countries, participating organisations and funding donors", ProgrammeDetailSchema), async (c) => c.json(withETag(c, await getProgramme({ ctx: serviceContext(c), input: c.req.valid("param") })), 200))
  .openapi(postRoute(tags, "Add a programme (STAFF, ADMIN)", ProgrammeInputSchema, ProgrammeDetailSchema, "IATI identifier taken"), async (c) =>
    c.json(await createProgramme({ ctx: serviceContext(c), input: c.req.valid("json") }), 201),
  )
  .openapi(patchRoute(tags, "Change a programme (STAFF, ADMIN); countries and organisations, when given, replace the stored lists", ProgrammeUpdateSchema, ProgrammeDetailSchema), async (c) => {
    const input = versionedChanges(c, c.req.valid("param").id, c.req.valid("json"));
    return c.json(await updateProgramme({ ctx: serviceContext(c), input }), 200);
  })
  .openapi(deleteRoute(tags, "Remove a programme nothing refers to (STAFF, ADMIN)"), async (c) => {
    await deleteProgramme({ ctx: serviceContext(c), input: versionedDelete(c, c.req.valid("param").id) });
    return c.body(null, 204);
  });
