// Reach: who the programme's activities reached, by sex and by region — the figures the public summary
// and the donor dashboard show. Aggregates only; counts of 1–2 people are suppressed (and zeros out of
// groups of 1–2), so that no one can be singled out.
import type { Prisma } from "@vep/db";
import { suppressSmall, type Cell } from "@vep/domain";
import { countedParticipants, trainedRow, type ParticipantRow } from "../activities/counting.js";

const SEXES = ["FEMALE", "MALE", "UNDISCLOSED"] as const;

export interface Reach {
  participants: Cell;
  trained: Cell;
  regionsCovered: number;
  /** Regions of the countries in force on the latest activity's last day. */
  regionsTotal: number;
  trainedBySex: { sex: (typeof SEXES)[number]; count: Cell }[];
  /** Every region, zeros included. */
  trainedByRegion: { code: string; name: string; count: Cell }[];
}

export async function computeReach(
  db: Prisma.TransactionClient,
  input: { activities: { id: string; endDate: Date }[]; countryIds: string[] },
): Promise<Reach> {
  const rows = await countedParticipants(db, input.activities.map((a) => a.id));

  // A person counts once, trained when trained in any of the activities.
  const people = new Map<string, { sex: ParticipantRow["sex"]; regionId: string | null; trained: boolean }>();
  for (const row of rows) {
    const known = people.get(row.personId);
    people.set(row.personId, { sex: row.sex, regionId: row.regionId, trained: (known?.trained ?? false) || trainedRow(row) });
  }
  const everyone = [...people.values()];
  const trained = everyone.filter((p) => p.trained);
  const countIn = (group: typeof everyone, where: (p: (typeof everyone)[number]) => boolean) => group.filter(where).length;

  const asOf = input.activities.reduce<Date | null>((latest, a) => (latest && latest > a.endDate ? latest : a.endDate), null) ?? new Date();
  const regions = await db.region.findMany({
    where: { countryId: { in: input.countryIds }, validFrom: { lte: asOf }, OR: [{ validTo: null }, { validTo: { gte: asOf } }] },
    orderBy: { name: "asc" },
    select: { id: true, code: true, name: true },
  });

  return {
    participants: suppressSmall(people.size),
    trained: suppressSmall(trained.length),
    regionsCovered: new Set(everyone.map((p) => p.regionId).filter((id) => id !== null)).size,
    regionsTotal: regions.length,
    trainedBySex: SEXES.filter((sex) => sex !== "UNDISCLOSED" || trained.some((p) => p.sex === sex)).map((sex) => ({
      sex,
      count: suppressSmall(countIn(trained, (p) => p.sex === sex), countIn(everyone, (p) => p.sex === sex)),
    })),
    trainedByRegion: regions.map((r) => ({
      code: r.code,
      name: r.name,
      count: suppressSmall(countIn(trained, (p) => p.regionId === r.id), countIn(everyone, (p) => p.regionId === r.id)),
    })),
  };
}
