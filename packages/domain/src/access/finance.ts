import type { AccessTable } from "../access.js";

// Programmes (with their countries and participating organisations), countries and regions, donors.
export const FINANCE_ACCESS: AccessTable = {};
