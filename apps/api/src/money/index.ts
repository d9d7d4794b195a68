import { newRouter } from "../http/router.js";

/** Contributions and payments received, exchange rates, budgets and expenditure. */
export const moneyRoutes = newRouter();
