// What a caller reaches in the people area. A PARTNER reaches the activities its organisation is
// assigned to and the people of its organisation and its departments; STAFF and ADMIN reach all.
// DONOR and anonymous callers never get here (no row in the access table). Also the checks every
// service of the area makes the same way: references in a body, rule problems, audit-safe records.
import type { Prisma } from "@vep/db";
import { RuleViolationError, msg, type MessageText } from "@vep/domain";
import type { ServiceContext } from "../http/context.js";

const isPartner = (ctx: ServiceContext) => ctx.scope === "own-organisation";
/** A partner user without an organisation reaches nothing ("none" matches no id). */
const ownOrganisation = (ctx: ServiceContext) => ctx.user.organisationId ?? "none";

export function personScope(ctx: ServiceContext): Prisma.PersonWhereInput {
  if (!isPartner(ctx)) return {};
  const own = ownOrganisation(ctx);
  return { OR: [{ organisationId: own }, { organisation: { is: { parentId: own } } }] };
}

export function activityScope(ctx: ServiceContext): Prisma.ActivityWhereInput {
  return isPartner(ctx) ? { partners: { some: { organisationId: ownOrganisation(ctx) } } } : {};
}

/** A partner sees a feedback response only when it is one of its people's, in one of its activities. */
export function feedbackResponseScope(ctx: ServiceContext): Prisma.FeedbackResponseWhereInput {
  return isPartner(ctx) ? { activity: activityScope(ctx), person: { is: personScope(ctx) } } : {};
}

type Db = Prisma.TransactionClient;
const exists = (count: Promise<number>) => count.then((n) => n > 0);

/** How to find each kind of record a request body may refer to. */
const LOOKUPS = {
  activityId: (db: Db, id: string) => exists(db.activity.count({ where: { id } })),
  personId: (db: Db, id: string) => exists(db.person.count({ where: { id } })),
  organisationId: (db: Db, id: string) => exists(db.organisation.count({ where: { id } })),
  regionId: (db: Db, id: string) => exists(db.region.count({ where: { id } })),
  respondentRegionId: (db: Db, id: string) => exists(db.region.count({ where: { id } })),
  formId: (db: Db, id: string) => exists(db.feedbackForm.count({ where: { id } })),
  feedbackResponseId: (db: Db, id: string) => exists(db.feedbackResponse.count({ where: { id } })),
} as const;

/** Refuses (400, per field) a body that refers to records that do not exist, instead of a database error. */
export async function ensureReferencesExist(db: Db, references: Partial<Record<keyof typeof LOOKUPS, string | null | undefined>>): Promise<void> {
  const checks = Object.entries(references).filter((entry): entry is [keyof typeof LOOKUPS, string] => typeof entry[1] === "string");
  const found = await Promise.all(checks.map(([field, id]) => LOOKUPS[field](db, id)));
  const missing = Object.fromEntries(checks.filter((_, i) => !found[i]).map(([field]) => [`body.${field}`, msg("ref.noSuchRecord")]));
  if (Object.keys(missing).length > 0) throw new RuleViolationError(msg("ref.recordsMissing"), missing);
}

/** A rule's problems (keyed by body field) as a 400. */
export function refuseProblems(message: MessageText, problems: Readonly<Record<string, MessageText>>): void {
  const entries = Object.entries(problems);
  if (entries.length > 0) throw new RuleViolationError(message, Object.fromEntries(entries.map(([field, why]) => [`body.${field}`, why])));
}

export const iso = (date: Date) => date.toISOString();
export const isoOrNull = (date: Date | null) => date?.toISOString() ?? null;

/**
 * A record for the audit trail without the free text a person wrote or the name beside a quote: the
 * shared redactor knows only the Person fields, and an erasure must not leave these behind.
 */
export function withoutFreeText<T extends object>(row: T, fields: readonly (keyof T)[]): T {
  const copy = { ...row };
  for (const field of fields) if (copy[field] !== null && copy[field] !== undefined) copy[field] = "[redacted]" as T[keyof T];
  return copy;
}
