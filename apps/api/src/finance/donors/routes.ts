import { z } from "@hono/zod-openapi";
import { DonorInputSchema, DonorSchema, DonorUpdateSchema, PageQuerySchema, pageOf } from "@vep/domain";
import { serviceContext } from "../../http/context.js";
import { sortParam } from "../../http/pagination.js";
import { newRouter } from "../../http/router.js";
import { deleteRoute, getRoute, listRoute, patchRoute, postRoute, versionedChanges, versionedDelete, withETag } from "../../http/openapi.js";
import { createDonor, deleteDonor, getDonor, listDonors, updateDonor } from "./service.js";

const tags = ["Donors"];

const DonorQuery = PageQuerySchema.extend({
  q: z.string().trim().min(1).max(100).optional().describe("Search in code and organisation name"),
  sort: sortParam(["code", "createdAt"], "code"),
});

export const donorRoutes = newRouter()
  .openapi(listRoute(tags, "Donors with their totals pledged and received per currency (a donor's totals: the programmes it co-funds)", DonorQuery, pageOf(DonorSchema)), async (c) =>
    c.json(await listDonors({ ctx: serviceContext(c), input: c.req.valid("query") }), 200),
  )
  .openapi(getRoute(tags, "One donor with its totals", DonorSchema), async (c) => c.json(withETag(c, await getDonor({ ctx: serviceContext(c), input: c.req.valid("param") })), 200))
  .openapi(postRoute(tags, "Make an existing organisation a donor (STAFF, ADMIN)", DonorInputSchema, DonorSchema, "Code taken, or the organisation is already a donor"), async (c) =>
    c.json(await createDonor({ ctx: serviceContext(c), input: c.req.valid("json") }), 201),
  )
  .openapi(patchRoute(tags, "Change a donor's code (STAFF, ADMIN)", DonorUpdateSchema, DonorSchema), async (c) => {
    const input = versionedChanges(c, c.req.valid("param").id, c.req.valid("json"));
    return c.json(await updateDonor({ ctx: serviceContext(c), input }), 200);
  })
  .openapi(deleteRoute(tags, "Remove a donor nothing refers to (STAFF, ADMIN)"), async (c) => {
    await deleteDonor({ ctx: serviceContext(c), input: versionedDelete(c, c.req.valid("param").id) });
    return c.body(null, 204);
  });
