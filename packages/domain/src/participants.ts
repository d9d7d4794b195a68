// Schemas of the people area (participants, enrolments, attendance, feedback, quotes), shared by the API and the dashboard.
export {};
