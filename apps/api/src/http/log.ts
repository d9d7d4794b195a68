// Structured logs: one JSON line per request, and per unexpected error, carrying the request id that
// the response also carries (X-Request-Id), so that a user's report can be matched to the log.
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "./router.js";

export type LogSink = (line: Record<string, unknown>) => void;

export const stdoutSink: LogSink = (line) => process.stdout.write(`${JSON.stringify(line)}\n`);

export function requestLog(sink: LogSink) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const started = performance.now();
    await next();
    sink({
      time: new Date().toISOString(),
      level: c.res.status >= 500 ? "error" : "info",
      msg: "request",
      requestId: c.var.requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
      userId: c.var.user?.id ?? null,
    });
  });
}
