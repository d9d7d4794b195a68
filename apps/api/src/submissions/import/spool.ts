// An upload copied to a temporary file as it arrives, hashed on the way: an import needs the file's hash
// before it starts (to recognise a repeated request) and reads the rows afterwards, streaming, inside its
// transaction. A file on disk, not in memory, however large the list.
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";

export interface SpooledUpload {
  sha256: string;
  read(): AsyncIterable<Uint8Array>;
  remove(): Promise<void>;
}

const PREFIX = "vep-upload-";
/** An import's transaction lasts two minutes at most: a spool this old belongs to a process that died. */
const STALE_MS = 60 * 60 * 1000;

export async function spool(body: AsyncIterable<Uint8Array>, root = tmpdir()): Promise<SpooledUpload> {
  const dir = await mkdtemp(path.join(root, PREFIX));
  const remove = () => rm(dir, { recursive: true, force: true });
  const file = path.join(dir, "upload");
  const hash = createHash("sha256");
  try {
    await pipeline(
      body,
      async function* (source: AsyncIterable<Uint8Array>) {
        for await (const chunk of source) {
          hash.update(chunk);
          yield chunk;
        }
      },
      createWriteStream(file, { mode: 0o600 }),
    );
  } catch (error) {
    await remove();
    throw error;
  }
  return { sha256: hash.digest("hex"), read: () => createReadStream(file), remove };
}

/** Removes spools left by processes killed mid-import (at start-up); returns how many. */
export async function sweepStaleUploads(root = tmpdir(), now = Date.now()): Promise<number> {
  let removed = 0;
  for (const name of await readdir(root)) {
    if (!name.startsWith(PREFIX)) continue;
    const dir = path.join(root, name);
    const { mtimeMs } = await stat(dir).catch(() => ({ mtimeMs: now }));
    if (now - mtimeMs < STALE_MS) continue;
    await rm(dir, { recursive: true, force: true });
    removed += 1;
  }
  return removed;
}
