import { createRoute, z } from "@hono/zod-openapi";
import {
  ErasureInputSchema,
  ErasureResultSchema,
  PageQuerySchema,
  pageOf,
  ParticipantDetailSchema,
  ParticipantInputSchema,
  ParticipantSchema,
  ParticipantUpdateSchema,
  SexSchema,
} from "@vep/domain";
import { serviceContext } from "../../http/context.js";
import { conflict, deleteRoute, getRoute, IdParam, json, listRoute, notFound, patchRoute, postRoute, refusals, versionedChanges, versionedDelete, withETag } from "../../http/openapi.js";
import { sortParam } from "../../http/pagination.js";
import { bearerAuth, newRouter } from "../../http/router.js";
import { eraseParticipant } from "./erasure.js";
import { createParticipant, deleteParticipant, getParticipant, listParticipants, updateParticipant } from "./service.js";

const tags = ["Participants"];

const erasureRoute = createRoute({
  method: "post",
  path: "/{id}/erasure",
  tags,
  security: bearerAuth,
  summary: "Erase a person's personal data on request (ADMIN); enrolments, attendance and ratings stay, so counts do",
  request: { params: IdParam, body: { required: true, content: json(ErasureInputSchema) } },
  responses: { 201: { description: "Erased; the completed erasure request", content: json(ErasureResultSchema) }, ...notFound, ...conflict("Already erased"), ...refusals },
});

const ListQuery = PageQuerySchema.extend({
  organisationId: z.uuid().optional(),
  regionId: z.uuid().optional(),
  activityId: z.uuid().optional().describe("Only people enrolled in this activity"),
  sex: SexSchema.optional(),
  q: z.string().trim().min(1).max(100).optional().describe("Search in names; case, extra spaces and ё/е do not matter"),
  sort: sortParam(["fullName", "createdAt"], "fullName"),
});

export const participantRoutes = newRouter()
  .openapi(listRoute(tags, "Participants (a partner sees the people of its organisation and its departments)", ListQuery, pageOf(ParticipantSchema)), async (c) => c.json(await listParticipants({ ctx: serviceContext(c), input: c.req.valid("query") }), 200))
  .openapi(getRoute(tags, "One participant, with enrolments and sessions attended", ParticipantDetailSchema), async (c) => c.json(withETag(c, await getParticipant({ ctx: serviceContext(c), input: c.req.valid("param") })), 200))
  .openapi(postRoute(tags, "Add a participant (STAFF, ADMIN)", ParticipantInputSchema, ParticipantSchema, "A person with the same name is already in the organisation (send allowDuplicate: true)"), async (c) => c.json(await createParticipant({ ctx: serviceContext(c), input: c.req.valid("json") }), 201))
  .openapi(patchRoute(tags, "Change a participant (STAFF, ADMIN)", ParticipantUpdateSchema, ParticipantSchema, { stale: "Changed by someone else since it was read, or erased" }), async (c) => {
    const input = versionedChanges(c, c.req.valid("param").id, c.req.valid("json"));
    return c.json(await updateParticipant({ ctx: serviceContext(c), input }), 200);
  })
  .openapi(deleteRoute(tags, "Remove a participant enrolled nowhere (STAFF, ADMIN)", { stale: "Stale version, or still enrolled or referred to" }), async (c) => {
    await deleteParticipant({ ctx: serviceContext(c), input: versionedDelete(c, c.req.valid("param").id) });
    return c.body(null, 204);
  })
  .openapi(erasureRoute, async (c) =>
    c.json(await eraseParticipant({ ctx: serviceContext(c), input: { ...c.req.valid("param"), ...c.req.valid("json") } }), 201),
  );
