// Feedback forms (token shown once), feedback responses (paper forms) and quotes (consent rules).
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedId } from "@vep/db/seed";
import { client, type World, startWorld, allPages, auditOf, UNKNOWN_ID, HOSTILE } from "./fixtures.js";
import type { RunningApi } from "./harness.js";

let api: RunningApi;
let world: World;
let staff: ReturnType<typeof client>;
let partnerA: ReturnType<typeof client>;
let partnerB: ReturnType<typeof client>;
beforeAll(async () => {
  ({ api, world, as: { staff, partnerA, partnerB } } = await startWorld());
});
afterAll(() => api.close());

interface FormBody {
  id: string;
  activityId: string;
  title: string;
  responseCount: number;
  version: number;
  token?: string;
}
interface ResponseBody {
  id: string;
  personId: string | null;
  activityId: string;
  respondentSex: string | null;
  respondentRegionId: string | null;
  comments: string | null;
}
interface QuoteBody {
  id: string;
  activityId: string;
  personId: string | null;
  attribution: string | null;
  version: number;
}

const seededForm = seedId("feedback-form:webinar");

describe("feedback forms", () => {
  it("staff make a form; its token is shown once and only its SHA-256 is kept", async () => {
    const res = await staff("POST", "/api/v1/feedback-forms", {
      activityId: world.activityB,
      title: "Workshop B questionnaire",
      questions: [{ key: "relevance", label: "How relevant was it?", kind: "RATING" }],
      opensAt: "2021-03-02T10:00:00Z",
      closesAt: "2021-03-09T18:00:00+06:00",
    });
    expect(res.status).toBe(201);
    const form = (await res.json()) as FormBody;
    expect(form.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(form).toMatchObject({ activityId: world.activityB, responseCount: 0, version: 1 });
    const row = await api.db.prisma.feedbackForm.findUniqueOrThrow({ where: { id: form.id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(form.token!).digest("hex"));
    const again = await (await staff("GET", `/api/v1/feedback-forms/${form.id}`)).json();
    expect(again).not.toHaveProperty("token");
    expect(JSON.stringify(again)).not.toContain(row.tokenHash);
    const [audit] = await auditOf(api, "feedbackForm.create", form.id);
    expect(JSON.stringify(audit)).not.toContain(row.tokenHash);
    expect(JSON.stringify(audit)).not.toContain(form.token);
  });

  it("partners see the forms of their activities only", async () => {
    const a = await allPages<FormBody>(partnerA, "/api/v1/feedback-forms");
    expect(a.map((f) => f.id)).toEqual([seededForm]);
    expect(a[0]).toMatchObject({ responseCount: 27 });
    const b = await allPages<FormBody>(partnerB, "/api/v1/feedback-forms");
    expect(b.every((f) => f.activityId === world.activityB)).toBe(true);
    expect((await partnerB("GET", `/api/v1/feedback-forms/${seededForm}`)).status).toBe(404);
    expect(await allPages(partnerB, `/api/v1/feedback-forms?activityId=${world.activityA}`)).toEqual([]);
    expect((await allPages<FormBody>(staff, `/api/v1/feedback-forms?activityId=${world.activityA}`)).map((f) => f.id)).toEqual([seededForm]);
  });

  it("edits need the version; the window stays open before it closes; a stale edit is a 409", async () => {
    const form = (await (await staff("POST", "/api/v1/feedback-forms", { activityId: world.activityA, title: "Follow-up", closesAt: "2020-07-01T00:00:00Z" })).json()) as FormBody;
    const ok = await staff("PATCH", `/api/v1/feedback-forms/${form.id}`, { title: "Six-month follow-up", version: 1 });
    expect(ok.status).toBe(200);
    const stale = await staff("PATCH", `/api/v1/feedback-forms/${form.id}`, { title: "Lost edit", version: 1 });
    expect(stale.status).toBe(409);
    const backwards = await staff("PATCH", `/api/v1/feedback-forms/${form.id}`, { opensAt: "2020-08-01T00:00:00Z", version: 2 });
    expect(backwards.status).toBe(400);
    expect((await backwards.json()).errors).toHaveProperty(["body.closesAt"]);
    expect((await staff("PATCH", `/api/v1/feedback-forms/${form.id}`, { activityId: world.activityB, version: 2 })).status).toBe(400);
    expect((await partnerA("PATCH", `/api/v1/feedback-forms/${form.id}`, { title: "x", version: 2 })).status).toBe(403);
    const row = await api.db.prisma.feedbackForm.findUniqueOrThrow({ where: { id: form.id } });
    expect([row.title, row.version, row.opensAt, row.activityId]).toEqual(["Six-month follow-up", 2, null, world.activityA]);
    expect(await auditOf(api, "feedbackForm.update", form.id)).toHaveLength(1);

    expect((await staff("DELETE", `/api/v1/feedback-forms/${seededForm}`, undefined, { "if-match": '"1"' })).status).toBe(409);
    expect((await staff("DELETE", `/api/v1/feedback-forms/${form.id}`, undefined, { "if-match": '"1"' })).status).toBe(409);
    expect((await staff("DELETE", `/api/v1/feedback-forms/${form.id}`, undefined, { "if-match": '"2"' })).status).toBe(204);
    expect((await staff("GET", `/api/v1/feedback-forms/${form.id}`)).status).toBe(404);
  });

  it.each([
    ["missing title", { activityId: UNKNOWN_ID }, "body.title"],
    ["markup in the title", { activityId: UNKNOWN_ID, title: HOSTILE[0] }, "body.title"],
    ["oversized title", { activityId: UNKNOWN_ID, title: "x".repeat(301) }, "body.title"],
    ["unknown activity", { activityId: UNKNOWN_ID, title: "T" }, "body.activityId"],
    ["not a timestamp", { activityId: UNKNOWN_ID, title: "T", opensAt: "next week" }, "body.opensAt"],
    ["closes before it opens", { activityId: UNKNOWN_ID, title: "T", opensAt: "2020-06-02T00:00:00Z", closesAt: "2020-06-01T00:00:00Z" }, "body.closesAt"],
    ["bad question kind", { activityId: UNKNOWN_ID, title: "T", questions: [{ key: "a", label: "A", kind: "ESSAY" }] }, "body.questions.0.kind"],
    ["repeated question keys", { activityId: UNKNOWN_ID, title: "T", questions: [{ key: "a", label: "A", kind: "TEXT" }, { key: "a", label: "B", kind: "TEXT" }] }, "body.questions"],
    ["a token sent in", { activityId: UNKNOWN_ID, title: "T", tokenHash: "x" }, "body.tokenHash"],
  ])("%s → 400 naming the field, nothing written", async (_, body, field) => {
    const before = await api.db.prisma.feedbackForm.count();
    const res = await staff("POST", "/api/v1/feedback-forms", body);
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toHaveProperty([field]);
    expect(await api.db.prisma.feedbackForm.count()).toBe(before);
  });
});

describe("feedback responses", () => {
  it("staff see all 27 webinar responses; partner A its people's; partner B none of them", async () => {
    expect(await allPages(staff, `/api/v1/feedback-responses?activityId=${world.activityA}`)).toHaveLength(27);
    expect(await allPages(partnerA, `/api/v1/feedback-responses?activityId=${world.activityA}`)).toHaveLength(27);
    expect(await allPages(partnerB, "/api/v1/feedback-responses")).toEqual([]);
    const one = await api.db.prisma.feedbackResponse.findFirstOrThrow({ where: { activityId: world.activityA } });
    expect((await partnerB("GET", `/api/v1/feedback-responses/${one.id}`)).status).toBe(404);
    expect((await partnerA("GET", `/api/v1/feedback-responses/${one.id}`)).status).toBe(200);
  });

  it("staff enter a paper form; sex and region come from the person; free text stays out of the audit trail", async () => {
    const res = await staff("POST", "/api/v1/feedback-responses", {
      activityId: world.activityB,
      personId: world.personB.id,
      ratingRelevance: 5,
      ratingUsefulness: 4,
      ratingTrainers: 5,
      ratingOrganisation: 3,
      knowledgeBefore: 2,
      knowledgeAfter: 4,
      willApply: "Use the checklist at intake.",
      comments: "Robert'); DROP TABLE \"FeedbackResponse\";--",
      language: "ky",
      consentToQuote: true,
    });
    expect(res.status).toBe(201);
    const response = (await res.json()) as ResponseBody;
    const person = await api.db.prisma.person.findUniqueOrThrow({ where: { id: world.personB.id } });
    expect(response).toMatchObject({ respondentSex: "MALE", respondentRegionId: person.regionId, comments: "Robert'); DROP TABLE \"FeedbackResponse\";--" });
    const [audit] = await auditOf(api, "feedbackResponse.create", response.id);
    expect(JSON.stringify(audit?.after)).not.toContain("checklist");
    expect(JSON.stringify(audit?.after)).not.toContain("DROP");

    // Partner B now sees its person's response; partner A does not.
    expect((await allPages<ResponseBody>(partnerB, "/api/v1/feedback-responses")).map((r) => r.id)).toEqual([response.id]);
    expect((await partnerA("GET", `/api/v1/feedback-responses/${response.id}`)).status).toBe(404);
    expect((await allPages<ResponseBody>(partnerA, "/api/v1/feedback-responses")).map((r) => r.id)).not.toContain(response.id);

    const twice = await staff("POST", "/api/v1/feedback-responses", { activityId: world.activityB, personId: world.personB.id, ratingRelevance: 1 });
    expect(twice.status).toBe(409);
    expect(await api.db.prisma.feedbackResponse.count({ where: { personId: world.personB.id } })).toBe(1);
  });

  it.each([
    ["rating above 5", { ratingRelevance: 6 }, "body.ratingRelevance"],
    ["rating 0", { ratingTrainers: 0 }, "body.ratingTrainers"],
    ["rating not whole", { ratingUsefulness: 4.5 }, "body.ratingUsefulness"],
    ["rating as text", { ratingOrganisation: "5" }, "body.ratingOrganisation"],
    ["knowledge after above 5", { knowledgeAfter: 9 }, "body.knowledgeAfter"],
    ["comments over 4000 characters", { comments: "x".repeat(4001) }, "body.comments"],
    ["markup in willApply", { willApply: HOSTILE[0] }, "body.willApply"],
    ["attribution without consent to quote", { consentToAttribution: true }, "body.consentToAttribution"],
    ["bad language", { language: "russian" }, "body.language"],
    ["bad timestamp", { submittedAt: "2021-02-30" }, "body.submittedAt"],
    ["unknown field", { rating: 5 }, "body.rating"],
    ["unknown activity", { activityId: UNKNOWN_ID }, "body.activityId"],
    ["unknown form", { formId: UNKNOWN_ID }, "body.formId"],
    ["the form of another activity", { formId: seededForm }, "body.formId"],
    ["a person not enrolled in the activity", { personId: "PERSON_A" }, "body.personId"],
  ])("%s → 400 naming the field, nothing written", async (_, extra, field) => {
    const before = await api.db.prisma.feedbackResponse.count();
    const body = { activityId: world.activityB, ...extra } as Record<string, unknown>;
    if (body.personId === "PERSON_A") body.personId = world.personA.id;
    const res = await staff("POST", "/api/v1/feedback-responses", body);
    expect(res.status).toBe(400);
    expect((await res.json()).errors).toHaveProperty([field]);
    expect(await api.db.prisma.feedbackResponse.count()).toBe(before);
  });

  it("deletes a response unless a quote comes from it", async () => {
    const quoted = await api.db.prisma.feedbackResponse.findFirstOrThrow({ where: { quotes: { some: {} } } });
    expect((await staff("DELETE", `/api/v1/feedback-responses/${quoted.id}`)).status).toBe(409);
    const created = (await (await staff("POST", "/api/v1/feedback-responses", { activityId: world.activityA, ratingRelevance: 4, respondentSex: "FEMALE" })).json()) as ResponseBody;
    expect((await partnerA("DELETE", `/api/v1/feedback-responses/${created.id}`)).status).toBe(403);
    expect((await staff("DELETE", `/api/v1/feedback-responses/${created.id}`)).status).toBe(204);
    expect(await api.db.prisma.feedbackResponse.count({ where: { id: { in: [quoted.id, created.id] } } })).toBe(1);
    expect(await auditOf(api, "feedbackResponse.delete", created.id)).toHaveLength(1);
    expect((await staff("DELETE", `/api/v1/feedback-responses/${created.id}`)).status).toBe(404);
  });
});

describe("quotes", () => {
  it("partners see the quotes of their activities only", async () => {
    expect(await allPages(staff, `/api/v1/quotes?activityId=${world.activityA}`)).toHaveLength(3);
    expect(await allPages(partnerA, "/api/v1/quotes")).toHaveLength(3);
    expect(await allPages(partnerB, "/api/v1/quotes")).toEqual([]);
  });

  it("needs consent to quote, and consent to attribution for a name", async () => {
    const base = { activityId: world.activityA, text: "Очень полезный вебинар." };
    const refusals: [Record<string, unknown>, string][] = [
      [{ ...base }, "body.consentToQuote"],
      [{ ...base, consentToQuote: false }, "body.consentToQuote"],
      [{ ...base, consentToQuote: true, attribution: "Дина Ахметова" }, "body.attribution"],
      [{ ...base, consentToQuote: false, consentToAttribution: true }, "body.consentToAttribution"],
      [{ ...base, consentToQuote: true, text: "x".repeat(4001) }, "body.text"],
      [{ ...base, consentToQuote: true, text: HOSTILE[0] }, "body.text"],
      [{ ...base, consentToQuote: true, textTranslations: { english: "x" } }, "body.textTranslations.english"],
      [{ ...base, consentToQuote: true, version: 3 }, "body.version"],
    ];
    const before = await api.db.prisma.quote.count();
    for (const [body, field] of refusals) {
      const res = await staff("POST", "/api/v1/quotes", body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await res.json()).errors, JSON.stringify(body)).toHaveProperty([field]);
    }
    expect(await api.db.prisma.quote.count()).toBe(before);

    const anonymous = await staff("POST", "/api/v1/quotes", { ...base, consentToQuote: true });
    expect(anonymous.status).toBe(201);
    expect(await anonymous.json()).toMatchObject({ attribution: null, consentToAttribution: false, personId: null, originalLanguage: "ru" });
    const named = await staff("POST", "/api/v1/quotes", { ...base, consentToQuote: true, consentToAttribution: true, attribution: "Dina, press officer" });
    expect(named.status).toBe(201);
    const quote = (await named.json()) as QuoteBody;
    const [audit] = await auditOf(api, "quote.create", quote.id);
    expect(JSON.stringify(audit?.after)).not.toContain("Dina");
    expect((await partnerA("POST", "/api/v1/quotes", { ...base, consentToQuote: true })).status).toBe(403);
  });

  it("a quote from a feedback response takes its respondent and may not exceed the consent it records", async () => {
    const silent = await api.db.prisma.feedbackResponse.findFirstOrThrow({ where: { activityId: world.activityA, consentToQuote: false } });
    const refused = await staff("POST", "/api/v1/quotes", { activityId: world.activityA, feedbackResponseId: silent.id, text: "Something said", consentToQuote: true });
    expect(refused.status).toBe(400);
    expect((await refused.json()).errors).toHaveProperty(["body.consentToQuote"]);

    const anonymousOnly = await api.db.prisma.feedbackResponse.findFirstOrThrow({ where: { activityId: world.activityA, consentToQuote: true, consentToAttribution: false } });
    const named = await staff("POST", "/api/v1/quotes", { activityId: world.activityA, feedbackResponseId: anonymousOnly.id, text: "Quoted", consentToQuote: true, consentToAttribution: true, attribution: "Someone" });
    expect(named.status).toBe(400);
    expect((await named.json()).errors).toHaveProperty(["body.consentToAttribution"]);
    const otherActivity = await staff("POST", "/api/v1/quotes", { activityId: world.activityB, feedbackResponseId: anonymousOnly.id, text: "Quoted", consentToQuote: true });
    expect((await otherActivity.json()).errors).toHaveProperty(["body.feedbackResponseId"]);

    const ok = await staff("POST", "/api/v1/quotes", { activityId: world.activityA, feedbackResponseId: anonymousOnly.id, text: "Quoted", consentToQuote: true });
    expect(ok.status).toBe(201);
    expect(((await ok.json()) as QuoteBody).personId).toBe(anonymousOnly.personId);
  });

  it("edits need the version and keep the consent rules; deletes need If-Match", async () => {
    const quote = (await (await staff("POST", "/api/v1/quotes", { activityId: world.activityA, text: "Edit me", consentToQuote: true })).json()) as QuoteBody;
    const withName = await staff("PATCH", `/api/v1/quotes/${quote.id}`, { attribution: "A. Person", version: 1 });
    expect(withName.status).toBe(400);
    expect((await withName.json()).errors).toHaveProperty(["body.attribution"]);
    expect((await staff("PATCH", `/api/v1/quotes/${quote.id}`, { consentToQuote: false, version: 1 })).status).toBe(400);
    const ok = await staff("PATCH", `/api/v1/quotes/${quote.id}`, { consentToAttribution: true, attribution: "A. Person", version: 1 });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ attribution: "A. Person", version: 2 });
    const stale = await staff("PATCH", `/api/v1/quotes/${quote.id}`, { text: "Lost edit", version: 1 });
    expect(stale.status).toBe(409);
    const row = await api.db.prisma.quote.findUniqueOrThrow({ where: { id: quote.id } });
    expect([row.text, row.version]).toEqual(["Edit me", 2]);
    expect((await staff("PATCH", `/api/v1/quotes/${UNKNOWN_ID}`, { text: "x", version: 1 })).status).toBe(404);
    expect((await partnerA("PATCH", `/api/v1/quotes/${quote.id}`, { text: "x", version: 2 })).status).toBe(403);

    expect((await staff("DELETE", `/api/v1/quotes/${quote.id}`)).status).toBe(400);
    expect((await staff("DELETE", `/api/v1/quotes/${quote.id}`, undefined, { "if-match": '"1"' })).status).toBe(409);
    expect((await staff("DELETE", `/api/v1/quotes/${quote.id}`, undefined, { "if-match": '"2"' })).status).toBe(204);
    expect(await api.db.prisma.quote.count({ where: { id: quote.id } })).toBe(0);
    expect((await auditOf(api, "quote.update", quote.id)).length + (await auditOf(api, "quote.delete", quote.id)).length).toBe(2);
  });
});
