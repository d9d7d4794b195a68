import { createRoute, z } from "@hono/zod-openapi";
import { PageQuerySchema, PasswordResetSchema, ROLES, UserInputSchema, UserSchema, UserUpdateSchema, pageOf } from "@vep/domain";
import { serviceContext } from "../../http/context.js";
import { sortParam } from "../../http/pagination.js";
import { getRoute, IdParam, json, listRoute, notFound, patchRoute, postRoute, refusals, versionedChanges } from "../../http/openapi.js";
import { bearerAuth, newRouter } from "../../http/router.js";
import { createUser, getUser, listUsers, resetPassword, updateUser } from "./service.js";

const tags = ["Users"];

const listUsersRoute = listRoute(
  tags,
  "User accounts",
  PageQuerySchema.extend({
    role: z.enum(ROLES).optional(),
    organisationId: z.uuid().optional(),
    isActive: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
    q: z.string().trim().min(1).max(100).optional(),
    sort: sortParam(["email", "createdAt"], "email"),
  }),
  pageOf(UserSchema),
);
const getUserRoute = getRoute(tags, "One user", UserSchema);
const createUserRoute = postRoute(tags, "Create an account", UserInputSchema, UserSchema, "E-mail taken");
const updateUserRoute = patchRoute(tags, "Change role, organisation, language; deactivate or reactivate (ends the user's sessions)", UserUpdateSchema, UserSchema);
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
  .openapi(listUsersRoute, async (c) => c.json(await listUsers({ ctx: serviceContext(c), input: c.req.valid("query") }), 200))
  .openapi(getUserRoute, async (c) => c.json(await getUser({ ctx: serviceContext(c), input: c.req.valid("param") }), 200))
  .openapi(createUserRoute, async (c) => c.json(await createUser({ ctx: serviceContext(c), input: c.req.valid("json") }), 201))
  .openapi(updateUserRoute, async (c) => c.json(await updateUser({ ctx: serviceContext(c), input: versionedChanges(c, c.req.valid("param").id, c.req.valid("json")) }), 200))
  .openapi(passwordRoute, async (c) => {
    await resetPassword({ ctx: serviceContext(c), input: { id: c.req.valid("param").id, password: c.req.valid("json").password } });
    return c.body(null, 204);
  });
