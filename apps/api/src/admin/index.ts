import { newRouter } from "../http/router.js";

/** Users, the audit trail, and the donor progress endpoint. */
export const adminRoutes = newRouter();
