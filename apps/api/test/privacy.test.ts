// The privacy crawl: a donor (and a partner, for other organisations' people) requests every GET route
// with every id in the database, and no person's name, e-mail or phone may come back in any body.
import { afterAll, beforeAll, expect, it } from "vitest";
import { type World, startWorld, TABLE_OF_SEGMENT } from "./fixtures.js";
import type { RunningApi } from "./harness.js";

let api: RunningApi;
let world: World;
beforeAll(async () => {
  ({ api, world } = await startWorld());
});
afterAll(() => api.close());


async function idsOf(table: string): Promise<string[]> {
  const rows = await api.db.prisma.$queryRawUnsafe<{ id: string }[]>(`SELECT id FROM "${table}" ORDER BY id`);
  return rows.map((r) => r.id);
}

async function allIds(): Promise<string[]> {
  const tables = await api.db.prisma.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.columns
    WHERE table_schema = current_schema() AND column_name = 'id' AND table_name <> '_prisma_migrations'`;
  return (await Promise.all(tables.map((t) => idsOf(t.table_name)))).flat();
}

/** Every concrete GET URL: each route with each id its parameter may name. */
async function crawlUrls(): Promise<string[]> {
  const every = await allIds();
  const byTable = new Map<string, string[]>();
  const urls: string[] = [];
  const paths = [...new Set(api.app.routes.filter((r) => r.method === "GET").map((r) => r.path))];
  for (const path of paths) {
    if (path.startsWith("/api/docs")) continue;
    if (!path.includes("/:")) {
      urls.push(path);
      continue;
    }
    const segment = /\/api\/v1\/([\w-]+)\/:/.exec(path)?.[1] ?? "";
    const table = TABLE_OF_SEGMENT[segment];
    if (table && !byTable.has(table)) byTable.set(table, await idsOf(table));
    for (const id of table ? byTable.get(table)! : every) urls.push(path.replace(/:\w+/g, id));
  }
  return urls;
}

/** Every person's name, e-mail and phone, except the people of `ownOrganisation` (a partner's own). */
async function personalStrings(ownOrganisation?: string) {
  const people = await api.db.prisma.person.findMany({
    select: {
      fullName: true,
      email: true,
      phone: true,
      organisationId: true,
      organisation: { select: { parentId: true } },
      quotes: { where: { consentToAttribution: true }, select: { id: true } },
    },
  });
  const isOwn = (p: (typeof people)[number]) =>
    ownOrganisation !== undefined && (p.organisationId === ownOrganisation || p.organisation?.parentId === ownOrganisation);
  return (
    people
      .filter((p) => !isOwn(p))
      // A name published with a quote by the person's own consent may stand beside that quote.
      .flatMap((p) => [...(p.quotes.length ? [] : [p.fullName]), p.email, p.phone])
      .filter((s): s is string => !!s && s.length > 3)
  );
}

async function crawl(token: string, forbidden: string[]) {
  const leaks: string[] = [];
  const urls = await crawlUrls();
  for (const url of urls) {
    const res = await fetch(`${api.url}${url}`, { headers: { authorization: `Bearer ${token}` } });
    const body = await res.text();
    expect(res.status, url).toBeLessThan(500);
    for (const s of forbidden) if (body.includes(s)) leaks.push(`${url}: ${s}`);
  }
  return { requests: urls.length, leaks };
}

it("a donor obtains no person's name, e-mail or phone from any GET route with any id", async () => {
  const forbidden = await personalStrings();
  expect(forbidden).toContain(world.personB.email);
  const { requests, leaks } = await crawl(world.tokens.donorA, forbidden);
  console.log(`[privacy] donor crawl: ${requests} requests, ${forbidden.length} personal strings`);
  expect(leaks).toEqual([]);
});

it("a partner obtains no other organisation's people", async () => {
  const forbidden = await personalStrings(world.partnerOrgA);
  expect(forbidden).toContain(world.personB.fullName);
  expect(forbidden).not.toContain(world.personA.fullName);
  const { requests, leaks } = await crawl(world.tokens.partnerA, forbidden);
  console.log(`[privacy] partner crawl: ${requests} requests, ${forbidden.length} personal strings`);
  expect(leaks).toEqual([]);
});
