// Optimistic concurrency: a write names the version it read (body `version` or an If-Match header);
// if the record moved on since, the write is refused with 409 instead of silently overwriting.
import { ConflictError, EntityName, msg, NotFoundError, RuleViolationError } from "@vep/domain";

/** The version the client read: from If-Match ("3" or W/"3") or from the body; they must agree. */
export function expectedVersion(ifMatch: string | undefined, bodyVersion: number | undefined): number {
  const fromHeader = ifMatch === undefined ? undefined : Number(/^(?:W\/)?"?(\d+)"?$/.exec(ifMatch.trim())?.[1] ?? Number.NaN);
  if (fromHeader !== undefined && !Number.isInteger(fromHeader)) {
    throw new RuleViolationError(msg("http.invalidIfMatch"), { "header.if-match": msg("http.ifMatchFormat") });
  }
  if (fromHeader !== undefined && bodyVersion !== undefined && fromHeader !== bodyVersion) {
    throw new RuleViolationError(msg("http.conflictingVersions"), { "body.version": msg("http.versionDiffers") });
  }
  const version = fromHeader ?? bodyVersion;
  if (version === undefined) {
    throw new RuleViolationError(msg("http.versionRequired"), { "body.version": msg("http.sendVersion") });
  }
  return version;
}

/** After `updateMany({ where: { id, version, ...scope } })`: 1 row is success; 0 is stale or out of scope. */
export async function ensureUpdated(count: number, stillVisible: () => Promise<boolean>, entity: string): Promise<void> {
  if (count === 1) return;
  if (await stillVisible()) throw new ConflictError(msg("http.stale", { entity: new EntityName(entity, true) }));
  throw new NotFoundError(entity);
}
