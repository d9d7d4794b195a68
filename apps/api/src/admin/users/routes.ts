import { createRoute, z } from "@hono/zod-openapi";
import { PageQuerySchema, PasswordResetSchema, ROLES, UserInputSchema, UserSchema, UserUpdateSchema, pageOf } from "@vep/domain";
import { expectedVersion } from "../../http/concurrency.js";
import { serviceContext } from "../../http/context.js";
import { sortParam } from "../../http/pagination.js";
import { bearerAuth, newRouter, ProblemSchema } from "../../http/router.js";
import { createUser, getUser, listUsers, resetPassword, updateUser } from "./service.js";

const tags = ["Users"];
const IdParam = z.object({ id: z.uuid() });
const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });
const refusals = {
  400: { description: "Invalid input", content: ProblemSchema },
  401: { description: "Not signed in", content: ProblemSchema },
  403: { description: "Not an administrator", content: ProblemSchema },
};
const notFound = { 404: { description: "No such user", content: ProblemSchema } };

const listRoute = createRoute({
  method: "get",
  path: "/",
  tags,
  security: bearerAuth,
  summary: "User accounts",
  request: {
    query: PageQuerySchema.extend({
      role: z.enum(ROLES).optional(),
      organisationId: z.uuid().optional(),
      isActive: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
      q: z.string().trim().min(1).max(100).optional(),
      sort: sortParam(["email", "createdAt"], "email"),
    }),
  },
  responses: { 200: { description: "A page of users", content: json(pageOf(UserSchema)) }, ...refusals },
});
const getRoute = createRoute({ method: "get", path: "/{id}", tags, security: bearerAuth, summary: "One user", request: { params: IdParam }, responses: { 200: { description: "The user", content: json(UserSchema) }, ...notFound, ...refusals } });
const createUserRoute = createRoute({
  method: "post",
  path: "/",
  tags,
  security: bearerAuth,
  summary: "Create an account",
  request: { body: { required: true, content: json(UserInputSchema) } },
  responses: { 201: { description: "Created", content: json(UserSchema) }, 409: { description: "E-mail taken", content: ProblemSchema }, ...refusals },
});
const updateRoute = createRoute({
  method: "patch",
  path: "/{id}",
  tags,
  security: bearerAuth,
  summary: "Change role, organisation, language; deactivate or reactivate (ends the user's sessions)",
  request: { params: IdParam, body: { required: true, content: json(UserUpdateSchema) } },
  responses: { 200: { description: "Updated", content: json(UserSchema) }, ...notFound, 409: { description: "Stale version", content: ProblemSchema }, ...refusals },
});
const passwordRoute = createRoute({
  method: "post",
  path: "/{id}/password",
  tags,
  security: bearerAuth,
  summary: "Set a new password (ends the user's sessions)",
  request: { params: IdParam, body: { required: true, content: json(PasswordResetSchema) } },
  responses: { 204: { description: "Password set" }, ...notFound, ...refusals },
});

export const userRoutes = newRouter()
  .openapi(listRoute, async (c) => c.json(await listUsers({ ctx: serviceContext(c), input: c.req.valid("query") }), 200))
  .openapi(getRoute, async (c) => c.json(await getUser({ ctx: serviceContext(c), input: c.req.valid("param") }), 200))
  .openapi(createUserRoute, async (c) => c.json(await createUser({ ctx: serviceContext(c), input: c.req.valid("json") }), 201))
  .openapi(updateRoute, async (c) => {
    const { version, ...changes } = c.req.valid("json");
    const input = { id: c.req.valid("param").id, version: expectedVersion(c.req.header("if-match"), version), changes };
    return c.json(await updateUser({ ctx: serviceContext(c), input }), 200);
  })
  .openapi(passwordRoute, async (c) => {
    await resetPassword({ ctx: serviceContext(c), input: { id: c.req.valid("param").id, password: c.req.valid("json").password } });
    return c.body(null, 204);
  });
