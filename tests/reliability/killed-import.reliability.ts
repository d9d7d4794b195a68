// (d) The API killed (SIGKILL) while it writes a large import: after a restart not one row of that
// import exists, no submission or idempotency record is half-written, and the same upload with the same
// Idempotency-Key then succeeds, once.
import { randomUUID } from "node:crypto";
import { expect, it } from "vitest";
import { openDatabase } from "@vep/db";
import { apiOnOwnPostgres, backends, importParticipants, newActivity, participantCsv, rowCounts, signIn, startApi, waitUntil } from "./support.js";

const ROWS = 50_000;
const stack = apiOnOwnPostgres("kill");

it("leaves no trace of an import whose process was killed mid-commit, and takes the same upload again once", async () => {
  const staff = await signIn(stack.api!, "STAFF");
  const partner = await signIn(stack.api!, "PARTNER");
  const activityId = await newActivity(stack.api!, staff, "Killed import");
  const csv = participantCsv(ROWS);
  const key = `killed-import-${randomUUID()}`;
  const before = await rowCounts(stack.url);

  const first = importParticipants(stack.api!, partner, activityId, csv, key);
  // Mid-commit: the import's transaction is open and has sent its first INSERT of rows.
  const writing = await waitUntil(async () => (await backends(stack.url)).some((b) => b.inTransaction && b.query.includes('INSERT INTO "SubmissionRow"')), 120_000, 10);
  expect(writing, "the import started writing rows").not.toBeNull();
  await stack.api!.kill();
  expect((await first).status, "the client saw the connection drop").toBe(0);
  // PostgreSQL rolls the dead connection's transaction back.
  expect(await waitUntil(async () => (await backends(stack.url)).length === 0, 30_000)).not.toBeNull();

  stack.api = await startApi({ DATABASE_URL: stack.url });
  const after = await rowCounts(stack.url);
  const database = await openDatabase({ url: stack.url });
  try {
    const leftovers = {
      submissions: await database.prisma.submission.count({ where: { activityId } }),
      rows: await database.prisma.submissionRow.count({ where: { submission: { activityId } } }),
      keys: await database.prisma.idempotencyKey.count({ where: { key } }),
    };
    console.log(`[reliability] ${JSON.stringify({ label: "killed import", rows: ROWS, killedAfterMs: writing, leftovers })}`);
    expect(leftovers).toEqual({ submissions: 0, rows: 0, keys: 0 });
    // Not a row more in any table than before the upload (the sessions are the same: tokens survive restarts).
    expect(after).toEqual(before);

    const again = await importParticipants(stack.api!, partner, activityId, csv, key);
    expect(again.status, JSON.stringify(again.body).slice(0, 300)).toBe(201);
    const body = again.body as { submission: { id: string }; imported: { rows: number } };
    expect(body.imported.rows).toBe(ROWS);
    const replay = await importParticipants(stack.api!, partner, activityId, csv, key);
    expect(replay.status).toBe(201);
    expect((replay.body as { submission: { id: string } }).submission.id).toBe(body.submission.id);
    expect(await database.prisma.submissionRow.count({ where: { submission: { activityId } } })).toBe(ROWS);
    expect(await database.prisma.submission.count({ where: { activityId } })).toBe(1);
  } finally {
    await database.close();
  }
});
