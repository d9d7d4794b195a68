// Which indicators a caller reaches, shared by the indicator, target and value services.
import type { Prisma } from "@vep/db";
import { NotFoundError, countsPeople, type Indicator } from "@vep/domain";
import type { ServiceContext } from "../../http/context.js";
import { fundedProgrammes } from "../../http/scope.js";
import type { Db } from "../shared.js";

export function indicatorScope(ctx: ServiceContext): Prisma.IndicatorWhereInput {
  return ctx.scope === "funded-programmes" ? { programme: fundedProgrammes(ctx) } : {};
}

/** The indicator a target or value belongs to, within the caller's scope (404 otherwise). */
export async function findIndicator(db: Db, ctx: ServiceContext, id: string) {
  const indicator = await db.indicator.findFirst({
    where: { AND: [{ id }, indicatorScope(ctx)] },
    select: { id: true, source: true, metric: true, disaggregations: true },
  });
  if (!indicator) throw new NotFoundError("Indicator");
  return indicator;
}

/** Donors see counts of people with cells of 1 or 2 suppressed. */
export const suppressesSmallCells = (ctx: ServiceContext, indicator: { metric: Indicator["metric"] }) => ctx.scope === "funded-programmes" && countsPeople(indicator.metric);

