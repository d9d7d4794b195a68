import { z } from "@hono/zod-openapi";
import { PageQuerySchema, TrainerDetailSchema, TrainerInputSchema, TrainerSchema, TrainerUpdateSchema, pageOf } from "@vep/domain";
import { serviceContext } from "../../http/context.js";
import { deleteRoute, getRoute, listRoute, patchRoute, postRoute, versionedChanges, versionedDelete, withETag } from "../../http/openapi.js";
import { sortParam } from "../../http/pagination.js";
import { newRouter } from "../../http/router.js";
import { createTrainer, deleteTrainer, getTrainer, listTrainers, updateTrainer } from "./service.js";

const tags = ["Trainers"];

const ListQuery = PageQuerySchema.extend({
  q: z.string().trim().min(1).max(100).optional().describe("Search in the name"),
  organisationId: z.uuid().optional(),
  expertise: z.string().trim().min(1).max(100).optional().describe("One of the trainer's areas of expertise, exactly"),
  sort: sortParam(["createdAt"], "createdAt"),
});

export const trainerRoutes = newRouter()
  .openapi(listRoute(tags, "Trainers with the sessions they delivered and their average rating (STAFF, ADMIN)", ListQuery, pageOf(TrainerSchema)), async (c) => c.json(await listTrainers({ ctx: serviceContext(c), input: c.req.valid("query") }), 200))
  .openapi(getRoute(tags, "One trainer with the sessions delivered (STAFF, ADMIN)", TrainerDetailSchema), async (c) => c.json(withETag(c, await getTrainer({ ctx: serviceContext(c), input: c.req.valid("param") })), 200))
  .openapi(postRoute(tags, "Add a trainer: the person and their expertise (STAFF, ADMIN)", TrainerInputSchema, TrainerDetailSchema), async (c) => c.json(await createTrainer({ ctx: serviceContext(c), input: c.req.valid("json") }), 201))
  .openapi(patchRoute(tags, "Change a trainer (STAFF, ADMIN)", TrainerUpdateSchema, TrainerDetailSchema, { stale: "Changed by someone else since it was read" }), async (c) => {
    const input = versionedChanges(c, c.req.valid("param").id, c.req.valid("json"));
    return c.json(await updateTrainer({ ctx: serviceContext(c), input }), 200);
  })
  .openapi(deleteRoute(tags, "Remove a trainer who delivered no session (STAFF, ADMIN)", { stale: "Stale version, or sessions name the trainer" }), async (c) => {
    await deleteTrainer({ ctx: serviceContext(c), input: versionedDelete(c, c.req.valid("param").id) });
    return c.body(null, 204);
  });
