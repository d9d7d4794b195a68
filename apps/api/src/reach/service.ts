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
  trainedByRegion: { code: string; name: string; nameTranslations: Record<string, string>; count: Cell }[];
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
  // People and trained people per sex and per region, in one pass over everyone.
  const tally = new Map<string, { all: number; trained: number }>();
  const add = (key: string, isTrained: boolean) => {
    const known = tally.get(key) ?? { all: 0, trained: 0 };
    tally.set(key, { all: known.all + 1, trained: known.trained + (isTrained ? 1 : 0) });
  };
  for (const person of everyone) {
    add(`sex:${person.sex}`, person.trained);
    if (person.regionId) add(`region:${person.regionId}`, person.trained);
  }
  const cellOf = (key: string) => suppressSmall(tally.get(key)?.trained ?? 0, tally.get(key)?.all ?? 0);

  const asOf = input.activities.reduce<Date | null>((latest, a) => (latest && latest > a.endDate ? latest : a.endDate), null) ?? new Date();
  const regions = await db.region.findMany({
    where: { countryId: { in: input.countryIds }, validFrom: { lte: asOf }, OR: [{ validTo: null }, { validTo: { gte: asOf } }] },
    orderBy: { name: "asc" },
    select: { id: true, code: true, name: true, nameTranslations: true },
  });

  return {
    participants: suppressSmall(people.size),
    trained: suppressSmall(trained.length),
    regionsCovered: [...tally.keys()].filter((key) => key.startsWith("region:")).length,
    regionsTotal: regions.length,
    trainedBySex: SEXES.filter((sex) => sex !== "UNDISCLOSED" || (tally.get(`sex:${sex}`)?.trained ?? 0) > 0).map((sex) => ({ sex, count: cellOf(`sex:${sex}`) })),
    trainedByRegion: regions.map((r) => ({ code: r.code, name: r.name, nameTranslations: r.nameTranslations as Record<string, string>, count: cellOf(`region:${r.id}`) })),
  };
}
