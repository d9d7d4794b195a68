// PostgreSQL ending a connection the application holds (a restart, an administrator, a crash) must fail
// that connection's queries, never the process: an "error" event nobody hears ends Node.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Pool, PoolClient } from "pg";
import { isPostgresUrl, type Database } from "../src/client.js";
import { createTestDatabase } from "../src/testing/index.js";

const onPostgres = isPostgresUrl(process.env.DATABASE_URL);
let db: Database;
beforeAll(async () => {
  if (onPostgres) db = await createTestDatabase();
});
afterAll(() => db?.close());

it.runIf(onPostgres)("survives PostgreSQL ending a connection that is handed out but between queries, and serves again", async () => {
  const adapter = await db.adapterFactory.connect();
  const pool = adapter.underlyingDriver() as Pool;
  try {
    // Held the way a transaction holds it just after the pool hands it over: nobody else listens yet.
    const held: PoolClient = await pool.connect();
    const { rows } = await held.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    const ended = new Promise((resolve) => held.once("end", resolve));
    const other = await pool.connect();
    expect((await other.query("SELECT pg_terminate_backend($1) AS done", [rows[0]!.pid])).rows[0].done).toBe(true);
    other.release();
    await ended;
    await expect(held.query("SELECT 1")).rejects.toThrow();
    held.release(new Error("ended by the server"));
    expect((await pool.query<{ one: number }>("SELECT 1 AS one")).rows[0]!.one).toBe(1);
  } finally {
    await adapter.dispose();
  }
});
