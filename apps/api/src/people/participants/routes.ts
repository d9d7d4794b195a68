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
import { expectedVersion } from "../../http/concurrency.js";
import { serviceContext } from "../../http/context.js";
import { sortParam } from "../../http/pagination.js";
import { bearerAuth, newRouter } from "../../http/router.js";
import { conflict, IdParam, json, notFound, refusals } from "../openapi.js";
import { eraseParticipant } from "./erasure.js";
import { createParticipant, deleteParticipant, getParticipant, listParticipants, updateParticipant } from "./service.js";

const tags = ["Participants"];

const listRoute = createRoute({
  method: "get",
  path: "/",
  tags,
  security: bearerAuth,
  summary: "Participants (a partner sees the people of its organisation and its departments)",
  request: {
    query: PageQuerySchema.extend({
      organisationId: z.uuid().optional(),
      regionId: z.uuid().optional(),
      activityId: z.uuid().optional().describe("Only people enrolled in this activity"),
      sex: SexSchema.optional(),
      q: z.string().trim().min(1).max(100).optional().describe("Search in names; case, extra spaces and ё/е do not matter"),
      sort: sortParam(["fullName", "createdAt"], "fullName"),
    }),
  },
  responses: { 200: { description: "A page of participants", content: json(pageOf(ParticipantSchema)) }, ...refusals },
});

const getRoute = createRoute({
  method: "get",
  path: "/{id}",
  tags,
  security: bearerAuth,
  summary: "One participant, with enrolments and sessions attended",
  request: { params: IdParam },
  responses: { 200: { description: "The participant", content: json(ParticipantDetailSchema) }, ...notFound, ...refusals },
});

const createParticipantRoute = createRoute({
  method: "post",
  path: "/",
  tags,
  security: bearerAuth,
  summary: "Add a participant (STAFF, ADMIN)",
  request: { body: { required: true, content: json(ParticipantInputSchema) } },
  responses: {
    201: { description: "Created", content: json(ParticipantSchema) },
    ...conflict("A person with the same name is already in the organisation (send allowDuplicate: true)"),
    ...refusals,
  },
});

const updateRoute = createRoute({
  method: "patch",
  path: "/{id}",
  tags,
  security: bearerAuth,
  summary: "Change a participant (STAFF, ADMIN); needs the version read, in the body or If-Match",
  request: { params: IdParam, body: { required: true, content: json(ParticipantUpdateSchema) } },
  responses: {
    200: { description: "Updated", content: json(ParticipantSchema) },
    ...notFound,
    ...conflict("Changed by someone else since it was read, or erased"),
    ...refusals,
  },
});

const deleteRoute = createRoute({
  method: "delete",
  path: "/{id}",
  tags,
  security: bearerAuth,
  summary: "Remove a participant enrolled nowhere (STAFF, ADMIN); needs If-Match with the version read",
  request: { params: IdParam },
  responses: { 204: { description: "Deleted" }, ...notFound, ...conflict("Stale version, or still enrolled or referred to"), ...refusals },
});

const erasureRoute = createRoute({
  method: "post",
  path: "/{id}/erasure",
  tags,
  security: bearerAuth,
  summary: "Erase a person's personal data on request (ADMIN); enrolments, attendance and ratings stay, so counts do",
  request: { params: IdParam, body: { required: true, content: json(ErasureInputSchema) } },
  responses: { 201: { description: "Erased; the completed erasure request", content: json(ErasureResultSchema) }, ...notFound, ...conflict("Already erased"), ...refusals },
});

export const participantRoutes = newRouter()
  .openapi(listRoute, async (c) => c.json(await listParticipants({ ctx: serviceContext(c), input: c.req.valid("query") }), 200))
  .openapi(getRoute, async (c) => {
    const participant = await getParticipant({ ctx: serviceContext(c), input: c.req.valid("param") });
    c.header("ETag", `"${participant.version}"`);
    return c.json(participant, 200);
  })
  .openapi(createParticipantRoute, async (c) => c.json(await createParticipant({ ctx: serviceContext(c), input: c.req.valid("json") }), 201))
  .openapi(updateRoute, async (c) => {
    const { version, ...changes } = c.req.valid("json");
    const input = { id: c.req.valid("param").id, version: expectedVersion(c.req.header("if-match"), version), changes };
    return c.json(await updateParticipant({ ctx: serviceContext(c), input }), 200);
  })
  .openapi(deleteRoute, async (c) => {
    await deleteParticipant({ ctx: serviceContext(c), input: { id: c.req.valid("param").id, version: expectedVersion(c.req.header("if-match"), undefined) } });
    return c.body(null, 204);
  })
  .openapi(erasureRoute, async (c) =>
    c.json(await eraseParticipant({ ctx: serviceContext(c), input: { ...c.req.valid("param"), ...c.req.valid("json") } }), 201),
  );
