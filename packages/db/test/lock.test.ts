import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { acquireDataDirLock, DataDirInUseError } from "../src/lock.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "vep-lock-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

it("refuses a data directory held by a live process, and takes it once released", async () => {
  const dataDir = path.join(dir, "pglite");
  const lock = await acquireDataDirLock(dataDir);
  await expect(acquireDataDirLock(dataDir)).rejects.toBeInstanceOf(DataDirInUseError);
  await lock.release();
  const again = await acquireDataDirLock(dataDir);
  await again.release();
});

it("takes over a lock left by a process that is gone", async () => {
  const dataDir = path.join(dir, "stale");
  const child = spawn(process.execPath, ["-e", ""]);
  const deadPid = child.pid!;
  await new Promise((resolve) => child.on("exit", resolve));
  await writeFile(`${dataDir}.lock`, String(deadPid));
  const lock = await acquireDataDirLock(dataDir);
  await lock.release();
});
