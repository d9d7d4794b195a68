import { z } from "@hono/zod-openapi";
import { CountryInputSchema, CountrySchema, CountryUpdateSchema, PageQuerySchema, RegionInputSchema, RegionKindSchema, RegionSchema, RegionUpdateSchema, pageOf } from "@vep/domain";
import { serviceContext } from "../../http/context.js";
import { sortParam } from "../../http/pagination.js";
import { newRouter } from "../../http/router.js";
import { deleteRoute, getRoute, listRoute, patchRoute, postRoute, versionedChanges, versionedDelete, withETag } from "../../http/openapi.js";
import { createCountry, createRegion, deleteCountry, deleteRegion, getCountry, getRegion, listCountries, listRegions, updateCountry, updateRegion } from "./service.js";

const search = z.string().trim().min(1).max(100).optional();

const CountryQuery = PageQuerySchema.extend({
  q: search.describe("Search in name, or the exact ISO code"),
  sort: sortParam(["name", "code"], "name"),
});

export const countryRoutes = newRouter()
  .openapi(listRoute(["Countries"], "Countries", CountryQuery, pageOf(CountrySchema)), async (c) => c.json(await listCountries({ ctx: serviceContext(c), input: c.req.valid("query") }), 200))
  .openapi(getRoute(["Countries"], "One country", CountrySchema), async (c) => c.json(withETag(c, await getCountry({ ctx: serviceContext(c), input: c.req.valid("param") })), 200))
  .openapi(postRoute(["Countries"], "Add a country (ADMIN)", CountryInputSchema, CountrySchema, "Country code taken"), async (c) =>
    c.json(await createCountry({ ctx: serviceContext(c), input: c.req.valid("json") }), 201),
  )
  .openapi(patchRoute(["Countries"], "Change a country (ADMIN)", CountryUpdateSchema, CountrySchema), async (c) => {
    const input = versionedChanges(c, c.req.valid("param").id, c.req.valid("json"));
    return c.json(await updateCountry({ ctx: serviceContext(c), input }), 200);
  })
  .openapi(deleteRoute(["Countries"], "Remove a country nothing refers to (ADMIN)"), async (c) => {
    await deleteCountry({ ctx: serviceContext(c), input: versionedDelete(c, c.req.valid("param").id) });
    return c.body(null, 204);
  });

const RegionQuery = PageQuerySchema.extend({
  countryId: z.uuid().optional(),
  validOn: z.iso.date("a date as YYYY-MM-DD").optional().describe("Only regions in force on this date"),
  kind: RegionKindSchema.optional(),
  q: search.describe("Search in name and aliases"),
  sort: sortParam(["name", "code", "validFrom"], "name"),
});

export const regionRoutes = newRouter()
  .openapi(listRoute(["Regions"], "First-level regions, each valid for a period", RegionQuery, pageOf(RegionSchema)), async (c) =>
    c.json(await listRegions({ ctx: serviceContext(c), input: c.req.valid("query") }), 200),
  )
  .openapi(getRoute(["Regions"], "One region", RegionSchema), async (c) => c.json(withETag(c, await getRegion({ ctx: serviceContext(c), input: c.req.valid("param") })), 200))
  .openapi(postRoute(["Regions"], "Add a region (ADMIN)", RegionInputSchema, RegionSchema, "A region with this code already starts on this date"), async (c) =>
    c.json(await createRegion({ ctx: serviceContext(c), input: c.req.valid("json") }), 201),
  )
  .openapi(patchRoute(["Regions"], "Change a region (ADMIN)", RegionUpdateSchema, RegionSchema), async (c) => {
    const input = versionedChanges(c, c.req.valid("param").id, c.req.valid("json"));
    return c.json(await updateRegion({ ctx: serviceContext(c), input }), 200);
  })
  .openapi(deleteRoute(["Regions"], "Remove a region nothing refers to (ADMIN)"), async (c) => {
    await deleteRegion({ ctx: serviceContext(c), input: versionedDelete(c, c.req.valid("param").id) });
    return c.body(null, 204);
  });
