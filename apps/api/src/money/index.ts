import { newRouter } from "../http/router.js";
import { budgetRoutes } from "./budgets/routes.js";
import { contributionPaymentRoutes } from "./contributions/payment-routes.js";
import { contributionRoutes } from "./contributions/routes.js";
import { exchangeRateRoutes } from "./exchange-rates/routes.js";
import { expenditureRoutes } from "./expenditures/routes.js";

/** Contributions and payments received, exchange rates, budgets and expenditure. */
export const moneyRoutes = newRouter()
  .route("/contributions", contributionRoutes)
  .route("/contribution-payments", contributionPaymentRoutes)
  .route("/exchange-rates", exchangeRateRoutes)
  .route("/budgets", budgetRoutes)
  .route("/expenditures", expenditureRoutes);
