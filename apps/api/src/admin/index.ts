import { newRouter } from "../http/router.js";
import { auditRoutes } from "./audit/routes.js";
import { progressRoutes } from "./progress/routes.js";
import { userRoutes } from "./users/routes.js";

/** Users, the audit trail, and the donor progress endpoint. */
export const adminRoutes = newRouter().route("/users", userRoutes).route("/audit", auditRoutes).route("/donor-progress", progressRoutes);
