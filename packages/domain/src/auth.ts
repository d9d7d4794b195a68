import { z } from "zod";
import { ROLES } from "./access.js";

export const LoginInputSchema = z
  .strictObject({
    email: z.email().max(254).transform((e) => e.toLowerCase()),
    password: z.string().min(1).max(200),
  })
  .meta({ id: "LoginInput" });
export type LoginInput = z.infer<typeof LoginInputSchema>;

export const CurrentUserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    language: z.string(),
    organisation: z.object({ id: z.string(), name: z.string() }).nullable(),
  })
  .meta({ id: "CurrentUser" });
export type CurrentUser = z.infer<typeof CurrentUserSchema>;

/** Languages a user can choose for the dashboard; Kazakh falls back to Russian where a text is missing. */
export const UserLanguageSchema = z.enum(["en", "ru", "kk"]);
export type UserLanguage = z.infer<typeof UserLanguageSchema>;

/** What a signed-in user may change about themselves. */
export const MeUpdateSchema = z.strictObject({ language: UserLanguageSchema }).meta({ id: "MeUpdate" });
export type MeUpdate = z.infer<typeof MeUpdateSchema>;

export const LoginResultSchema = z
  .object({ token: z.string(), expiresAt: z.string(), user: CurrentUserSchema })
  .meta({ id: "LoginResult" });
