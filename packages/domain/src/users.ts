import { z } from "zod";
import { english } from "./messages.js";
import { ROLES } from "./access.js";
import { UserLanguageSchema } from "./auth.js";

const email = z.email().max(254).transform((e) => e.toLowerCase());
/** Long passphrases over character-class rules (NIST SP 800-63B). */
export const PasswordSchema = z.string().min(12, english("users.passwordLength")).max(200);
const language = UserLanguageSchema;

const UserFields = z.strictObject({
  email,
  displayName: z.string().trim().min(1).max(200),
  role: z.enum(ROLES),
  organisationId: z.uuid().nullable(),
  language,
  isActive: z.boolean(),
});

export const UserInputSchema = UserFields.omit({ isActive: true })
  .extend({ organisationId: UserFields.shape.organisationId.default(null), language: language.default("en"), password: PasswordSchema })
  .meta({ id: "UserInput" });
export type UserInput = z.infer<typeof UserInputSchema>;

export const UserUpdateSchema = UserFields.omit({ email: true })
  .partial()
  .extend({ version: z.number().int().positive().optional() })
  .meta({ id: "UserUpdate" });
export type UserUpdate = z.infer<typeof UserUpdateSchema>;

export const PasswordResetSchema = z.strictObject({ password: PasswordSchema }).meta({ id: "PasswordReset" });

export const UserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    organisation: z.object({ id: z.string(), name: z.string() }).nullable(),
    language: z.string(),
    isActive: z.boolean(),
    lastLoginAt: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string(),
  })
  .meta({ id: "User" });
export type User = z.infer<typeof UserSchema>;

export const AuditEventSchema = z
  .object({
    id: z.string(),
    createdAt: z.string(),
    actor: z.object({ id: z.string(), email: z.string() }).nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
    meta: z.unknown().nullable(),
    ipAddress: z.string().nullable(),
  })
  .meta({ id: "AuditEvent" });
