// Schemas of the money area (request and response bodies), shared by the API and the dashboard.
export {};
