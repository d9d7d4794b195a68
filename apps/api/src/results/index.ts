import { newRouter } from "../http/router.js";
import { computationRoutes } from "./computed/routes.js";
import { indicatorRoutes } from "./indicators/routes.js";
import { outcomeRoutes } from "./outcomes/routes.js";
import { outputRoutes } from "./outputs/routes.js";
import { indicatorTargetRoutes, targetRoutes } from "./targets/routes.js";
import { indicatorValueRoutes, valueRoutes } from "./values/routes.js";

/** The results framework: outcomes, outputs, indicators with targets and values. */
export const resultsRoutes = newRouter()
  .route("/outcomes", outcomeRoutes)
  .route("/outputs", outputRoutes)
  .route("/indicators", indicatorRoutes)
  .route("/indicators", indicatorTargetRoutes)
  .route("/indicators", indicatorValueRoutes)
  .route("/indicators", computationRoutes)
  .route("/indicator-targets", targetRoutes)
  .route("/indicator-values", valueRoutes);
