// PGlite takes no lock of its own: a second process opening the same data directory corrupts it.
// We keep a lock file holding the owner's pid and refuse to open a directory whose owner is alive.
import { open, readFile, unlink } from "node:fs/promises";
import path from "node:path";

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
  ) {
    super(`The embedded database at ${dataDir} is in use by process ${ownerPid}. Stop that process first (or remove ${path.join(dataDir, "..", path.basename(dataDir) + ".lock")} if it is gone).`);
    this.name = "DataDirInUseError";
  }
}

export interface DataDirLock {
  release(): Promise<void>;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export async function acquireDataDirLock(dataDir: string): Promise<DataDirLock> {
  // Beside the directory, not inside it: PGlite owns the directory's contents.
  const lockPath = path.join(path.dirname(dataDir), `${path.basename(dataDir)}.lock`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockPath, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      let released = false;
      return {
        async release() {
          if (released) return;
          released = true;
          await unlink(lockPath).catch(() => {});
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const ownerPid = Number.parseInt(await readFile(lockPath, "utf8").catch(() => ""), 10);
      if (Number.isInteger(ownerPid) && isAlive(ownerPid)) {
        throw new DataDirInUseError(dataDir, ownerPid);
      }
      // The owner is gone (crash, kill -9): the lock is stale.
      await unlink(lockPath).catch(() => {});
    }
  }
  throw new Error(`Could not take the lock on ${dataDir}`);
}
