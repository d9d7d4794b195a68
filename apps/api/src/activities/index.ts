import { newRouter } from "../http/router.js";
import { activityResourceRoutes } from "./routes.js";
import { sessionRoutes } from "./sessions/routes.js";
import { trainerRoutes } from "./trainers/routes.js";

/** Activities with sessions, regions, partners, outputs and donors; trainers and their sessions. */
export const activityRoutes = newRouter().route("/activities", activityResourceRoutes).route("/", sessionRoutes).route("/trainers", trainerRoutes);
