// npm run seed:scale -- --size S|M|L
// Writes a large generated programme (src/seed/scale.ts) into the PostgreSQL database at DATABASE_URL:
// migrations applied and the reference case loaded first when the database is empty, so that the demo
// logins work on it. Prints what was written and how long it took.
import { parseArgs } from "node:util";
import { applyMigrations, isPostgresUrl, openDatabase } from "../src/index.js";
import { seedReferenceCase } from "../src/seed/index.js";
import { generateScale, SCALE_SIZES, type ScaleSizeName } from "../src/seed/scale.js";

const { values } = parseArgs({ options: { size: { type: "string", default: "S" } } });
const size = values.size?.toUpperCase();
const url = process.env.DATABASE_URL;
if (!size || !(size in SCALE_SIZES) || !isPostgresUrl(url)) {
  console.error("Usage: DATABASE_URL=postgresql://… npm run seed:scale -- --size S|M|L   (a PostgreSQL database, best a fresh one)");
  process.exit(2);
}

const database = await openDatabase({ url });
try {
  const started = performance.now();
  await applyMigrations(database.adapterFactory);
  if ((await database.prisma.programme.count()) === 0) await seedReferenceCase(database.prisma);
  const result = await generateScale(database.prisma, size as ScaleSizeName);
  const total = (performance.now() - started) / 1000;
  console.log(`Generated programme ${result.programmeId} (size ${size}) in ${result.seconds.toFixed(1)} s (${total.toFixed(1)} s with migrations and the reference case):`);
  console.table(result.rows);
} finally {
  await database.close();
}
