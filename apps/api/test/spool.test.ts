// Uploads wait in a temporary file while an import reads them; spools of a process that died are swept.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rm, utimes } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { spool, sweepStaleUploads } from "../src/submissions/import/spool.js";

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "vep-spool-test-"));
});
afterAll(() => rm(root, { recursive: true, force: true }));

it("keeps the upload's bytes with their hash, and removes them when done", async () => {
  const chunks = [Buffer.from("№;Ф.И.О.\r\n"), Buffer.alloc(200_000, "ж"), Buffer.from("\r\n")];
  const file = await spool((async function* () { yield* chunks; })(), root);
  expect(file.sha256).toBe(createHash("sha256").update(Buffer.concat(chunks)).digest("hex"));
  const read: Buffer[] = [];
  for await (const chunk of file.read()) read.push(Buffer.from(chunk));
  expect(Buffer.concat(read).equals(Buffer.concat(chunks))).toBe(true);
  await file.remove();
  expect(await readdir(root)).toEqual([]);
});

it("leaves nothing behind when the upload breaks off", async () => {
  const broken = (async function* () {
    yield Buffer.from("half a file");
    throw new Error("connection reset");
  })();
  await expect(spool(broken, root)).rejects.toThrow("connection reset");
  expect(await readdir(root)).toEqual([]);
});

it("sweeps spools older than an hour and leaves recent ones and other files alone", async () => {
  const old = path.join(root, "vep-upload-old");
  const recent = path.join(root, "vep-upload-recent");
  const other = path.join(root, "someone-else");
  for (const dir of [old, recent, other]) await mkdir(dir);
  const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
  await utimes(old, twoHoursAgo, twoHoursAgo);
  await utimes(other, twoHoursAgo, twoHoursAgo);
  expect(await sweepStaleUploads(root)).toBe(1);
  expect([existsSync(old), existsSync(recent), existsSync(other)]).toEqual([false, true, true]);
});
