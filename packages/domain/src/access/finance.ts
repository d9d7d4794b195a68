import type { AccessTable } from "../access.js";

// Programmes, countries and regions, donors, contributions, exchange rates, budgets and expenditure.
export const FINANCE_ACCESS: AccessTable = {};
