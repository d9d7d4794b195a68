// Keyset pagination neither repeats nor skips rows, even while rows are being added between pages.
import { afterAll, beforeAll, expect, it } from "vitest";
import { signIn, startApi, type RunningApi } from "./harness.js";

let api: RunningApi;
let admin: string;
beforeAll(async () => {
  api = await startApi();
  admin = await signIn(api, "ADMIN");
});
afterAll(() => api.close());

async function createOrganisation(name: string) {
  const res = await fetch(`${api.url}/api/v1/organisations`, {
    method: "POST",
    headers: { authorization: `Bearer ${admin}`, "content-type": "application/json" },
    body: JSON.stringify({ name, kind: "NGO" }),
  });
  expect(res.status).toBe(201);
}

it.each(["name", "-name", "createdAt", "-createdAt"])("sort=%s: every row once while others are inserted", async (sort) => {
  const before = await api.db.prisma.organisation.findMany({ select: { id: true } });
  const seen: string[] = [];
  let cursor: string | null = null;
  let round = 0;
  do {
    const res: Response = await fetch(`${api.url}/api/v1/organisations?limit=4&sort=${sort}${cursor ? `&cursor=${cursor}` : ""}`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    expect(res.status).toBe(200);
    const page = (await res.json()) as { items: { id: string }[]; nextCursor: string | null };
    seen.push(...page.items.map((o) => o.id));
    cursor = page.nextCursor;
    // Names that sort at both ends and in the middle, so that inserts land before and after the cursor.
    await createOrganisation(`${["A", "M", "Z"][round % 3]} inserted ${sort} ${round++}`);
  } while (cursor);
  expect(new Set(seen).size).toBe(seen.length);
  const seenSet = new Set(seen);
  expect(before.filter((o) => !seenSet.has(o.id))).toEqual([]);
});

it("refuses a cursor made for another sort", async () => {
  const first = await (await fetch(`${api.url}/api/v1/organisations?limit=2&sort=name`, { headers: { authorization: `Bearer ${admin}` } })).json();
  const res = await fetch(`${api.url}/api/v1/organisations?limit=2&sort=-createdAt&cursor=${first.nextCursor}`, { headers: { authorization: `Bearer ${admin}` } });
  expect(res.status).toBe(400);
});
