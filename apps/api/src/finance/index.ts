import { newRouter } from "../http/router.js";

/** Programmes (with their countries and participating organisations), countries and regions, donors. */
export const financeRoutes = newRouter();
