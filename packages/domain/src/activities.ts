// Schemas of the activities area (request and response bodies), shared by the API and the dashboard.
export {};
