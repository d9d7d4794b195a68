// What the reliability suites share: a PostgreSQL of their own (initdb + pg_ctl on a spare port in a
// temporary directory, never the shared server on 5432), the built API (`apps/api/dist/server.js`) as a
// child process, HTTP helpers and a participant sheet of any size. Everything started is stopped and
// removed again, also when a test fails (and, as a last resort, when the test process exits).
import { execFile, execFileSync, spawn, type ChildProcess } from "node:child_process";
import { promisify } from "node:util";
import { chownSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "@vep/db";
import { seedId } from "@vep/db/seed";
import pg from "pg";
import { afterAll, beforeAll } from "vitest";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const PG_BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";
export const SECONDS = Number(process.env.RELIABILITY_SECONDS ?? 10);

// ---- clean-up that also runs when a test throws or the process ends ----
const cleanups = new Set<() => void>();
process.once("exit", () => {
  for (const cleanup of cleanups) {
    try {
      cleanup();
    } catch {
      // best effort on the way out
    }
  }
});

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

// ---- PostgreSQL of the test's own ----
function postgresUser() {
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"]).toString().trim());
  return { uid: id("-u"), gid: id("-g") };
}
/** initdb refuses to run as root (CI runs as root): run the server's tools as `postgres` then. */
function asPostgres(tool: string, args: string[]): [string, string[]] {
  const bin = path.join(PG_BIN, tool);
  return process.getuid?.() === 0 ? ["runuser", ["-u", "postgres", "--", bin, ...args]] : [bin, args];
}
function pgTool(tool: string, args: string[]) {
  const [command, argv] = asPostgres(tool, args);
  return execFileSync(command, argv, { stdio: ["ignore", "pipe", "pipe"] }).toString();
}
/** The same without blocking this process's event loop (load keeps running meanwhile). */
async function pgToolAsync(tool: string, args: string[]) {
  const [command, argv] = asPostgres(tool, args);
  await promisify(execFile)(command, argv);
}

export interface Postgres {
  port: number;
  /** postgres:// URL of `database` on this server. */
  url(database?: string): string;
  createDatabase(name: string): Promise<string>;
  /** `pg_ctl stop -m fast` (or immediate: a crash). */
  stop(mode?: "fast" | "immediate"): Promise<void>;
  start(): Promise<void>;
  /** Stops the server (if running) and removes its directory. */
  destroy(): void;
}

export async function startPostgres(): Promise<Postgres> {
  const dir = mkdtempSync(path.join(tmpdir(), "vep-reliability-pg-"));
  const data = path.join(dir, "data");
  if (process.getuid?.() === 0) {
    const { uid, gid } = postgresUser();
    chownSync(dir, uid, gid);
  }
  const port = await freePort();
  let running = false;
  const server: Postgres = {
    port,
    url: (database = "postgres") => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: server.url() });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name}"`);
      } finally {
        await client.end();
      }
      return server.url(name);
    },
    async stop(mode = "fast") {
      await pgToolAsync("pg_ctl", ["-D", data, "-m", mode, "-w", "stop"]);
      running = false;
    },
    async start() {
      // Unix socket in the test's directory, TCP on loopback only.
      running = true;
      await pgToolAsync("pg_ctl", ["-D", data, "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, "-l", path.join(dir, "log"), "-w", "start"]);
    },
    destroy() {
      cleanups.delete(server.destroy);
      try {
        if (running && existsSync(data)) pgTool("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        running = false;
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
  cleanups.add(server.destroy);
  try {
    pgTool("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"]);
    await server.start();
  } catch (error) {
    server.destroy();
    throw error;
  }
  return server;
}

// ---- the built API as a child process ----
export interface Api {
  url: string;
  port: number;
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code (or signal name) once the process has ended. */
  exited: Promise<number | string>;
  /** SIGTERM and wait for the exit. */
  stop(): Promise<number | string>;
  /** SIGKILL and wait. */
  kill(): Promise<number | string>;
  /** Resident memory now (VmRSS) and peak (VmHWM), in MB. */
  memory(): { rss: number; peak: number };
}

export async function startApi(env: { DATABASE_URL?: string; PGLITE_DIR?: string }, options: { port?: number } = {}): Promise<Api> {
  const script = path.join(ROOT, "apps/api/dist/server.js");
  if (!existsSync(script)) throw new Error(`${script} is missing: run "npm run build" first.`);
  const port = options.port ?? (await freePort());
  let output = "";
  // Only the database the test names: never one from the environment (the shared server on 5432).
  const { DATABASE_URL: _url, PGLITE_DIR: _dir, ...inherited } = process.env;
  const child = spawn(process.execPath, [script], {
    cwd: path.join(ROOT, "apps/api"),
    env: { ...inherited, ...env, API_PORT: String(port), HOST: "127.0.0.1", LOG_REQUESTS: "off", NODE_ENV: "development" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const kill = () => child.exitCode === null && child.signalCode === null && child.kill("SIGKILL");
  cleanups.add(kill);
  let stopping = false;
  const exited = new Promise<number | string>((resolve) =>
    child.once("exit", (code, signal) => {
      cleanups.delete(kill);
      // An exit nobody asked for is what a failing test needs explained: show what the API printed.
      if (!stopping) console.error(`[reliability] the API exited unasked (${code ?? signal}); its output:\n${output.slice(-20_000)}`);
      resolve(code ?? signal ?? -1);
    }),
  );
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  await new Promise<void>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`the API did not get ready in 90 s:\n${output}`)), 90_000);
    child.stdout!.on("data", () => output.includes("[api] ready") && (clearTimeout(timer), ready()));
    void exited.then((code) => (clearTimeout(timer), fail(new Error(`the API exited with ${code} while starting:\n${output}`))));
  });
  const api: Api = {
    url: `http://127.0.0.1:${port}`,
    port,
    child,
    output: () => output,
    exited,
    async stop() {
      stopping = true;
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      return exited;
    },
    async kill() {
      stopping = true;
      kill();
      return exited;
    },
    memory() {
      const status = execFileSync("cat", [`/proc/${child.pid}/status`]).toString();
      const mb = (key: string) => Math.round(Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) / 1024);
      return { rss: mb("VmRSS"), peak: mb("VmHWM") };
    },
  };
  return api;
}

// ---- HTTP ----
export interface Reply {
  status: number;
  headers: Headers;
  body: unknown;
  ms: number;
}

/** One request with a deadline; a network failure or a timeout comes back as status 0 with the reason. */
export async function call(api: { url: string }, method: string, pathAndQuery: string, options: { token?: string; json?: unknown; body?: Uint8Array; contentType?: string; headers?: Record<string, string>; timeoutMs?: number } = {}): Promise<Reply> {
  const started = performance.now();
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: BodyInit | undefined;
  if (options.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(options.json);
  } else if (options.body) {
    headers["content-type"] = options.contentType ?? "application/octet-stream";
    body = options.body as Uint8Array<ArrayBuffer>;
  }
  try {
    const res = await fetch(`${api.url}${pathAndQuery}`, { method, headers, body, signal: AbortSignal.timeout(options.timeoutMs ?? 15_000) });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // CSV and other non-JSON bodies stay text
    }
    return { status: res.status, headers: res.headers, body: parsed, ms: performance.now() - started };
  } catch (error) {
    const reason = (error as Error).name === "TimeoutError" ? "timeout" : String((error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message);
    return { status: 0, headers: new Headers(), body: reason, ms: performance.now() - started };
  }
}

export const DEMO = {
  STAFF: { email: "staff@vep.example", password: "demo-staff-2020" },
  PARTNER: { email: "partner@vep.example", password: "demo-partner-2020" },
  DONOR: { email: "donor@vep.example", password: "demo-donor-2020" },
  ADMIN: { email: "admin@vep.example", password: "demo-admin-2020" },
} as const;

export async function signIn(api: { url: string }, role: keyof typeof DEMO): Promise<string> {
  const res = await call(api, "POST", "/api/v1/auth/login", { json: DEMO[role] });
  if (res.status !== 200) throw new Error(`sign-in as ${role} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return (res.body as { token: string }).token;
}

/** Polls until `check` is true or `timeoutMs` passes; returns how long it took, or null on timeout. */
export async function waitUntil(check: () => Promise<boolean> | boolean, timeoutMs: number, everyMs = 100): Promise<number | null> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check()) return Date.now() - started;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return null;
}

export function percentiles(ms: number[]) {
  if (ms.length === 0) return { p50: 0, p95: 0, max: 0 };
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { p50: +at(0.5).toFixed(1), p95: +at(0.95).toFixed(1), max: +sorted[sorted.length - 1]!.toFixed(1) };
}

// ---- a participant sheet like a department's (as tests/bench/imports.ts builds it) ----
const SURNAMES = ["Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин", "Захаров", "Зайцев", "Соловьёв", "Борисов", "Яковлев", "Григорьев", "Ахметов", "Омаров", "Садыков", "Нурланов", "Исаев", "Жумабаев", "Касымов", "Абдуллаев", "Сулейменов", "Бекенов"];
const FIRST = ["Александр", "Сергей", "Дмитрий", "Андрей", "Алексей", "Максим", "Евгений", "Иван", "Михаил", "Артём", "Ерлан", "Нурлан", "Бауыржан", "Данияр", "Асхат", "Марат", "Руслан", "Тимур", "Олег", "Виктор", "Анна", "Мария", "Елена", "Ольга", "Наталья", "Динара", "Айгерим", "Гульнар", "Сауле", "Жанар", "Ирина", "Светлана", "Татьяна", "Юлия", "Екатерина", "Алия", "Асель", "Карина", "Дарья", "Вера"];
const PATRONYMICS = ["Александрович", "Сергеевич", "Дмитриевич", "Андреевич", "Алексеевич", "Иванович", "Михайлович", "Викторович", "Олегович", "Маратович", "Ерланович", "Нурланович", "Бауыржанович", "Асхатович", "Тимурович", "Петрович", "Николаевич", "Юрьевич", "Владимирович", "Евгеньевич", "Геннадьевич", "Борисович", "Романович", "Русланович", "Даниярович", "Кайратович", "Серикович", "Болатович", "Муратович", "Игоревич", "Павлович", "Григорьевич", "Фёдорович", "Степанович", "Аркадьевич", "Львович", "Валерьевич", "Анатольевич", "Константинович", "Леонидович", "Вадимович", "Тимофеевич", "Ярославович", "Эдуардович"];
const REGIONS = ["Акмолинская обл.", "Актюбинская область", "г. Алматы", "Алматинская обл.", "Атырауская область", "ВКО", "Жамбылская обл.", "Карагандинская область", "Костанайская обл.", "Кызылординская область", "Мангистауская обл.", "Павлодарская область", "Северо-Казахстанская обл.", "Туркестанская область", "Западно-Казахстанская обл.", "г. Нур-Султан", "г. Шымкент"];

/** A participant list of `rows` distinct people as a UTF-8 CSV with a title, a header and a total. */
export function participantCsv(rows: number): Uint8Array {
  const lines = ["Список участников", "", "№ п/п;Ф.И.О.;Пол;Область;Должность"];
  for (let n = 0; n < rows; n++) {
    const surname = SURNAMES[n % SURNAMES.length]!;
    const first = FIRST[Math.floor(n / SURNAMES.length) % FIRST.length]!;
    const patronymic = PATRONYMICS[Math.floor(n / (SURNAMES.length * FIRST.length)) % PATRONYMICS.length]!;
    const female = FIRST.indexOf(first) >= 20;
    const name = female ? `${surname}а ${first} ${patronymic.replace(/ич$/, "на")}` : `${surname} ${first} ${patronymic}`;
    lines.push([n + 1, name, female ? "Ж" : "М", REGIONS[n % REGIONS.length], n % 3 === 0 ? "старший инспектор" : "инспектор по связям со СМИ"].join(";"));
  }
  lines.push(`Итого;;;;${rows}`);
  return Buffer.from("\uFEFF" + lines.join("\r\n") + "\r\n", "utf8");
}

// ---- the database as data, for exact comparisons ----
/** Every table of the schema with its row count and the md5 of its rows as text, in order. */
export async function fingerprint(target: { url?: string; dataDir?: string }): Promise<Record<string, { rows: number; md5: string | null }>> {
  const database = await openDatabase(target);
  try {
    const tables = await database.prisma.$queryRawUnsafe<{ name: string }[]>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    const result: Record<string, { rows: number; md5: string | null }> = {};
    for (const { name } of tables) {
      const [row] = await database.prisma.$queryRawUnsafe<{ rows: bigint; md5: string | null }[]>(
        `SELECT count(*) AS rows, md5(string_agg(t::text, E'\\n' ORDER BY t::text)) AS md5 FROM "${name}" t`,
      );
      result[name] = { rows: Number(row!.rows), md5: row!.md5 };
    }
    return result;
  } finally {
    await database.close();
  }
}

/** Row counts of every table, straight from the database. */
export async function rowCounts(url: string): Promise<Record<string, number>> {
  const all = await fingerprint({ url });
  return Object.fromEntries(Object.entries(all).map(([table, { rows }]) => [table, rows]));
}

/** Sessions of other clients on the database: what they run and whether a transaction is open. */
export async function backends(url: string): Promise<{ pid: number; state: string | null; query: string; inTransaction: boolean }[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number; state: string | null; query: string; inTransaction: boolean }>(
      `SELECT pid, state, query, xact_start IS NOT NULL AS "inTransaction" FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
    );
    return rows;
  } finally {
    await client.end();
  }
}

/** A new activity of the seeded programme with the Prison Committee as its partner: an empty list to import into. */
export async function newActivity(api: { url: string }, staffToken: string, title: string): Promise<string> {
  const reply = await call(api, "POST", "/api/v1/activities", {
    token: staffToken,
    json: {
      programmeId: seedId("programme"),
      type: "TRAINING",
      modality: "IN_PERSON",
      title,
      countryId: seedId("country:KZ"),
      startDate: "2021-03-01",
      endDate: "2021-03-05",
      topics: ["reliability"],
      regionIds: [seedId("region:KZ-MAN:2018-06-19")],
      outputIds: [seedId("output:1.1")],
      donorIds: [seedId("donor:NL")],
      partners: [{ organisationId: seedId("org:PRISON_COMMITTEE"), role: "NATIONAL_COUNTERPART" }],
    },
  });
  if (reply.status !== 201) throw new Error(`creating an activity failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return (reply.body as { id: string }).id;
}

/** POSTs a participant list as CSV (as the partner), optionally with an Idempotency-Key. */
export function importParticipants(api: { url: string }, token: string, activityId: string, csv: Uint8Array, idempotencyKey?: string, timeoutMs = 120_000) {
  return call(api, "POST", `/api/v1/activities/${activityId}/participant-imports?fileName=participants.csv`, {
    token,
    body: csv,
    contentType: "text/csv",
    headers: idempotencyKey ? { "idempotency-key": idempotencyKey } : {},
    timeoutMs,
  });
}

/**
 * A test file's own PostgreSQL and the built API on a database of it: started before the file's tests,
 * removed after them even when they fail. A test that restarts the API puts the new one in `stack.api`.
 */
export function apiOnOwnPostgres(teardown: "stop" | "kill" = "stop") {
  const stack = {} as { pg: Postgres; url: string; api: Api | undefined };
  beforeAll(async () => {
    stack.pg = await startPostgres();
    stack.url = await stack.pg.createDatabase("vep");
    stack.api = await startApi({ DATABASE_URL: stack.url });
  });
  afterAll(async () => {
    try {
      await stack.api?.[teardown]();
    } finally {
      stack.pg?.destroy();
    }
  });
  return stack;
}
