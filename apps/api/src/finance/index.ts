import { newRouter } from "../http/router.js";
import { donorRoutes } from "./donors/routes.js";
import { countryRoutes, regionRoutes } from "./geography/routes.js";
import { programmeRoutes } from "./programmes/routes.js";

/** Programmes (with their countries and participating organisations), countries and regions, donors. */
export const financeRoutes = newRouter()
  .route("/programmes", programmeRoutes)
  .route("/countries", countryRoutes)
  .route("/regions", regionRoutes)
  .route("/donors", donorRoutes);
