// Cyrillic search and sort (issue 8), the same on PGlite (no ICU, C locale: lower() and ILIKE leave
// Cyrillic alone) and on PostgreSQL: a search ignores case, ё/е and Latin accents; lists sorted by name
// or title come in Russian alphabetical order (ё with е, case-insensitive, Cyrillic before Latin).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedId } from "@vep/db/seed";
import { textKey } from "../src/http/search.js";
import { allPages, client, startWorld, type World } from "./fixtures.js";
import type { RunningApi } from "./harness.js";

let api: RunningApi;
let world: World;
let admin: ReturnType<typeof client>;
let staff: ReturnType<typeof client>;

/** Names in the order a Russian reader expects them. */
const IN_ORDER = ["Абаев Ержан", "Ежов Илья", "елкин Борис", "Ёлкина Анна", "ЕЛЬЦОВА Вера", "Иванов Пётр", "иванова Мария", "Щукин Олег", "Ålberg Nils", "Şahin Emre"];
/** The same names shuffled, as they are written in. */
const WRITTEN = ["Щукин Олег", "Şahin Emre", "иванова Мария", "Ёлкина Анна", "Абаев Ержан", "ЕЛЬЦОВА Вера", "Ålberg Nils", "елкин Борис", "Иванов Пётр", "Ежов Илья"];

/** Searches and the names each must find (in list order). */
const SEARCHES: [string, string[]][] = [
  ["ёлкин", ["елкин Борис", "Ёлкина Анна"]],
  ["ЕЛКИН", ["елкин Борис", "Ёлкина Анна"]],
  ["Ельцова", ["ЕЛЬЦОВА Вера"]],
  ["ИВАНОВ", ["Иванов Пётр", "иванова Мария"]],
  ["пётр", ["Иванов Пётр"]],
  ["петр", ["Иванов Пётр"]],
  ["щУкИн", ["Щукин Олег"]],
  ["sahin", ["Şahin Emre"]],
  ["ŞAHİN", ["Şahin Emre"]],
  ["ålberg", ["Ålberg Nils"]],
  ["  иванова   мария ", ["иванова Мария"]],
  ["%", []],
];

let orgParent: string;
const ids = new Map<string, string>();
let programmeId: string;
let countryId: string;

beforeAll(async () => {
  ({ api, world } = await startWorld());
  admin = client(api, world.tokens.admin);
  staff = client(api, world.tokens.staff);
  const { prisma } = api.db;

  // Organisations and participants through the API, the rest straight into the database: every write path.
  const parent = await admin("POST", "/api/v1/organisations", { name: "Родитель для проверки сортировки", kind: "GOVERNMENT" });
  expect(parent.status).toBe(201);
  orgParent = (await parent.json()).id;
  for (const name of WRITTEN) {
    const res = await admin("POST", "/api/v1/organisations", { name, kind: "NGO", parentId: orgParent });
    expect(res.status, await res.clone().text()).toBe(201);
    ids.set(`org:${name}`, (await res.json()).id);
    const person = await staff("POST", "/api/v1/participants", { fullName: name, sex: "UNDISCLOSED", organisationId: orgParent });
    expect(person.status, await person.clone().text()).toBe(201);
  }
  const country = await prisma.country.create({ data: { code: "QZ", name: "Тестовая страна" } });
  countryId = country.id;
  const programme = await prisma.programme.create({
    data: { iatiIdentifier: "XM-DAC-41110-CYR", title: "Программа проверки", status: "IMPLEMENTATION", dacSector: "15130", startDate: new Date("2021-01-01"), defaultCurrency: "USD", reportingOrgId: seedId("org:UNODC") },
  });
  programmeId = programme.id;
  for (const [i, name] of WRITTEN.entries()) {
    await prisma.region.create({ data: { countryId, code: `QZ-${i}`, name, validFrom: new Date("2000-01-01") } });
    await prisma.activity.create({ data: { programmeId, type: "WORKSHOP", modality: "IN_PERSON", status: "PLANNED", title: name, countryId, startDate: new Date("2021-03-01"), endDate: new Date("2021-03-02") } });
    await prisma.indicator.create({ data: { programmeId, code: `CYR-${i}`, name, measure: "UNIT", source: "MANUAL" } });
  }
});
afterAll(() => api.close());

const names = (items: { name?: string; fullName?: string; title?: string }[]) => items.map((i) => i.name ?? i.fullName ?? i.title ?? "");
const query = (params: Record<string, string>) => new URLSearchParams(params).toString();

/** Each list: how to ask for the test's rows, sorted by name (when the list sorts by name) and searched. */
const LISTS = {
  organisations: { path: "/api/v1/organisations", only: () => ({ parentId: orgParent }), sort: "name" },
  participants: { path: "/api/v1/participants", only: () => ({ organisationId: orgParent }), sort: "fullName" },
  regions: { path: "/api/v1/regions", only: () => ({ countryId }), sort: "name" },
  activities: { path: "/api/v1/activities", only: () => ({ programmeId }), sort: "title" },
  indicators: { path: "/api/v1/indicators", only: () => ({ programmeId }), sort: null },
} as const;

describe.each(Object.entries(LISTS))("%s", (_list, { path, only, sort }) => {
  it.runIf(sort !== null)("sorts by name in Russian alphabetical order, page by page", async () => {
    const all = await allPages<{ name?: string }>(staff, `${path}?${query({ ...only(), sort: sort ?? "" })}`, 3);
    expect(names(all)).toEqual(IN_ORDER);
    const reversed = await allPages<{ name?: string }>(staff, `${path}?${query({ ...only(), sort: `-${sort}` })}`, 4);
    expect(names(reversed)).toEqual([...IN_ORDER].reverse());
  });

  it.each(SEARCHES)("finds %j regardless of case, ё/е and accents", async (q, expected) => {
    const found = await allPages<{ name?: string }>(staff, `${path}?${query({ ...only(), q, ...(sort ? { sort } : {}) })}`);
    const got = names(found);
    expect(sort ? got : [...got].sort((a, b) => IN_ORDER.indexOf(a) - IN_ORDER.indexOf(b))).toEqual(expected);
  });
});

describe("keys stay current", () => {
  it("a renamed organisation is found and sorted by its new name", async () => {
    const id = ids.get("org:Щукин Олег")!;
    const before = await (await admin("GET", `/api/v1/organisations/${id}`)).json();
    const res = await admin("PATCH", `/api/v1/organisations/${id}`, { version: before.version, name: "Ёжиков Олег" });
    expect(res.status, await res.clone().text()).toBe(200);
    const found = await allPages<{ name: string }>(staff, `/api/v1/organisations?${query({ parentId: orgParent, q: "ежиков" })}`);
    expect(names(found)).toEqual(["Ёжиков Олег"]);
    const sorted = await allPages<{ name: string }>(staff, `/api/v1/organisations?${query({ parentId: orgParent, sort: "name" })}`);
    expect(names(sorted)).toEqual(["Абаев Ержан", "Ёжиков Олег", "Ежов Илья", "елкин Борис", "Ёлкина Анна", "ЕЛЬЦОВА Вера", "Иванов Пётр", "иванова Мария", "Ålberg Nils", "Şahin Emre"]);
    await admin("PATCH", `/api/v1/organisations/${id}`, { version: before.version + 1, name: "Щукин Олег" });
  });

  it("the database computes the same key as the application, on this engine", async () => {
    const samples = [...WRITTEN, "  Ёж\u00a0ИК\tов  ", "Ǆemal Ærø", "Ⅻ 12 №5", "Қайрат Әбілов", "Йошкар-Ола", "И\u0306ван"];
    for (const text of samples) {
      const [row] = await api.db.prisma.$queryRaw<{ key: string }[]>`SELECT vep_text_key(${text}) AS key`;
      expect(row?.key, text).toBe(textKey(text));
    }
  });
});
