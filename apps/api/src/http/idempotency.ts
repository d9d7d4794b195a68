// Idempotency-Key: a client that repeats a write (a retry after a dropped connection, a double click)
// with the same key gets the first answer again instead of a second write. The key is claimed inside the
// write's own transaction, so a concurrent twin waits on the unique index and then replays; a request
// that fails writes nothing, the key included, and may be retried with the same key.
import { z } from "@hono/zod-openapi";
import type { Prisma, PrismaClient } from "@vep/db";
import { ConflictError, english, msg } from "@vep/domain";

export const IdempotencyHeaders = z.object({
  "idempotency-key": z
    .string()
    .min(8)
    .max(200)
    .regex(/^[\x21-\x7e]+$/, english("http.idempotencyKeyFormat"))
    .optional()
    .meta({ description: "Repeat a request with the same key to get the first answer instead of a second write (kept per user)" }),
});

export interface IdempotentResult<T> {
  status: 201 | 200;
  body: T;
  /** True when this is the stored answer to an earlier request with the same key. */
  replayed: boolean;
}

type TransactionOptions = { timeout?: number; maxWait?: number };

const isUniqueViolation = (error: unknown) => (error as { code?: unknown }).code === "P2002";

export async function idempotent<T>(
  db: PrismaClient,
  claim: { userId: string; key: string | undefined; requestHash: string },
  write: (tx: Prisma.TransactionClient) => Promise<{ status: 201 | 200; body: T }>,
  options: TransactionOptions = {},
): Promise<IdempotentResult<T>> {
  const { userId, key, requestHash } = claim;
  if (key === undefined) return { ...(await db.$transaction(write, options)), replayed: false };

  const replay = async (): Promise<IdempotentResult<T> | null> => {
    const earlier = await db.idempotencyKey.findUnique({ where: { userId_key: { userId, key } } });
    if (!earlier) return null;
    if (earlier.requestHash !== requestHash) throw new ConflictError(msg("http.idempotencyReused"));
    return { status: earlier.statusCode as 201 | 200, body: earlier.response as T, replayed: true };
  };

  const earlier = await replay();
  if (earlier) return earlier;
  try {
    return await db.$transaction(async (tx) => {
      await tx.idempotencyKey.create({ data: { userId, key, requestHash, statusCode: 0, response: {} } });
      const result = await write(tx);
      await tx.idempotencyKey.update({ where: { userId_key: { userId, key } }, data: { statusCode: result.status, response: result.body as Prisma.InputJsonValue } });
      return { ...result, replayed: false };
    }, options);
  } catch (error) {
    // A twin with the same key committed first: answer as it did.
    if (isUniqueViolation(error)) {
      const twin = await replay();
      if (twin) return twin;
    }
    throw error;
  }
}
