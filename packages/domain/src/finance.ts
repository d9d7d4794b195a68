// Schemas of the finance area (request and response bodies), shared by the API and the dashboard.
export {};
