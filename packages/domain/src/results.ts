// Schemas of the results area (request and response bodies), shared by the API and the dashboard.
export {};
