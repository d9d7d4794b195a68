import { newRouter } from "../http/router.js";

/** Activities with sessions, regions, partners, outputs and donors; trainers and their sessions. */
export const activityRoutes = newRouter();
