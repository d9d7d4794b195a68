import type { AccessTable } from "../access.js";

// Contributions and payments received, exchange rates, budgets and expenditure.
export const MONEY_ACCESS: AccessTable = {};
