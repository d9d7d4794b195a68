// Child process of the API's start-up (start.ts): applies pending migrations on its own connection,
// reports their names to the parent and exits. The schema engine (WebAssembly) and, on the embedded
// database, a first PGlite instance live only in this process, so their memory goes with it: a worker
// thread would leave much of it behind in the allocator's arenas (measured: ~110 MB of ~380 MB).
import { migrateDatabase } from "@vep/db";

const target = JSON.parse(process.env.VEP_MIGRATE_TARGET ?? "{}") as { url?: string; dataDir?: string };
try {
  const applied = await migrateDatabase(target);
  process.send!({ applied }, () => process.exit(0));
} catch (error) {
  console.error(error);
  process.send!({ error: error instanceof Error ? error.message : String(error) }, () => process.exit(1));
}
