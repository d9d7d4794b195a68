// A real API on an ephemeral port over a fresh, seeded test database (PGlite or PostgreSQL).
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { readMigrations, type Database } from "@vep/db";
import { seedReferenceCase } from "@vep/db/seed";
import { createTestDatabase } from "@vep/db/testing";
import { createApp, type AppDeps } from "../src/app.js";
import type { FigureCache } from "../src/http/figure-cache.js";

export const DASHBOARD_ORIGIN = "http://127.0.0.1:3000";

export interface RunningApi {
  url: string;
  db: Database;
  app: ReturnType<typeof createApp>;
  /** The structured request log lines the API wrote. */
  logs: Record<string, unknown>[];
  close(): Promise<void>;
}

export interface StartOptions extends Pick<AppDeps, "feedbackThrottle"> {
  seed?: boolean;
  /** Keep whole-programme figures between requests, fed by the database's change notices, as the server does. */
  figures?: FigureCache;
  /** Counts every database operation the API makes (model calls and raw queries). */
  queryCounter?: { count: number };
}

export async function startApi(options: StartOptions = {}): Promise<RunningApi> {
  const db = await createTestDatabase();
  if (options.seed ?? true) await seedReferenceCase(db.prisma);
  const stopWatching = options.figures ? await db.watchChanges(options.figures) : async () => undefined;
  const migrations = (await readMigrations()).migrationDirectories.map((m) => m.path);
  const logs: Record<string, unknown>[] = [];
  const counter = options.queryCounter;
  const prisma = counter
    ? (db.prisma.$extends({ query: { $allOperations: ({ args, query }) => (counter.count++, query(args)) } }) as unknown as typeof db.prisma)
    : db.prisma;
  const app = createApp({ db: prisma, engine: db.engine, migrations, webOrigins: [DASHBOARD_ORIGIN], log: (line) => logs.push(line), ...(options.feedbackThrottle ? { feedbackThrottle: options.feedbackThrottle } : {}), ...(options.figures ? { figures: options.figures } : {}) });
  const server = serve({ fetch: app.fetch, hostname: "127.0.0.1", port: 0 });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    app,
    logs,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await stopWatching();
      await db.close();
    },
  };
}

export const DEMO_PASSWORDS = { ADMIN: "demo-admin-2020", STAFF: "demo-staff-2020", PARTNER: "demo-partner-2020", DONOR: "demo-donor-2020" } as const;

/** A fresh session token for a seeded demo user of `role`. */
export async function signIn(api: RunningApi, role: keyof typeof DEMO_PASSWORDS): Promise<string> {
  const res = await fetch(`${api.url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: `${role.toLowerCase()}@vep.example`, password: DEMO_PASSWORDS[role] }),
  });
  if (res.status !== 200) throw new Error(`sign-in as ${role} failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}
