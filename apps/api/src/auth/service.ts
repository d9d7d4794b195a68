// Sign-in with e-mail and password, opaque session tokens stored hashed, sign-out.
import { verifyPassword, type PrismaClient } from "@vep/db";
import type { CurrentUser, LoginInput, MeUpdate, Role } from "@vep/domain";
import { recordAudit } from "../http/audit.js";
import { noFigureCache, type FigureCache } from "../http/figure-cache.js";
import { hashToken, newSessionToken, SESSION_TTL_MS } from "./tokens.js";

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  language: string;
  organisationId: string | null;
  organisationName: string | null;
  /** For a DONOR: the donor its organisation is, which scopes what it reads. */
  donorId: string | null;
}

export interface AuthContext {
  db: PrismaClient;
  clientAddress: string;
  userAgent?: string | undefined;
}

// Verifying against a real-looking hash for unknown accounts makes the answer take as long as for
// known ones, so timing does not reveal whether an account exists.
const DUMMY_HASH = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

const userSelect = {
  id: true,
  email: true,
  displayName: true,
  role: true,
  language: true,
  isActive: true,
  passwordHash: true,
  organisation: { select: { id: true, name: true, donor: { select: { id: true } } } },
} as const;

type UserRow = { id: string; email: string; displayName: string; role: Role; language: string; organisation: { id: string; name: string; donor: { id: string } | null } | null };

function toSessionUser(user: UserRow): SessionUser {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    language: user.language,
    organisationId: user.organisation?.id ?? null,
    organisationName: user.organisation?.name ?? null,
    donorId: user.role === "DONOR" ? (user.organisation?.donor?.id ?? null) : null,
  };
}

export function toCurrentUser(user: SessionUser): CurrentUser {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    language: user.language,
    organisation: user.organisationId ? { id: user.organisationId, name: user.organisationName ?? "" } : null,
  };
}

/** A signed-in user's own preferences (the dashboard's language); audited like any change to an account. */
export async function updateMe({ ctx, input }: { ctx: AuthContext & { user: SessionUser }; input: MeUpdate }): Promise<CurrentUser> {
  return ctx.db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: ctx.user.id }, data: { language: input.language, version: { increment: 1 } } });
    await recordAudit(tx, { actorId: ctx.user.id, action: "user.updateSelf", entityType: "User", entityId: ctx.user.id, before: { language: ctx.user.language }, after: input, ipAddress: ctx.clientAddress });
    return toCurrentUser({ ...ctx.user, language: input.language });
  });
}

/** A new session for valid credentials of an active account; null otherwise (the caller says nothing more). */
export async function login({ ctx, input }: { ctx: AuthContext; input: LoginInput }) {
  const user = await ctx.db.user.findUnique({ where: { email: input.email }, select: userSelect });
  const valid = await verifyPassword(input.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !valid || !user.isActive) return null;

  const token = newSessionToken();
  const expiresAt = new Date(Date.now() + SESSION_TTL_MS);
  await ctx.db.$transaction(async (tx) => {
    const session = await tx.authSession.create({
      data: { tokenHash: hashToken(token), userId: user.id, expiresAt, ipAddress: ctx.clientAddress, userAgent: ctx.userAgent?.slice(0, 300) ?? null },
      select: { id: true },
    });
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
    await recordAudit(tx, { actorId: user.id, action: "auth.login", entityType: "AuthSession", entityId: session.id, ipAddress: ctx.clientAddress });
  });
  return { token, expiresAt: expiresAt.toISOString(), user: toCurrentUser(toSessionUser(user)) };
}

/** The user behind a live session token, or null (unknown, expired, revoked, or account deactivated). */
export async function findSessionUser(db: PrismaClient, token: string, kept: FigureCache = noFigureCache()): Promise<{ sessionId: string; user: SessionUser } | null> {
  const tokenHash = hashToken(token);
  // Kept between requests until a session or account changes; expiry and revocation are checked every time.
  const session = await kept.session(tokenHash, () =>
    db.authSession.findUnique({ where: { tokenHash }, select: { id: true, expiresAt: true, revokedAt: true, user: { select: userSelect } } }),
  );
  if (!session || session.revokedAt || session.expiresAt <= new Date() || !session.user.isActive) return null;
  return { sessionId: session.id, user: toSessionUser(session.user) };
}

export async function logout({ ctx, input }: { ctx: AuthContext & { user: SessionUser }; input: { sessionId: string } }) {
  await ctx.db.$transaction(async (tx) => {
    await tx.authSession.update({ where: { id: input.sessionId }, data: { revokedAt: new Date() } });
    await recordAudit(tx, { actorId: ctx.user.id, action: "auth.logout", entityType: "AuthSession", entityId: input.sessionId, ipAddress: ctx.clientAddress });
  });
}
