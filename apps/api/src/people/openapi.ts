// Pieces every route of the people area declares the same way.
import { z } from "@hono/zod-openapi";
import { ProblemSchema } from "../http/router.js";

export const IdParam = z.object({ id: z.uuid() });
export const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });
export const refusals = {
  400: { description: "Invalid input", content: ProblemSchema },
  401: { description: "Not signed in", content: ProblemSchema },
  403: { description: "Role not allowed", content: ProblemSchema },
};
export const notFound = { 404: { description: "Not found, or outside the caller's scope", content: ProblemSchema } };
export const conflict = (description: string) => ({ 409: { description, content: ProblemSchema } });
