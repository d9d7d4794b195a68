// Every error leaves the API as RFC 9457 application/problem+json, never with a stack trace.
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { z } from "zod";
import { ConflictError, EntityName, msg, NotFoundError, render, renderAll, RuleViolationError, type MessageText } from "@vep/domain";
import { requestLanguage, zodIssueMessage } from "./language.js";

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  /** Field-level messages for 400s: { "body.title": "Required" }. */
  errors?: Record<string, string>;
}

/** What callers give `problem`: texts as catalogue messages (or strings), rendered in the caller's language. */
export interface ProblemTexts {
  type?: string;
  detail?: MessageText;
  errors?: Record<string, MessageText>;
}

export function problem<S extends ContentfulStatusCode>(c: Context, status: S, title: MessageText, extra: ProblemTexts = {}) {
  const language = requestLanguage(c);
  const { detail, errors, ...rest } = extra;
  const body: Problem = {
    type: "about:blank",
    title: render(title, language),
    status,
    ...rest,
    ...(detail === undefined ? {} : { detail: render(detail, language) }),
    ...(errors === undefined ? {} : { errors: renderAll(errors, language) }),
  };
  return c.json(body, status, { "Content-Type": "application/problem+json", "Content-Language": language });
}

/** Turns a failed zod parse into field-level messages keyed by where the value came from. */
export function validationProblem(c: Context, target: string, error: z.ZodError, input?: unknown) {
  const language = requestLanguage(c);
  const where = target === "json" || target === "form" ? "body" : target;
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = [where, ...issue.path.map(String)];
    // Unknown fields are named one by one, so that a client sees which field to drop.
    const keys = issue.code === "unrecognized_keys" ? issue.keys.map((k) => [...path, k].join(".")) : [path.join(".")];
    for (const key of keys) errors[key] ??= issue.code === "unrecognized_keys" ? render(msg("http.unknownField"), language) : zodIssueMessage(issue, language, input);
  }
  return problem(c, 400, msg("http.invalidRequest"), { detail: msg("http.invalidValues"), errors });
}

/** Database errors that are the caller's doing, not ours. */
function prismaProblem(error: Error, c: Context) {
  const { code, meta } = error as { code?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: string } } } };
  // PostgreSQL's own code where Prisma has none: 23001 restrict_violation, 23503 foreign_key_violation.
  const sqlState = meta?.driverAdapterError?.cause?.originalCode;
  if (code === "P2002") return problem(c, 409, msg("http.conflict"), { detail: msg("http.duplicate") });
  if (code === "P2003" || sqlState === "23001" || sqlState === "23503") {
    return problem(c, 409, msg("http.conflict"), { detail: msg("http.stillReferred") });
  }
  if (code === "P2025") return problem(c, 404, msg("http.notFound"), { detail: msg("http.recordMissing") });
  // 22021/22P05: text with a NUL (U+0000) that got past refuseUnstorableText (a spreadsheet cell): the input's fault.
  if (sqlState === "22021" || sqlState === "22P05") return problem(c, 400, msg("http.invalidRequest"), { detail: msg("http.nulInText") });
  return null;
}

/** Seconds a client is asked to wait when the database cannot be reached (PostgreSQL restarting, failing over). */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

// How "the database cannot be reached" looks, as triggered against a real PostgreSQL (stopped with
// `pg_ctl stop -m fast|immediate`, backends terminated): Prisma's connection codes; PostgreSQL's
// SQLSTATE inside a driver-adapter error (57P01 admin shutdown on an in-flight query arrives as P2010 or
// P2039); the adapter's kinds; and pg's own errors, which the adapter passes through unconverted
// ("Connection terminated unexpectedly" when the server dies mid-query, the pool's connect timeout).
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const UNAVAILABLE_ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
/** Class 08 connection exceptions, 57P01–57P03 shutdown/crash/starting up, 53300 too many connections. */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[123]|53300)$/;
const UNAVAILABLE_SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH"]);
const UNAVAILABLE_DRIVER_MESSAGES = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection terminated due to connection timeout)/;

/** An error and the causes it wraps (Prisma wraps the adapter's error, which wraps pg's), outermost first. */
function* causeChain(error: unknown): Generator<Record<string, unknown>> {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 8; e = (e as { cause?: unknown }).cause, depth++) yield e as Record<string, unknown>;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  for (const e of causeChain(error)) {
    const code = typeof e.code === "string" ? e.code : undefined;
    if (code && (UNAVAILABLE_PRISMA_CODES.has(code) || UNAVAILABLE_SOCKET_CODES.has(code))) return true;
    const cause = (e.meta as { driverAdapterError?: { cause?: { kind?: string; originalCode?: string; code?: string } } } | undefined)?.driverAdapterError?.cause;
    if (cause?.kind && UNAVAILABLE_ADAPTER_KINDS.has(cause.kind)) return true;
    const sqlState = cause?.originalCode ?? cause?.code ?? (typeof e.severity === "string" ? code : undefined);
    if (sqlState && UNAVAILABLE_SQLSTATE.test(sqlState)) return true;
    if (typeof e.message === "string" && UNAVAILABLE_DRIVER_MESSAGES.test(e.message)) return true;
  }
  return false;
}

/** Whether an error came from the database layer: Prisma's errors carry the client's version, pg's a severity. */
function fromDatabase(error: unknown): boolean {
  return [...causeChain(error)].some((e) => typeof e.clientVersion === "string" || typeof e.severity === "string" || e.name === "DriverAdapterError");
}

const PROBE_MS = 1000;

/**
 * A database error that isDatabaseUnavailable does not recognise (a transaction whose connection was cut
 * mid-way ends in more shapes than a list can hold): the database is asked whether it is there at all.
 */
async function databaseAway(c: Context, error: unknown): Promise<boolean> {
  const db = c.get("db") as { $queryRaw(query: TemplateStringsArray): Promise<unknown> } | undefined;
  if (!db || !fromDatabase(error)) return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise((_, reject) => (timer = setTimeout(() => reject(new Error("no answer")), PROBE_MS)));
  try {
    await Promise.race([db.$queryRaw`SELECT 1`, timeout]);
    return false;
  } catch {
    return true;
  } finally {
    clearTimeout(timer);
  }
}

/** 503 with Retry-After: the request may be repeated as it is once the database is back. */
export function databaseUnavailableProblem(c: Context) {
  c.header("Retry-After", String(DATABASE_RETRY_AFTER_SECONDS));
  return problem(c, 503, msg("http.unavailable"), { detail: msg("http.databaseUnavailable") });
}

export async function onError(error: Error, c: Context) {
  if (error instanceof NotFoundError) return problem(c, 404, msg("http.notFound"), { detail: msg("http.entityNotFound", { entity: new EntityName(error.entity) }) });
  if (error instanceof ConflictError) return problem(c, 409, msg("http.conflict"), { detail: error.text });
  if (error instanceof RuleViolationError) return problem(c, 400, msg("http.invalidRequest"), { detail: error.text, errors: error.fields });
  if (error instanceof HTTPException) return problem(c, error.status as ContentfulStatusCode, error.message || msg("http.error"));
  const unavailable = () => {
    // One line without a stack: during an outage every request lands here.
    console.error(JSON.stringify({ time: new Date().toISOString(), level: "warn", msg: "database unavailable", requestId: c.get("requestId"), method: c.req.method, path: c.req.path, error: String(error.message).split("\n").filter(Boolean).at(-1) }));
    return databaseUnavailableProblem(c);
  };
  if (isDatabaseUnavailable(error)) return unavailable();
  const known = prismaProblem(error, c);
  if (known) return known;
  if (await databaseAway(c, error)) return unavailable();
  // The details stay in the log, under the request id the client was given; the client gets none.
  console.error(JSON.stringify({ time: new Date().toISOString(), level: "error", msg: "unhandled", requestId: c.get("requestId"), method: c.req.method, path: c.req.path, error: error.stack ?? String(error) }));
  return problem(c, 500, msg("http.internal"), { detail: msg("http.internalDetail") });
}

export function notFound(c: Context) {
  return problem(c, 404, msg("http.notFound"), { detail: msg("http.noRoute", { method: c.req.method, path: c.req.path }) });
}
