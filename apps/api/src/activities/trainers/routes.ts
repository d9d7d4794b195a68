import { createRoute, z } from "@hono/zod-openapi";
import { PageQuerySchema, TrainerDetailSchema, TrainerInputSchema, TrainerSchema, TrainerUpdateSchema, pageOf } from "@vep/domain";
import { expectedVersion } from "../../http/concurrency.js";
import { serviceContext } from "../../http/context.js";
import { sortParam } from "../../http/pagination.js";
import { bearerAuth, newRouter } from "../../http/router.js";
import { conflict, IdParam, json, notFound, refusals } from "../openapi.js";
import { createTrainer, deleteTrainer, getTrainer, listTrainers, updateTrainer } from "./service.js";

const tags = ["Trainers"];

const listRoute = createRoute({
  method: "get",
  path: "/",
  tags,
  security: bearerAuth,
  summary: "Trainers with the sessions they delivered and their average rating (STAFF, ADMIN)",
  request: {
    query: PageQuerySchema.extend({
      q: z.string().trim().min(1).max(100).optional().describe("Search in the name"),
      organisationId: z.uuid().optional(),
      expertise: z.string().trim().min(1).max(100).optional().describe("One of the trainer's areas of expertise, exactly"),
      sort: sortParam(["createdAt"], "createdAt"),
    }),
  },
  responses: { 200: { description: "A page of trainers", content: json(pageOf(TrainerSchema)) }, ...refusals },
});

const getRoute = createRoute({
  method: "get",
  path: "/{id}",
  tags,
  security: bearerAuth,
  summary: "One trainer with the sessions delivered (STAFF, ADMIN)",
  request: { params: IdParam },
  responses: { 200: { description: "The trainer", content: json(TrainerDetailSchema) }, ...notFound, ...refusals },
});

const createTrainerRoute = createRoute({
  method: "post",
  path: "/",
  tags,
  security: bearerAuth,
  summary: "Add a trainer: the person and their expertise (STAFF, ADMIN)",
  request: { body: { required: true, content: json(TrainerInputSchema) } },
  responses: { 201: { description: "Created", content: json(TrainerDetailSchema) }, ...refusals },
});

const updateRoute = createRoute({
  method: "patch",
  path: "/{id}",
  tags,
  security: bearerAuth,
  summary: "Change a trainer (STAFF, ADMIN); needs the version read, in the body or If-Match",
  request: { params: IdParam, body: { required: true, content: json(TrainerUpdateSchema) } },
  responses: { 200: { description: "Updated", content: json(TrainerDetailSchema) }, ...notFound, ...conflict("Changed by someone else since it was read"), ...refusals },
});

const deleteRoute = createRoute({
  method: "delete",
  path: "/{id}",
  tags,
  security: bearerAuth,
  summary: "Remove a trainer who delivered no session (STAFF, ADMIN); needs If-Match with the version read",
  request: { params: IdParam },
  responses: { 204: { description: "Deleted" }, ...notFound, ...conflict("Stale version, or sessions name the trainer"), ...refusals },
});

export const trainerRoutes = newRouter()
  .openapi(listRoute, async (c) => c.json(await listTrainers({ ctx: serviceContext(c), input: c.req.valid("query") }), 200))
  .openapi(getRoute, async (c) => {
    const trainer = await getTrainer({ ctx: serviceContext(c), input: c.req.valid("param") });
    c.header("ETag", `"${trainer.version}"`);
    return c.json(trainer, 200);
  })
  .openapi(createTrainerRoute, async (c) => c.json(await createTrainer({ ctx: serviceContext(c), input: c.req.valid("json") }), 201))
  .openapi(updateRoute, async (c) => {
    const { version, ...changes } = c.req.valid("json");
    const input = { id: c.req.valid("param").id, version: expectedVersion(c.req.header("if-match"), version), changes };
    return c.json(await updateTrainer({ ctx: serviceContext(c), input }), 200);
  })
  .openapi(deleteRoute, async (c) => {
    await deleteTrainer({ ctx: serviceContext(c), input: { id: c.req.valid("param").id, version: expectedVersion(c.req.header("if-match"), undefined) } });
    return c.body(null, 204);
  });
