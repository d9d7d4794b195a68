import { newRouter } from "../http/router.js";

/** Programmes, countries and regions, donors and contributions, exchange rates, budgets and expenditure. */
export const financeRoutes = newRouter();
