// The donor's reach: the programmes it co-funds (has a contribution to).
import type { Prisma } from "@vep/db";
import type { ServiceContext } from "./context.js";

/**
 * The programmes a DONOR caller co-funds, as a Programme filter (`{ programme: fundedProgrammes(ctx) }` on
 * records that belong to a programme). A donor account without a donor reaches nothing ("none" is no id).
 */
export function fundedProgrammes(ctx: ServiceContext): Prisma.ProgrammeWhereInput {
  return { contributions: { some: { donorId: ctx.user.donorId ?? "none" } } };
}
