// User administration (ADMIN): accounts, roles, organisations, deactivation, password resets.
import { hashPassword, type Prisma } from "@vep/db";
import { NotFoundError, RuleViolationError, type User, type UserInput, type UserUpdate, msg } from "@vep/domain";
import { recordAudit } from "../../http/audit.js";
import { ensureUpdated } from "../../http/concurrency.js";
import type { ServiceContext } from "../../http/context.js";
import { keyset, type Sort } from "../../http/pagination.js";
import { likeLiteral } from "../../http/search.js";

const userSelect = {
  id: true,
  email: true,
  displayName: true,
  role: true,
  language: true,
  isActive: true,
  lastLoginAt: true,
  version: true,
  createdAt: true,
  organisationId: true,
  organisation: { select: { id: true, name: true } },
} satisfies Prisma.UserSelect;
type UserRow = Prisma.UserGetPayload<{ select: typeof userSelect }>;

function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role,
    organisation: row.organisation,
    language: row.language,
    isActive: row.isActive,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Partners and donors act for an organisation; a donor's must be a donor. */
async function checkRoleOrganisation(tx: Prisma.TransactionClient, role: User["role"], organisationId: string | null) {
  if ((role === "PARTNER" || role === "DONOR") && !organisationId) {
    throw new RuleViolationError(msg("admin.organisationRequired"), { "body.organisationId": msg("admin.userNeedsOrganisation", { role: msg(role === "DONOR" ? "admin.role.donor" : "admin.role.partner") }) });
  }
  if (!organisationId) return;
  const org = await tx.organisation.findUnique({ where: { id: organisationId }, select: { donor: { select: { id: true } } } });
  if (!org) throw new RuleViolationError(msg("ref.unknownOrganisation"), { "body.organisationId": msg("ref.noSuchOrganisation") });
  if (role === "DONOR" && !org.donor) throw new RuleViolationError(msg("admin.notADonor"), { "body.organisationId": msg("admin.donorUserOrganisation") });
}

export async function listUsers({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { role?: User["role"] | undefined; organisationId?: string | undefined; isActive?: boolean | undefined; q?: string | undefined; sort: Sort<"email" | "createdAt">; limit: number; cursor?: string | undefined };
}) {
  const page = keyset(input.sort, input.limit, input.cursor);
  const rows = await ctx.db.user.findMany({
    where: {
      AND: [
        input.role ? { role: input.role } : {},
        input.organisationId ? { organisationId: input.organisationId } : {},
        input.isActive === undefined ? {} : { isActive: input.isActive },
        input.q ? { OR: [{ email: { contains: likeLiteral(input.q), mode: "insensitive" } }, { displayName: { contains: likeLiteral(input.q), mode: "insensitive" } }] } : {},
        page.where,
      ],
    },
    orderBy: page.orderBy,
    take: page.take,
    select: userSelect,
  });
  const { items, nextCursor } = page.page(rows);
  return { items: items.map(toUser), nextCursor };
}

export async function getUser({ ctx, input }: { ctx: ServiceContext; input: { id: string } }) {
  const row = await ctx.db.user.findUnique({ where: { id: input.id }, select: userSelect });
  if (!row) throw new NotFoundError("User");
  return toUser(row);
}

export async function createUser({ ctx, input }: { ctx: ServiceContext; input: UserInput }) {
  const { password, ...data } = input;
  const passwordHash = await hashPassword(password);
  return ctx.db.$transaction(async (tx) => {
    await checkRoleOrganisation(tx, data.role, data.organisationId);
    const row = await tx.user.create({ data: { ...data, passwordHash }, select: userSelect });
    await recordAudit(tx, { actorId: ctx.user.id, action: "user.create", entityType: "User", entityId: row.id, after: row, ipAddress: ctx.clientAddress });
    return toUser(row);
  });
}

export async function updateUser({ ctx, input }: { ctx: ServiceContext; input: { id: string; version: number; changes: Omit<UserUpdate, "version"> } }) {
  const { changes } = input;
  if (input.id === ctx.user.id && ((changes.role && changes.role !== "ADMIN") || changes.isActive === false)) {
    // Another administrator must do it, so that the platform never loses its last one by accident.
    throw new RuleViolationError(msg("admin.ownAdministratorAccess"), { [changes.isActive === false ? "body.isActive" : "body.role"]: msg("admin.askAnotherAdministrator") });
  }
  return ctx.db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: input.id }, select: userSelect });
    if (!before) throw new NotFoundError("User");
    await checkRoleOrganisation(tx, changes.role ?? before.role, changes.organisationId === undefined ? before.organisationId : changes.organisationId);
    const { count } = await tx.user.updateMany({ where: { id: input.id, version: input.version }, data: { ...changes, version: { increment: 1 } } });
    await ensureUpdated(count, async () => true, "User");
    // A deactivated account, or one whose role or organisation changed, signs in again.
    if (changes.isActive === false || changes.role !== undefined || changes.organisationId !== undefined) {
      await tx.authSession.updateMany({ where: { userId: input.id, revokedAt: null }, data: { revokedAt: new Date() } });
    }
    const after = await tx.user.findUniqueOrThrow({ where: { id: input.id }, select: userSelect });
    await recordAudit(tx, { actorId: ctx.user.id, action: "user.update", entityType: "User", entityId: input.id, before, after, ipAddress: ctx.clientAddress });
    return toUser(after);
  });
}

export async function resetPassword({ ctx, input }: { ctx: ServiceContext; input: { id: string; password: string } }) {
  const passwordHash = await hashPassword(input.password);
  await ctx.db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: input.id }, data: { passwordHash, version: { increment: 1 } } });
    if (count === 0) throw new NotFoundError("User");
    await tx.authSession.updateMany({ where: { userId: input.id, revokedAt: null }, data: { revokedAt: new Date() } });
    await recordAudit(tx, { actorId: ctx.user.id, action: "user.password_reset", entityType: "User", entityId: input.id, ipAddress: ctx.clientAddress });
  });
}
