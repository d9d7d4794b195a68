import type { AccessTable } from "../access.js";

// Contributions and payments received, exchange rates, budgets and expenditure.
// STAFF and ADMIN write; a DONOR reads the money of the programmes it co-funds (every funder's
// contributions to them, as IATI publishes them) and the exchange rates (reference data).
// Partners see no finance.
const write = { ADMIN: "all", STAFF: "all" } as const;
const programmeMoney = { ADMIN: "all", STAFF: "all", DONOR: "funded-programmes" } as const;
const referenceData = { ADMIN: "all", STAFF: "all", DONOR: "all" } as const;

export const MONEY_ACCESS: AccessTable = {
  "GET /api/v1/contributions": programmeMoney,
  "POST /api/v1/contributions": write,
  "GET /api/v1/contributions/:id": programmeMoney,
  "PATCH /api/v1/contributions/:id": write,
  "DELETE /api/v1/contributions/:id": write,
  "POST /api/v1/contributions/:id/payments": write,
  "PATCH /api/v1/contribution-payments/:id": write,
  "DELETE /api/v1/contribution-payments/:id": write,

  "GET /api/v1/exchange-rates": referenceData,
  "POST /api/v1/exchange-rates": write,
  "GET /api/v1/exchange-rates/:id": referenceData,
  "PATCH /api/v1/exchange-rates/:id": write,
  "DELETE /api/v1/exchange-rates/:id": write,

  "GET /api/v1/budgets": programmeMoney,
  "POST /api/v1/budgets": write,
  "GET /api/v1/budgets/:id": programmeMoney,
  "PATCH /api/v1/budgets/:id": write,
  "DELETE /api/v1/budgets/:id": write,

  "GET /api/v1/expenditures": programmeMoney,
  "POST /api/v1/expenditures": write,
  "GET /api/v1/expenditures/:id": programmeMoney,
  "PATCH /api/v1/expenditures/:id": write,
  "DELETE /api/v1/expenditures/:id": write,
};
