// (c) Graceful shutdown: SIGTERM while a large import is in flight. The import completes with 201 and
// its rows are committed, a new connection made after the signal is refused, idle keep-alive connections
// do not hold the process up, and the process exits 0.
import { connect } from "node:net";
import { expect, it } from "vitest";
import { openDatabase } from "@vep/db";
import { apiOnOwnPostgres, backends, call, importParticipants, newActivity, participantCsv, signIn, waitUntil } from "./support.js";

const ROWS = 20_000;
const stack = apiOnOwnPostgres("kill");

/**
 * Whether a TCP connection to the port is refused (true) or accepted (false). With nothing listening on a
 * port of the ephemeral range, Linux may give the client that very port and connect the socket to itself;
 * such a connection says nothing about the server, so it is tried again.
 */
function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      const selfConnected = socket.localPort === port;
      socket.destroy();
      if (selfConnected) void refused(port).then(resolve);
      else resolve(false);
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code === "ECONNREFUSED"));
  });
}

it("drains in-flight requests on SIGTERM, refuses new connections, and exits 0", async () => {
  const staff = await signIn(stack.api!, "STAFF");
  const partner = await signIn(stack.api!, "PARTNER");
  const activityId = await newActivity(stack.api!, staff, "Graceful shutdown: import in flight");
  // Keep-alive connections left idle in this process's fetch pool.
  for (let i = 0; i < 3; i++) expect((await call(stack.api!, "GET", "/api/v1/activities?limit=5", { token: staff })).status).toBe(200);

  let answeredAt = 0;
  const importing = importParticipants(stack.api!, partner, activityId, participantCsv(ROWS)).then((reply) => ((answeredAt = performance.now()), reply));
  // In flight: the API is talking to the database for it.
  const busy = await waitUntil(async () => (await backends(stack.url)).some((b) => b.state === "active" || b.inTransaction), 60_000, 20);
  expect(busy, "the import reached the database").not.toBeNull();

  const signalledAt = performance.now();
  const stopped = stack.api!.stop();
  // Wait until the server has stopped listening, then try a new connection while the import still runs.
  await waitUntil(() => stack.api!.output().includes("SIGTERM: stopping"), 5_000, 10);
  const refusedAt = performance.now();
  const newConnectionRefused = await refused(stack.api!.port);
  const reply = await importing;
  const code = await stopped;

  console.log(`[reliability] ${JSON.stringify({ label: "graceful shutdown", rows: ROWS, importStatus: reply.status, importMs: Math.round(reply.ms), answeredAfterSignalMs: Math.round(answeredAt - signalledAt), exitCode: code, log: stack.api!.output().match(/\[api\] (SIGTERM.*|stopped.*)/g) })}`);
  expect(refusedAt).toBeLessThan(answeredAt);
  expect(newConnectionRefused).toBe(true);
  expect(reply.status, JSON.stringify(reply.body).slice(0, 300)).toBe(201);
  expect((reply.body as { imported: { rows: number } }).imported.rows).toBe(ROWS);
  expect(stack.api!.output()).toMatch(/SIGTERM: stopping; [1-9]\d* request\(s\) in flight/);
  expect(code).toBe(0);

  const database = await openDatabase({ url: stack.url });
  try {
    const submission = await database.prisma.submission.findFirstOrThrow({ where: { activityId } });
    expect(await database.prisma.submissionRow.count({ where: { submissionId: submission.id } })).toBe(ROWS);
  } finally {
    await database.close();
  }
});
