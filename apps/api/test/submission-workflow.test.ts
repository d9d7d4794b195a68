// The review of a participant list, end to end over HTTP: import → submit → return with row comments →
// fix → resubmit (a new revision with a field-level diff) → approve; every step by every role, the
// notices each side gets, and the rule that figures change only at approval.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorld, type Clients, type World } from "./fixtures.js";
import type { RunningApi } from "./harness.js";
import { csvBytes, departmentSheet, PEOPLE, upload } from "./sheets.js";

let api: RunningApi;
let world: World;
let as: Clients;
beforeAll(async () => {
  ({ api, world, as } = await startWorld());
});
afterAll(() => api.close());

type Submission = { id: string; status: string; revision: number; rows: number; version: number; editable: boolean };

const publicParticipants = async () => ((await (await fetch(`${api.url}/api/v1/public/summary`)).json()) as { totals: { participants: { value: number } } }).totals.participants.value;
const enrolled = () => api.db.prisma.enrolment.count({ where: { activityId: world.activityA } });

async function importList(people: string[][]): Promise<Submission> {
  const res = await upload(api, world.tokens.partnerA, `/api/v1/activities/${world.activityA}/participant-imports`, csvBytes(departmentSheet(people)));
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()).submission;
}

async function step(who: keyof Clients, submission: Submission, action: "submit" | "return" | "approve", body: Record<string, unknown> = {}) {
  return as[who]("POST", `/api/v1/submissions/${submission.id}/${action}`, { version: submission.version, ...body });
}

async function notices(who: keyof Clients) {
  return (await (await as[who]("GET", "/api/v1/notifications?unread=true")).json()).items as { id: string; kind: string; submissionId: string; comment: string | null }[];
}

describe("a list from upload to approval", () => {
  let list: Submission;
  const figures: number[] = [];

  it("a partner imports and submits; staff are told; nothing counts yet", async () => {
    figures.push(await publicParticipants());
    const enrolledBefore = await enrolled();
    list = await importList(PEOPLE);
    expect(list).toMatchObject({ status: "DRAFT", revision: 1, rows: 4, editable: true });
    const res = await step("partnerA", list, "submit", { comment: "Список от ДП областей" });
    expect(res.status).toBe(200);
    list = await res.json();
    expect(list).toMatchObject({ status: "SUBMITTED", editable: false });
    expect(await enrolled()).toBe(enrolledBefore);
    expect(await publicParticipants()).toBe(figures[0]);
    expect((await notices("staff")).filter((n) => n.submissionId === list.id)).toEqual([expect.objectContaining({ kind: "submission.submitted", comment: "Список от ДП областей" })]);
  });

  it("a list under review takes no import, and no edit", async () => {
    const res = await upload(api, world.tokens.partnerA, `/api/v1/activities/${world.activityA}/participant-imports`, csvBytes(departmentSheet(PEOPLE)));
    expect(res.status).toBe(409);
    expect((await as.partnerA("PATCH", `/api/v1/submissions/${list.id}/rows/4`, { version: list.version, sex: "FEMALE" })).status).toBe(409);
  });

  it("only staff return or approve; a partner, a donor and another partner cannot", async () => {
    expect((await step("partnerA", list, "approve")).status).toBe(403);
    expect((await step("partnerA", list, "return", { comment: "x" })).status).toBe(403);
    expect((await step("donorA", list, "submit")).status).toBe(403);
    expect((await step("partnerB", list, "submit")).status).toBe(404);
    expect((await step("staff", list, "submit")).status).toBe(409);
    expect((await step("staff", { ...list, version: list.version - 1 }, "approve")).status).toBe(409);
    expect((await step("staff", list, "return", {})).status).toBe(400);
    const noSuchRow = await step("staff", list, "return", { rows: [{ rowNumber: 99, comment: "?" }] });
    expect((await noSuchRow.json()).errors).toEqual({ "body.rows.0.rowNumber": "The list has no row 99." });
  });

  it("staff return single rows with comments; the partner is told and sees them on the rows", async () => {
    const res = await step("staff", list, "return", { comment: "Проверьте пол в строке 6", rows: [{ rowNumber: 6, field: "sex", comment: "Nurlanov — мужчина или женщина? Уточните." }] });
    expect(res.status).toBe(200);
    list = await res.json();
    expect(list).toMatchObject({ status: "RETURNED", revision: 2, rows: 4, editable: true });
    expect((await notices("partnerA")).filter((n) => n.submissionId === list.id)).toEqual([expect.objectContaining({ kind: "submission.returned", comment: "Проверьте пол в строке 6" })]);
    const commented = (await (await as.partnerA("GET", `/api/v1/submissions/${list.id}/rows?commented=true`)).json()).items;
    expect(commented).toEqual([expect.objectContaining({ rowNumber: 6, fullName: "Nurlanov Yerlan", comments: [{ revision: 1, field: "sex", comment: "Nurlanov — мужчина или женщина? Уточните." }] })]);
  });

  it("the partner fixes the row and resubmits: a new revision whose diff names the field", async () => {
    const stale = await as.partnerA("PATCH", `/api/v1/submissions/${list.id}/rows/6`, { version: list.version - 1, sex: "FEMALE" });
    expect(stale.status).toBe(409);
    const fixed = await as.partnerA("PATCH", `/api/v1/submissions/${list.id}/rows/6`, { version: list.version, sex: "FEMALE", position: "press secretary" });
    expect(fixed.status, await fixed.clone().text()).toBe(200);
    list = await fixed.json();
    const removed = await as.partnerA("DELETE", `/api/v1/submissions/${list.id}/rows/7`, undefined, { "if-match": `"${list.version}"` });
    expect(removed.status).toBe(200);
    list = await removed.json();
    expect(list.rows).toBe(3);
    list = await (await step("partnerA", list, "submit")).json();
    expect(list).toMatchObject({ status: "SUBMITTED", revision: 2 });

    const diff = await (await as.staff("GET", `/api/v1/submissions/${list.id}/diff`)).json();
    expect(diff).toEqual({
      from: 1,
      to: 2,
      counts: { added: 0, removed: 1, changed: 1, unchanged: 2 },
      added: [],
      removed: [{ rowNumber: 7, fullName: "Жумабаева Гульнар" }],
      changed: [{ rowNumber: 6, fullName: "Nurlanov Yerlan", fields: [{ field: "sex", before: "MALE", after: "FEMALE" }, { field: "position", before: "press officer", after: "press secretary" }] }],
    });
    // Revision 1 is kept as it was sent.
    const first = (await (await as.staff("GET", `/api/v1/submissions/${list.id}/rows?revision=1`)).json()).items;
    expect(first).toHaveLength(4);
  });

  it("approval turns the rows into participants that count, locks the list and tells the partner", async () => {
    const enrolledBefore = await enrolled();
    const res = await step("staff", list, "approve", { comment: "Спасибо" });
    expect(res.status).toBe(200);
    list = await res.json();
    expect(list).toMatchObject({ status: "APPROVED", editable: false });
    expect(await enrolled()).toBe(enrolledBefore + 3);
    expect(await publicParticipants()).toBe(figures[0]! + 3);
    const people = await api.db.prisma.person.findMany({ where: { enrolments: { some: { submissionId: list.id } } }, select: { fullName: true, sex: true, organisationId: true } });
    expect(people).toHaveLength(3);
    expect(people.find((p) => p.fullName === "Nurlanov Yerlan")).toMatchObject({ sex: "FEMALE", organisationId: world.partnerOrgA });
    expect((await notices("partnerA")).map((n) => n.kind)).toContain("submission.approved");

    expect((await step("staff", list, "return", { comment: "again" })).status).toBe(409);
    expect((await as.partnerA("PATCH", `/api/v1/submissions/${list.id}/rows/4`, { version: list.version, sex: "FEMALE" })).status).toBe(409);
  });

  it("keeps the whole history", async () => {
    const history = await (await as.partnerA("GET", `/api/v1/submissions/${list.id}/history`)).json();
    expect(history.events.map((e: { action: string; revision: number }) => `${e.action}@${e.revision}`)).toEqual(["IMPORTED@1", "SUBMITTED@1", "RETURNED@1", "ROWS_EDITED@2", "ROWS_EDITED@2", "SUBMITTED@2", "APPROVED@2"]);
    expect(history.revisions.map((r: { number: number; rows: number }) => [r.number, r.rows])).toEqual([[1, 4], [2, 3]]);
    expect(history.comments).toHaveLength(2);
    expect(history.events.at(-1).meta).toEqual({ linked: 0, created: 3, enrolled: 3 });
  });

  it("after approval, a new import starts a new list; people already known are linked, not duplicated", async () => {
    const next = await importList([PEOPLE[0]!, ["Новиков Олег", "М", "Акмолинская обл.", ""]]);
    expect(next.id).not.toBe(list.id);
    const submitted = await (await step("partnerA", next, "submit")).json();
    const approved = await (await step("staff", submitted, "approve")).json();
    expect(approved.status).toBe("APPROVED");
    const history = await (await as.staff("GET", `/api/v1/submissions/${next.id}/history`)).json();
    // Сидоров is already enrolled (linked, not enrolled twice); Новиков is new.
    expect(history.events.at(-1).meta).toEqual({ linked: 1, created: 1, enrolled: 1 });
    expect(await api.db.prisma.person.count({ where: { normalisedName: "сидоров петр ильич" } })).toBe(1);
  });
});

describe("notices", () => {
  it("belong to their user, and are marked read", async () => {
    const [first] = await notices("partnerA");
    expect(first).toBeDefined();
    expect((await as.staff("POST", `/api/v1/notifications/${first!.id}/read`)).status).toBe(404);
    const read = await as.partnerA("POST", `/api/v1/notifications/${first!.id}/read`);
    expect((await read.json()).readAt).not.toBeNull();
    await as.partnerA("POST", "/api/v1/notifications/read-all");
    expect(await (await as.partnerA("GET", "/api/v1/notifications/unread-count")).json()).toEqual({ unread: 0 });
    expect((await notices("donorA")).length).toBe(0);
  });
});
