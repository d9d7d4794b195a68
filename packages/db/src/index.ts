export { openDatabase, isPostgresUrl, describeUrl, type Database, type Engine, type OpenDatabaseOptions } from "./client.js";
export { applyMigrations, readMigrations } from "./migrator.js";
export { migrationDrift } from "./drift.js";
export { DataDirInUseError } from "./lock.js";
export { hashPassword, verifyPassword } from "./password.js";
export * from "./generated/prisma/client.js";
