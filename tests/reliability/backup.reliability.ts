// (e) db:backup / db:restore round-trip the reference dataset exactly, on both engines: every table's
// rows (count and md5 of the rows as text, in order) are the same after a restore into an empty database
// or data directory; the embedded database refuses a backup while the API holds it.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fingerprint, ROOT, startApi, startPostgres, type Postgres } from "./support.js";

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), "vep-reliability-backup-"));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** `npm run db:backup|db:restore -w @vep/db -- ARGS` with only the database variables given. */
async function dbScript(script: "db:backup" | "db:restore", args: string[], env: { DATABASE_URL?: string }): Promise<{ code: number; output: string }> {
  const { DATABASE_URL: _url, PGLITE_DIR: _dir, ...inherited } = process.env;
  try {
    const { stdout, stderr } = await promisify(execFile)("npm", ["run", "--silent", script, "-w", "@vep/db", "--", ...args], { cwd: ROOT, env: { ...inherited, ...env } });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? 1, output: `${e.stdout ?? ""}${e.stderr ?? ""}` };
  }
}

const tableCount = (print: Record<string, unknown>) => Object.keys(print).length;

describe("PostgreSQL: pg_dump -Fc and pg_restore", () => {
  let pg: Postgres;
  beforeAll(async () => {
    pg = await startPostgres();
  });
  afterAll(() => pg?.destroy());

  it("restores the seeded reference dataset into an empty database exactly", async () => {
    const source = await pg.createDatabase("source");
    const api = await startApi({ DATABASE_URL: source });
    expect(await api.stop()).toBe(0);
    const original = await fingerprint({ url: source });

    const file = path.join(scratch, "vep.pgdump");
    const backup = await dbScript("db:backup", ["--out", file], { DATABASE_URL: source });
    expect(backup.code, backup.output).toBe(0);
    const target = await pg.createDatabase("target");
    const restore = await dbScript("db:restore", ["--in", file], { DATABASE_URL: target });
    expect(restore.code, restore.output).toBe(0);
    const restored = await fingerprint({ url: target });

    console.log(`[reliability] ${JSON.stringify({ label: "backup/restore postgresql", tables: tableCount(original), rows: Object.values(original).reduce((n, t) => n + t.rows, 0), backup: backup.output.trim(), restore: restore.output.trim() })}`);
    expect(tableCount(original)).toBeGreaterThan(20);
    expect(original.Participant?.rows ?? original.Person?.rows).toBeGreaterThan(0);
    expect(restored).toEqual(original);

    // A database that already holds data is not overwritten by mistake.
    const again = await dbScript("db:restore", ["--in", file], { DATABASE_URL: target });
    expect(again.code).not.toBe(0);
    expect(again.output).toMatch(/already has tables/);
    // And the restored database serves: migrations recorded, health ok.
    const served = await startApi({ DATABASE_URL: target });
    try {
      expect((await fetch(`${served.url}/api/health`)).status).toBe(200);
    } finally {
      await served.stop();
    }
  });
});

describe("PGlite: data-directory dump", () => {
  it("refuses while the API runs, and restores into an empty directory exactly", async () => {
    const dataDir = path.join(scratch, "pglite");
    const file = path.join(scratch, "vep.pglite.tar.gz");
    const api = await startApi({ PGLITE_DIR: dataDir });
    try {
      const refused = await dbScript("db:backup", ["--out", file, "--data-dir", dataDir], {});
      expect(refused.code).not.toBe(0);
      expect(refused.output).toMatch(/in use by process/);
    } finally {
      expect(await api.stop()).toBe(0);
    }
    const original = await fingerprint({ dataDir });

    const backup = await dbScript("db:backup", ["--out", file, "--data-dir", dataDir], {});
    expect(backup.code, backup.output).toBe(0);
    const restoredDir = path.join(scratch, "pglite-restored");
    const restore = await dbScript("db:restore", ["--in", file, "--data-dir", restoredDir], {});
    expect(restore.code, restore.output).toBe(0);
    const restored = await fingerprint({ dataDir: restoredDir });

    console.log(`[reliability] ${JSON.stringify({ label: "backup/restore pglite", tables: tableCount(original), rows: Object.values(original).reduce((n, t) => n + t.rows, 0), backup: backup.output.trim(), restore: restore.output.trim() })}`);
    expect(tableCount(original)).toBeGreaterThan(20);
    expect(restored).toEqual(original);

    // Not over a database that is there.
    const again = await dbScript("db:restore", ["--in", file, "--data-dir", restoredDir], {});
    expect(again.code).not.toBe(0);
    expect(again.output).toMatch(/not empty/);
    // Nor a PostgreSQL dump into PGlite: the formats are told apart.
    const pgDump = path.join(scratch, "looks-like.pgdump");
    writeFileSync(pgDump, "PGDMP\u0001\u000e\u0000");
    const wrong = await dbScript("db:restore", ["--in", pgDump, "--data-dir", path.join(scratch, "elsewhere")], {});
    expect(wrong.code).not.toBe(0);
    expect(wrong.output).toMatch(/PostgreSQL backup/);
  });
});
