import { createRequire } from "node:module";
import path from "node:path";

// Resolved through the package name rather than import.meta.url so that the paths still hold when
// this package is bundled into an app (apps/api/dist).
const require = createRequire(import.meta.url);
const packageRoot = path.dirname(require.resolve("@vep/db/package.json"));

export const schemaPath = path.join(packageRoot, "prisma", "schema.prisma");
export const migrationsDir = path.join(packageRoot, "prisma", "migrations");
