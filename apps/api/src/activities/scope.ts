// What each caller reaches in this area, as Prisma filters, and what it may see of what it reaches.
import type { Prisma } from "@vep/db";
import { suppressSmall, type Cell } from "@vep/domain";
import type { ServiceContext } from "../http/context.js";
import { fundedProgrammes } from "../http/scope.js";

/** Matches no row: a partner account without its organisation reaches nothing. */
const NOBODY = "00000000-0000-0000-0000-000000000000";

/** Partners: activities their organisation is assigned to. Donors: activities of programmes they co-fund. */
export function activityScope(ctx: ServiceContext): Prisma.ActivityWhereInput {
  switch (ctx.scope) {
    case "own-organisation":
      return { partners: { some: { organisationId: ctx.user.organisationId ?? NOBODY } } };
    case "funded-programmes":
      return { programme: fundedProgrammes(ctx) };
    default:
      return {};
  }
}

/** Trainers are people: only the programme team sees who they are. */
export const seesTrainers = (ctx: ServiceContext) => ctx.scope === "all";

/** A count of people as the caller may see it: donors get small counts suppressed. */
export function peopleCount(ctx: ServiceContext, count: number, base?: number): Cell {
  return ctx.scope === "funded-programmes" ? suppressSmall(count, base) : { value: count, suppressed: false };
}
