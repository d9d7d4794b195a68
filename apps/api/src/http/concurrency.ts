// Optimistic concurrency: a write names the version it read (body `version` or an If-Match header);
// if the record moved on since, the write is refused with 409 instead of silently overwriting.
import { ConflictError, NotFoundError, RuleViolationError } from "@vep/domain";

/** The version the client read: from If-Match ("3" or W/"3") or from the body; they must agree. */
export function expectedVersion(ifMatch: string | undefined, bodyVersion: number | undefined): number {
  const fromHeader = ifMatch === undefined ? undefined : Number(/^(?:W\/)?"?(\d+)"?$/.exec(ifMatch.trim())?.[1] ?? Number.NaN);
  if (fromHeader !== undefined && !Number.isInteger(fromHeader)) {
    throw new RuleViolationError("Invalid If-Match", { "header.if-match": "Must be the record's version, e.g. \"3\"." });
  }
  if (fromHeader !== undefined && bodyVersion !== undefined && fromHeader !== bodyVersion) {
    throw new RuleViolationError("Conflicting versions", { "body.version": "Differs from the If-Match header." });
  }
  const version = fromHeader ?? bodyVersion;
  if (version === undefined) {
    throw new RuleViolationError("Version required", { "body.version": "Send the version you read (or an If-Match header) so that edits are not lost." });
  }
  return version;
}

/** After `updateMany({ where: { id, version, ...scope } })`: 1 row is success; 0 is stale or out of scope. */
export async function ensureUpdated(count: number, stillVisible: () => Promise<boolean>, entity: string): Promise<void> {
  if (count === 1) return;
  if (await stillVisible()) throw new ConflictError(`The ${entity.toLowerCase()} was changed by someone else. Reload it and apply your change again.`);
  throw new NotFoundError(entity);
}
