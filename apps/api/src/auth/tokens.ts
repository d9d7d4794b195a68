import { createHash, randomBytes } from "node:crypto";

/** Sessions last a working day; logging out ends them sooner. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

/** An opaque, unguessable session token (256 bits). Only its hash is stored. */
export function newSessionToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
