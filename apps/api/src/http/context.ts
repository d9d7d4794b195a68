import type { Context } from "hono";
import type { PrismaClient } from "@vep/db";
import type { Scope } from "@vep/domain";
import type { SessionUser } from "../auth/service.js";
import type { AppEnv } from "./router.js";
import type { FigureCache } from "./figure-cache.js";

/** What a use case gets: the database, who is asking, and what the access table grants them. */
export interface ServiceContext {
  db: PrismaClient;
  user: SessionUser;
  scope: Scope;
  clientAddress: string;
  /** Whole-programme figures kept between requests until the data changes. */
  figures: FigureCache;
}

/** The context of a signed-in request (the access table has already refused anonymous callers). */
export function serviceContext(c: Context<AppEnv>): ServiceContext {
  const user = c.var.user;
  if (!user) throw new Error("serviceContext on an anonymous request: the route's access row must not allow ANONYMOUS");
  return { db: c.var.db, user, scope: c.var.scope, clientAddress: c.var.clientAddress, figures: c.var.figures };
}
