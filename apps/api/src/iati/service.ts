// IATI activity files of a programme: generated fresh on request (staff, and donors for the programmes
// they co-fund), and stored by staff once valid, each stored export listing what changed since the last.
import { createHash } from "node:crypto";
import type { Prisma } from "@vep/db";
import { NotFoundError, type IatiChange, type IatiExport, type IatiExportSummary, type IatiProblem } from "@vep/domain";
import { recordAudit } from "../http/audit.js";
import type { ServiceContext } from "../http/context.js";
import { keyset } from "../http/pagination.js";
import { fundedProgrammes } from "../http/scope.js";
import { buildActivityXml, IATI_INCLUDE } from "./activity.js";
import { checkCodes, loadCodelists } from "./codelists.js";
import { diffActivities } from "./diff.js";
import { validateAgainstSchema } from "./validate.js";
import { parseXml } from "./xml.js";

export interface GeneratedFile {
  iatiIdentifier: string;
  xml: string;
  /** Schema errors, codes missing from their codelists and broken IATI rules; empty when the file is valid. */
  problems: IatiProblem[];
}

const programmeScope = (ctx: ServiceContext): Prisma.ProgrammeWhereInput => (ctx.scope === "funded-programmes" ? fundedProgrammes(ctx) : {});

/** The programme's file as of now, checked against the XML schema and the codelists. */
export async function generateIatiFile({ ctx, input }: { ctx: ServiceContext; input: { id: string } }): Promise<GeneratedFile> {
  const programme = await ctx.db.programme.findFirst({ where: { AND: [{ id: input.id }, programmeScope(ctx)] }, include: IATI_INCLUDE });
  if (!programme) throw new NotFoundError("Programme");
  const built = buildActivityXml(programme, new Date());
  const [schemaProblems, codelists] = await Promise.all([validateAgainstSchema(built.xml), loadCodelists()]);
  return { iatiIdentifier: programme.iatiIdentifier, xml: built.xml, problems: [...built.problems, ...schemaProblems, ...checkCodes(parseXml(built.xml), codelists)] };
}

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

type ExportRow = { id: string; programmeId: string; createdAt: Date; sha256: string; changes: Prisma.JsonValue };

function toExport(row: ExportRow): IatiExport {
  return { id: row.id, programmeId: row.programmeId, createdAt: row.createdAt.toISOString(), sha256: row.sha256, valid: true, changes: row.changes as IatiChange[], problems: [] };
}

/**
 * Generates and stores the programme's file with what changed since its previous stored export; an
 * invalid file is not stored, and its problems come back instead.
 */
export async function createIatiExport({ ctx, input }: { ctx: ServiceContext; input: { id: string } }): Promise<{ stored: IatiExport } | { problems: IatiProblem[] }> {
  const file = await generateIatiFile({ ctx, input });
  if (file.problems.length > 0) return { problems: file.problems };
  return {
    stored: await ctx.db.$transaction(async (tx) => {
      const previous = await tx.iatiExport.findFirst({ where: { programmeId: input.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { xml: true } });
      const changes = diffActivities(previous?.xml ?? null, file.xml);
      const row = await tx.iatiExport.create({
        data: { programmeId: input.id, createdById: ctx.user.id, xml: file.xml, sha256: sha256(file.xml), changes: changes as unknown as Prisma.InputJsonValue },
        select: { id: true, programmeId: true, createdAt: true, sha256: true, changes: true },
      });
      await recordAudit(tx, {
        actorId: ctx.user.id,
        action: "iati_export.create",
        entityType: "IatiExport",
        entityId: row.id,
        meta: { programmeId: input.id, sha256: row.sha256, changes: changes.length },
        ipAddress: ctx.clientAddress,
      });
      return toExport(row);
    }),
  };
}

/** A programme's stored exports, newest first, without their files. */
export async function listIatiExports({ ctx, input }: { ctx: ServiceContext; input: { id: string; limit: number; cursor?: string | undefined } }): Promise<{ items: IatiExportSummary[]; nextCursor: string | null }> {
  const programme = await ctx.db.programme.findFirst({ where: { AND: [{ id: input.id }, programmeScope(ctx)] }, select: { id: true } });
  if (!programme) throw new NotFoundError("Programme");
  const page = keyset({ field: "createdAt", direction: "desc" }, input.limit, input.cursor);
  const rows = await ctx.db.iatiExport.findMany({
    where: { AND: [{ programmeId: input.id }, page.where] },
    orderBy: page.orderBy,
    take: page.take,
    select: { id: true, programmeId: true, createdAt: true, sha256: true, changes: true },
  });
  const { items, nextCursor } = page.page(rows);
  return { items: items.map((r) => ({ id: r.id, programmeId: r.programmeId, createdAt: r.createdAt.toISOString(), sha256: r.sha256, changeCount: (r.changes as unknown[]).length })), nextCursor };
}

const exportScope = (ctx: ServiceContext): Prisma.IatiExportWhereInput => (ctx.scope === "funded-programmes" ? { programme: fundedProgrammes(ctx) } : {});

export async function getIatiExport({ ctx, input }: { ctx: ServiceContext; input: { id: string } }): Promise<IatiExport> {
  const row = await ctx.db.iatiExport.findFirst({ where: { AND: [{ id: input.id }, exportScope(ctx)] }, select: { id: true, programmeId: true, createdAt: true, sha256: true, changes: true } });
  if (!row) throw new NotFoundError("IATI export");
  return toExport(row);
}

/** A stored file as it was exported, named by its activity identifier. */
export async function getIatiExportFile({ ctx, input }: { ctx: ServiceContext; input: { id: string } }): Promise<{ iatiIdentifier: string; xml: string }> {
  const row = await ctx.db.iatiExport.findFirst({ where: { AND: [{ id: input.id }, exportScope(ctx)] }, select: { xml: true, programme: { select: { iatiIdentifier: true } } } });
  if (!row) throw new NotFoundError("IATI export");
  return { iatiIdentifier: row.programme.iatiIdentifier, xml: row.xml };
}
