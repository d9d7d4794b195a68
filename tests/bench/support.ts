// What the benchmarks share: a fresh PostgreSQL database, the built API started on it as its own
// process (so that its memory is its own), and figures from timings.
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { resolve, join } from "node:path";
import pg from "pg";

export const ROOT = resolve(import.meta.dirname, "../..");
export const ADMIN_URL = process.env.PG_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

export async function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** Peak resident memory of a process so far (Linux), in MB. */
export function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

/** The built API (`npm run build`) on `databaseUrl`: it migrates and loads the demo data, then says ready. */
export async function startApi(databaseUrl: string): Promise<{ url: string; child: ChildProcess; stop(): Promise<void> }> {
  const port = await freePort();
  // API_NODE_ARGS passes flags to the API's node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it.
  const nodeArgs = (process.env.API_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, join(ROOT, "apps/api/dist/server.js")], {
    env: { ...process.env, DATABASE_URL: databaseUrl, API_PORT: String(port), HOST: "127.0.0.1", LOG_REQUESTS: "off" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  // API_LOG=<file> keeps what the API prints (with --trace-gc, say).
  if (process.env.API_LOG) child.stdout!.pipe(createWriteStream(process.env.API_LOG));
  await new Promise<void>((ready, fail) => {
    child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("[api] ready") && ready());
    child.once("exit", (code) => fail(new Error(`API exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await new Promise((done) => child.once("exit", done));
    },
  };
}

/** A new database for one run, dropped by `drop()`. */
export async function freshDatabase(prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const name = `${prefix}_${Date.now()}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

export async function login(api: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${api}/api/v1/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password }) });
  if (res.status !== 200) throw new Error(`sign-in as ${email} failed: ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

/** p50/p95/max of a list of milliseconds. */
export function percentiles(ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { p50: +at(0.5).toFixed(1), p95: +at(0.95).toFixed(1), max: +sorted[sorted.length - 1]!.toFixed(1) };
}
