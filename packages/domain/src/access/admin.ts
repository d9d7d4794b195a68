import type { AccessTable } from "../access.js";

// Users, the audit trail, and the donor progress endpoint.
export const ADMIN_ACCESS: AccessTable = {};
