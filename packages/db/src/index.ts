export { openDatabase, embeddedDataDir, isPostgresUrl, describeUrl, type Database, type Engine, type OpenDatabaseOptions } from "./client.js";
export { applyMigrations, buildEmbeddedTemplate, migrateDatabase, readMigrations } from "./migrator.js";
export { migrationDrift } from "./drift.js";
export { DATA_CHANGED_CHANNEL, type ChangeListener, type StopWatching } from "./changes.js";
export { DataDirInUseError, acquireDataDirLock, type DataDirLock } from "./lock.js";
export { hashPassword, verifyPassword } from "./password.js";
export { releaseQueryHistory } from "./query-history.js";
export * from "./generated/prisma/client.js";
