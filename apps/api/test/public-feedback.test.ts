// The public feedback form: reached by its token without an account, closed at its deadline,
// anonymous, validated per field, limited per address; staff turn consented comments into quotes,
// and donors only ever see consented quotes.
import { createHash, randomBytes } from "node:crypto";
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedId } from "@vep/db/seed";
import { DEFAULT_FEEDBACK_QUESTIONS } from "@vep/domain";
import { FeedbackThrottle } from "../src/feedback/throttle.js";
import { auditOf, client, clientsFor, createWorld, HOSTILE, UNKNOWN_ID, type Clients, type World } from "./fixtures.js";
import { startApi, type RunningApi } from "./harness.js";

// Small limits, so that a burst reaches them: 3 answers per form and 5 in all per address.
const PER_FORM = 3;
const PER_ADDRESS = 5;

let api: RunningApi;
let world: World;
let as: Clients;
let anonymous: ReturnType<typeof client>;
beforeAll(async () => {
  api = await startApi({
    feedbackThrottle: new FeedbackThrottle({ perForm: { maxFailures: PER_FORM, windowMs: 10 * 60_000 }, perAddress: { maxFailures: PER_ADDRESS, windowMs: 60 * 60_000 } }),
  });
  world = await createWorld(api);
  as = clientsFor(api, world);
  anonymous = client(api, null);
});
afterAll(() => api.close());

const DAY = 24 * 60 * 60 * 1000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

/** Each test answers from addresses of its own, so that the limits of one never touch another. */
let lastAddress = 0;
const newAddress = () => `198.51.100.${++lastAddress}`;

interface Form {
  id: string;
  token: string;
  questions: { key: string; label: string; kind: string }[];
  version: number;
}

async function makeForm(window: { opensAt?: string; closesAt?: string } = { closesAt: inDays(7) }, activityId = world.activityA): Promise<Form> {
  const res = await as.staff("POST", "/api/v1/feedback-forms", { activityId, title: "End-of-course questionnaire", ...window });
  expect(res.status).toBe(201);
  return (await res.json()) as Form;
}

const formPath = (token: string) => `/api/v1/public/feedback-forms/${token}`;
const answer = (token: string, body: unknown, address = newAddress()) => anonymous("POST", `${formPath(token)}/responses`, body, { "x-forwarded-for": address });
const countResponses = (formId?: string) => api.db.prisma.feedbackResponse.count(formId ? { where: { formId } } : undefined);

const FULL_ANSWER = {
  ratingRelevance: 5,
  ratingUsefulness: 4,
  ratingTrainers: 5,
  ratingOrganisation: 3,
  knowledgeBefore: 2,
  knowledgeAfter: 4,
  willApply: "Ответы журналистам в течение часа.",
  comments: "Очень полезный курс, особенно кризисные коммуникации.",
  consentToQuote: true,
  consentToAttribution: false,
  respondentSex: "FEMALE",
  respondentRegionId: seedId("region:KZ-KAR:2018-06-19"),
  language: "ru",
};

describe("reading the form by its link", () => {
  it("gives the form, the activity, the default questions, the deadline and the regions of the activity's dates", async () => {
    const form = await makeForm();
    expect(form.questions).toEqual(DEFAULT_FEEDBACK_QUESTIONS);
    const res = await anonymous("GET", formPath(form.token));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      title: "End-of-course questionnaire",
      activity: { title: "Effective communications: the basics of work with the media", startDate: "2020-05-13", endDate: "2020-05-29" },
      questions: DEFAULT_FEEDBACK_QUESTIONS,
    });
    expect(body.activity.titleTranslations).toHaveProperty("ru");
    expect(new Date(body.closesAt).getTime()).toBeGreaterThan(Date.now());
    // The 17 regions of 2020; Abai Region was formed in 2022.
    expect(body.regions).toHaveLength(17);
    expect(body.regions.map((r: { name: string }) => r.name)).not.toContain("Abai Region");
    expect(body.regions.find((r: { code: string }) => r.code === "KZ-KAR")).toMatchObject({ name: "Karaganda Region", nameTranslations: { ru: "Карагандинская область" } });
    // Nothing about the form's other answers, its id or its token.
    const text = JSON.stringify(body);
    for (const secret of [form.id, form.token, createHash("sha256").update(form.token).digest("hex"), "responseCount"]) expect(text).not.toContain(secret);
  });

  it("a missing, wrong or malformed token is the same 404, for reading and for answering", async () => {
    const before = await countResponses();
    const wrong = randomBytes(32).toString("base64url");
    const bodies = new Set<string>();
    for (const token of [wrong, "abc", "x".repeat(43).replace(/x$/, "!"), encodeURIComponent("' OR 1=1 --"), "a".repeat(5000)]) {
      const read = await anonymous("GET", formPath(token));
      expect(read.status, token).toBe(404);
      expect(read.headers.get("content-type")).toContain("application/problem+json");
      bodies.add(await read.text());
      const post = await answer(token, FULL_ANSWER);
      expect(post.status, token).toBe(404);
    }
    expect(bodies.size).toBe(1);
    expect((await anonymous("GET", "/api/v1/public/feedback-forms/")).status).toBe(404);
    expect((await answer("", FULL_ANSWER)).status).toBe(404);
    expect(await countResponses()).toBe(before);
  });

  it("a form not open yet answers 403; an expired one 410; a form staff close answers 410 from then on", async () => {
    const early = await makeForm({ opensAt: inDays(2), closesAt: inDays(9) });
    const expired = await makeForm({ opensAt: inDays(-9), closesAt: inDays(-2) });
    const before = await countResponses();

    const notYet = await anonymous("GET", formPath(early.token));
    expect(notYet.status).toBe(403);
    expect(await notYet.json()).toMatchObject({ title: "Not open yet" });
    expect((await answer(early.token, FULL_ANSWER)).status).toBe(403);
    const gone = await anonymous("GET", formPath(expired.token));
    expect(gone.status).toBe(410);
    expect(await gone.json()).toMatchObject({ title: "Closed" });
    expect((await answer(expired.token, FULL_ANSWER)).status).toBe(410);
    expect(await countResponses()).toBe(before);

    // Open, answered once, then closed by staff: the link stops working at once.
    const open = await makeForm();
    expect((await answer(open.token, FULL_ANSWER)).status).toBe(201);
    const closed = await as.staff("PATCH", `/api/v1/feedback-forms/${open.id}`, { closesAt: new Date().toISOString(), version: open.version });
    expect(closed.status).toBe(200);
    expect((await anonymous("GET", formPath(open.token))).status).toBe(410);
    expect((await answer(open.token, FULL_ANSWER)).status).toBe(410);
    expect(await countResponses(open.id)).toBe(1);
  });

  it("anyone who has the link may read it, signed in or not", async () => {
    const form = await makeForm();
    for (const call of [as.partnerB, as.donorA, as.staff]) expect((await call("GET", formPath(form.token))).status).toBe(200);
  });
});

describe("answering", () => {
  it("stores a valid answer anonymously: no person, no address, free text kept out of the audit trail", async () => {
    const form = await makeForm();
    const res = await answer(form.token, FULL_ANSWER, "203.0.113.77");
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(Object.keys(body)).toEqual(["id"]);
    const row = await api.db.prisma.feedbackResponse.findUniqueOrThrow({ where: { id: body.id } });
    const { respondentRegionId, ...rest } = FULL_ANSWER;
    expect(row).toMatchObject({ ...rest, respondentRegionId, activityId: world.activityA, formId: form.id, personId: null, submissionId: null });
    const [audit, ...more] = await auditOf(api, "feedbackResponse.submit", body.id);
    expect(more).toEqual([]);
    expect(audit).toMatchObject({ actorId: null, ipAddress: null });
    const trail = JSON.stringify(audit);
    for (const secret of ["203.0.113.77", "журналистам", "кризисные"]) expect(trail).not.toContain(secret);
    // Staff see it among the form's responses; the form counts it.
    expect((await (await as.staff("GET", `/api/v1/feedback-forms/${form.id}`)).json()).responseCount).toBe(1);
  });

  it("every question is optional but the language", async () => {
    const form = await makeForm();
    expect((await answer(form.token, { language: "kk" })).status).toBe(201);
    const missing = await answer(form.token, {});
    expect(missing.status).toBe(400);
    expect((await missing.json()).errors).toHaveProperty(["body.language"]);
  });

  it.each([
    ["comments over 4000 characters", { comments: "я".repeat(4001) }, "body.comments"],
    ["willApply over 2000 characters", { willApply: "x".repeat(2001) }, "body.willApply"],
    ["a rating of 6", { ratingRelevance: 6 }, "body.ratingRelevance"],
    ["a rating of 0", { ratingTrainers: 0 }, "body.ratingTrainers"],
    ["a rating not whole", { ratingUsefulness: 4.5 }, "body.ratingUsefulness"],
    ["a rating as text", { ratingOrganisation: "5" }, "body.ratingOrganisation"],
    ["knowledge before of 9", { knowledgeBefore: 9 }, "body.knowledgeBefore"],
    ["knowledge after of -1", { knowledgeAfter: -1 }, "body.knowledgeAfter"],
    ["markup in the comments", { comments: HOSTILE[0] }, "body.comments"],
    ["an empty comment", { comments: "   " }, "body.comments"],
    ["consent as text", { consentToQuote: "yes" }, "body.consentToQuote"],
    ["an unknown sex", { respondentSex: "OTHER" }, "body.respondentSex"],
    ["a language the form has not", { language: "de" }, "body.language"],
    ["a name (answers are anonymous)", { name: "Дина Ахметова" }, "body.name"],
    ["a person", { personId: UNKNOWN_ID }, "body.personId"],
    ["a region id that is no id", { respondentRegionId: "Karaganda" }, "body.respondentRegionId"],
    ["a region formed after the activity", { respondentRegionId: seedId("region:KZ-10:2022-06-08") }, "body.respondentRegionId"],
    ["a region of another country", { respondentRegionId: "CHUY" }, "body.respondentRegionId"],
    ["a region that does not exist", { respondentRegionId: UNKNOWN_ID }, "body.respondentRegionId"],
  ])("%s → 400 naming the field, nothing written", async (_, extra, field) => {
    const form = await makeForm();
    const body: Record<string, unknown> = { ...FULL_ANSWER, ...extra };
    if (body.respondentRegionId === "CHUY") body.respondentRegionId = (await api.db.prisma.region.findFirstOrThrow({ where: { code: "KG-C" } })).id;
    const before = await countResponses();
    const res = await answer(form.token, body);
    expect(res.status).toBe(400);
    const problem = await res.json();
    expect(problem.errors).toHaveProperty([field]);
    expect(JSON.stringify(problem)).not.toMatch(/at .+\.(ts|js):\d+/);
    expect(await countResponses()).toBe(before);
  });

  it("a body over the size limit is refused with 413, nothing written", async () => {
    const form = await makeForm();
    const before = await countResponses();
    // On a connection of its own: the API answers before reading the body and closes it.
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${api.url}${formPath(form.token)}/responses`, { method: "POST", agent: false, headers: { "content-type": "application/json" } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      req.end(JSON.stringify({ ...FULL_ANSWER, comments: "x".repeat(300 * 1024) }));
    });
    expect(status).toBe(413);
    expect(await countResponses()).toBe(before);
  });

  it("consent to be named needs consent to be quoted; both are kept as given", async () => {
    const form = await makeForm();
    const refused = await answer(form.token, { ...FULL_ANSWER, consentToQuote: false, consentToAttribution: true });
    expect(refused.status).toBe(400);
    expect((await refused.json()).errors).toEqual({ "body.consentToAttribution": "Attribution needs consent to quote as well." });
    expect(await countResponses(form.id)).toBe(0);

    const named = await answer(form.token, { ...FULL_ANSWER, consentToQuote: true, consentToAttribution: true });
    expect(named.status).toBe(201);
    const silent = await answer(form.token, { ...FULL_ANSWER, consentToQuote: false, consentToAttribution: false });
    expect(silent.status).toBe(201);
    const omitted = await answer(form.token, { language: "ru", comments: "Без согласия." });
    const rows = await api.db.prisma.feedbackResponse.findMany({ where: { id: { in: [(await named.json()).id, (await silent.json()).id, (await omitted.json()).id] } }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.consentToQuote, r.consentToAttribution])).toEqual([
      [true, true],
      [false, false],
      [false, false],
    ]);
  });
});

describe("limits per address", () => {
  it("a burst from one address gets 429 with Retry-After beyond the limit, and no rows beyond it", async () => {
    const form = await makeForm();
    const address = newAddress();
    const results = await Promise.all(Array.from({ length: 8 }, () => answer(form.token, FULL_ANSWER, address)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([...Array(PER_FORM).fill(201), ...Array(8 - PER_FORM).fill(429)]);
    for (const res of results.filter((r) => r.status === 429)) {
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(await res.json()).toMatchObject({ status: 429, title: "Too many answers" });
    }
    expect(await countResponses(form.id)).toBe(PER_FORM);
    // Someone else in the same room on another address is not held up.
    expect((await answer(form.token, FULL_ANSWER, newAddress())).status).toBe(201);
  });

  it("one address has an overall limit across forms too", async () => {
    const [first, second] = [await makeForm(), await makeForm()];
    const address = newAddress();
    for (let i = 0; i < PER_FORM; i++) expect((await answer(first.token, FULL_ANSWER, address)).status).toBe(201);
    for (let i = PER_FORM; i < PER_ADDRESS; i++) expect((await answer(second.token, FULL_ANSWER, address)).status).toBe(201);
    const over = await answer(second.token, FULL_ANSWER, address);
    expect(over.status).toBe(429);
    expect(over.headers.get("retry-after")).toMatch(/^\d+$/);
    expect((await countResponses(first.id)) + (await countResponses(second.id))).toBe(PER_ADDRESS);
  });

  it("refused answers (invalid, unknown form) do not use up the limit", async () => {
    const form = await makeForm();
    const address = newAddress();
    for (let i = 0; i < PER_FORM + 2; i++) expect((await answer(form.token, { ...FULL_ANSWER, ratingRelevance: 9 }, address)).status).toBe(400);
    expect((await answer(form.token, FULL_ANSWER, address)).status).toBe(201);
  });
});

describe("quotes from answers", () => {
  async function answered(body: Record<string, unknown>): Promise<string> {
    const form = await makeForm();
    const res = await answer(form.token, { ...FULL_ANSWER, ...body });
    expect(res.status).toBe(201);
    return (await res.json()).id as string;
  }
  const quote = (id: string, body: unknown = {}, call = as.staff) => call("POST", `/api/v1/feedback-responses/${id}/quote`, body);

  it("staff make an anonymous quote of a consented comment, once", async () => {
    const id = await answered({ comments: "Теперь я знаю, как говорить с журналистами." });
    const res = await quote(id);
    expect(res.status).toBe(201);
    const made = await res.json();
    expect(made).toMatchObject({
      activityId: world.activityA,
      feedbackResponseId: id,
      personId: null,
      text: "Теперь я знаю, как говорить с журналистами.",
      originalLanguage: "ru",
      consentToQuote: true,
      consentToAttribution: false,
      attribution: null,
    });
    expect(await auditOf(api, "quote.create", made.id)).toHaveLength(1);
    const again = await quote(id);
    expect(again.status).toBe(409);
    expect(await api.db.prisma.quote.count({ where: { feedbackResponseId: id } })).toBe(1);
  });

  it("refuses a comment without consent to quote, a name without consent to attribution, and an answer without a comment", async () => {
    const before = await api.db.prisma.quote.count();
    const silent = await answered({ consentToQuote: false });
    const refused = await quote(silent);
    expect(refused.status).toBe(400);
    expect((await refused.json()).errors).toEqual({ "body.consentToQuote": "The feedback response does not record consent to quote." });

    const anonymousOnly = await answered({ consentToQuote: true, consentToAttribution: false });
    const named = await quote(anonymousOnly, { attribution: "Prison press officer, Karaganda" });
    expect(named.status).toBe(400);
    expect((await named.json()).errors).toHaveProperty(["body.attribution"]);

    const noComment = await answered({ comments: undefined });
    const empty = await quote(noComment);
    expect(empty.status).toBe(400);
    expect((await empty.json()).errors).toHaveProperty(["param.id"]);

    expect((await quote(UNKNOWN_ID)).status).toBe(404);
    expect((await quote(anonymousOnly, { attribution: HOSTILE[0] })).status).toBe(400);
    expect((await quote(anonymousOnly, { text: "Something else" })).status).toBe(400);
    expect(await api.db.prisma.quote.count()).toBe(before);
  });

  it("names the speaker only where the answer consents to it", async () => {
    const id = await answered({ consentToQuote: true, consentToAttribution: true, comments: "I will use the crisis checklist." , language: "en" });
    const res = await quote(id, { attribution: "Prison press officer, Karaganda" });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ consentToAttribution: true, attribution: "Prison press officer, Karaganda", originalLanguage: "en" });
  });

  it("partners, donors and anonymous callers may not make quotes", async () => {
    const id = await answered({});
    expect((await quote(id, {}, as.partnerA)).status).toBe(403);
    expect((await quote(id, {}, as.donorA)).status).toBe(403);
    expect((await quote(id, {}, anonymous)).status).toBe(401);
    expect(await api.db.prisma.quote.count({ where: { feedbackResponseId: id } })).toBe(0);
  });

  it("donors and the public see consented quotes only, a name only with consent to attribution", async () => {
    // A quote without consent can only be written past the API (it refuses one): it must still never show.
    const secret = "Unconsented remark that must never reach a donor";
    await api.db.prisma.quote.create({ data: { activityId: world.activityA, text: secret, consentToQuote: false, consentToAttribution: true, attribution: "Hidden Name" } });
    const id = await answered({ consentToQuote: true, consentToAttribution: false, comments: "Consented remark for the donors.", language: "en" });
    expect((await quote(id)).status).toBe(201);

    const progress = await as.donorA("GET", "/api/v1/donor-progress");
    expect(progress.status).toBe(200);
    const quotes = (await progress.json()).quotes as { text: string; attribution: string | null }[];
    expect(quotes.map((q) => q.text)).toContain("Consented remark for the donors.");
    expect(quotes.find((q) => q.text === "Consented remark for the donors.")?.attribution).toBeNull();
    const publicActivity = await anonymous("GET", `/api/v1/public/activities/${world.activityA}`);
    const publicQuotes = (await publicActivity.json()).quotes as { text: string }[];
    expect(publicQuotes.map((q) => q.text)).toContain("Consented remark for the donors.");
    for (const text of [JSON.stringify(quotes), JSON.stringify(publicQuotes)]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain("Hidden Name");
    }
    // Donors never reach the responses themselves.
    expect((await as.donorA("GET", `/api/v1/feedback-responses/${id}`)).status).toBe(403);
  });
});
