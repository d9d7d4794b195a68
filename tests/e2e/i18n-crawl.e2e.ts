// Russian everywhere (issue 8): for each role, a real Chromium set to Russian signs in and crawls every
// page the role reaches by following the dashboard's own links, breadth first from the home page, and
// collects every Latin word of three or more letters that a person could read or hear: the visible text,
// the page title, and the aria-label/title/placeholder/alt attributes. Text inside an element marked as
// another language (`lang="en"`: a language's own name in the switch, a quote or title shown in its
// original language because no Russian exists) is by design and is counted apart, not as a leak.
import { writeFileSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { seedId } from "@vep/db/seed";
import { describeDefinition } from "@vep/domain";
import { artifactsDir, startStack, type Stack, openAs, ROLE_HOMES } from "./harness.js";

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

/** At most this many pages per role, and this many pages of one shape (same path with ids, or query variants). */
const MAX_PAGES = 150;
const MAX_PER_SHAPE = 3;

/**
 * Latin words that are not English: names of organisations and codes the programme writes in Latin in
 * every language (UN entities, the donors, file formats, currencies), and the seed's proper names.
 */
const ALLOWED = new Set([
  // Organisations and the initiative.
  "UNODC", "UNOCT", "UNCCT", "UNCTED", "VEP", "IATI", "DAC", "OECD",
  // File formats, currencies, time zone.
  "CSV", "PDF", "XLSX", "XML", "JSON", "USD", "EUR", "UTC", "ISO",
  // Product and protocol names.
  "Excel", "http", "https", "xlsx", "csv",
]);

/**
 * The seed's own texts in English for which the data model has no translation (people's names, positions
 * and answers, account names, staff's comments, topics and units): what people typed, shown as typed. Texts
 * that do have a translation column (titles, descriptions, names of regions, organisations and indicators)
 * are not here: a page must show their Russian.
 */
const SEED_FREE_TEXT = [
  // People (participants named in UNODC's public account; fictional trainers) and their positions and expertise.
  "Akerke Zhaubasarova, press secretary of the Prison Committee", "Roman Telenkov, press officer, Mangistau regional prison department",
  "Akerke Zhaubasarova", "Roman Telenkov", "Press secretary of the Prison Committee", "Press officer, Mangistau regional prison department",
  "Aliya Bekova", "Pavel Orlov", "Dana Serikbayeva", "Media trainer, former television journalist", "Public relations consultant",
  "Human rights and media expert", "crisis communication", "interviews", "social media", "press releases", "photo and video", "ethical reporting",
  // Demo accounts.
  "Demo Administrator", "Demo Project Officer", "Demo Prison Committee Officer", "Demo EU Programme Manager",
  // Staff's and respondents' free text: review comment, answers, form title, spending notes, evidence note.
  "Checked against the attendance sheets of all nine sessions.", "End-of-course questionnaire",
  "Prepare press releases that follow the Nelson Mandela Rules and answer journalists quickly in a crisis.",
  "Trainers' fees, online platform and interpretation for the media webinar", "Other programme activities in 2020",
  "Computed from the approved participant list, attendance and feedback of the 2020 media webinar.",
  // The webinar's topics (a list of tags without translations) and the indicators' units.
  "information materials for the media", "Nelson Mandela Rules", "interviews and press conferences", "press releases and news stories",
  "disinformation and reputation", "communication strategy", "people", "regions",
  // The Prison Committee's acronym; other spellings of region names that imports recognise (aliases).
  "CES MoI", "Almaty city", "Astana", "Zhambyl", "Zhetysu", "Mangistau", "Turkestan", "Karagandy", "Akmola", "Aktobe", "Atyrau",
  "East Kazakhstan", "North Kazakhstan", "West Kazakhstan", "Jambyl", "Karaganda", "Kostanay", "Kyzylorda", "Mangystau", "Pavlodar", "Abai", "Ulytau",
];
/** The seed's free texts as whole phrases, longest first, so that "press releases" goes before "press". */
const SEED_PHRASES = [...SEED_FREE_TEXT]
  .sort((a, b) => b.length - a.length)
  .map((text) => new RegExp(`(?<![\\p{L}])${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}])`, "gu"));

/** Links not to follow: signing out, downloads and machine formats, the language switch itself. */
function skipped(url: URL): boolean {
  return /\/logout\b|\.csv$|\.xml$|\.xlsx$|\.pdf$|\/exports\/|\/participant-imports\/|\/iati-exports\//.test(url.pathname) || url.searchParams.has("lng");
}

/** A page's shape: its path with ids replaced, so that one activity's pages stand for all of them. */
function shapeOf(url: URL): string {
  return url.pathname.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, ":id");
}

interface Found {
  /** Word → pages it was found on. */
  words: Map<string, Set<string>>;
  otherLanguage: Map<string, Set<string>>;
  /** Word → a text it was found in, for the report. */
  samples: Map<string, string>;
}

/** What the page says: visible text, title and spoken attributes; apart, what is inside another language's element. */
async function readableTexts(page: Page): Promise<{ ours: string[]; otherLanguage: string[] }> {
  return page.evaluate(() => {
    const pageLang = document.documentElement.lang;
    const ours: string[] = [document.title];
    const otherLanguage: string[] = [];
    const foreign = (el: Element) => {
      const lang = el.closest("[lang]")?.getAttribute("lang");
      return lang !== undefined && lang !== null && lang !== pageLang;
    };
    // Visible text, element by element (innerText leaves out hidden and aria-hidden-only layout text).
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim();
      if (!parent || !text) continue;
      // Scripts, and a textarea's text, which is the value being edited (as an input's value, not read here).
      if (parent.closest("script, style, template, noscript, textarea")) continue;
      // Not rendered (display: none, closed <details> content aside): checkVisibility covers both.
      if (!parent.checkVisibility() && !parent.closest("option, select")) continue;
      (foreign(parent) ? otherLanguage : ours).push(text);
    }
    for (const el of document.querySelectorAll("[aria-label], [title], [placeholder], [alt], input[type=submit][value], input[type=button][value]")) {
      for (const attr of ["aria-label", "title", "placeholder", "alt"]) {
        const value = el.getAttribute(attr);
        if (value) (foreign(el) ? otherLanguage : ours).push(value);
      }
      if (el instanceof HTMLInputElement && (el.type === "submit" || el.type === "button")) ours.push(el.value);
    }
    return { ours, otherLanguage };
  });
}

/** Latin words of three or more letters, leaving out e-mail addresses, web addresses, codes and the seed's free text. */
function latinWords(text: string): string[] {
  const cleaned = SEED_PHRASES.reduce((rest, phrase) => rest.replace(phrase, " "), text)
    .replace(/[\w.+-]+@[\w-]+(\.[\w-]+)+/g, " ")
    .replace(/https?:\/\/\S+/g, " ")
    // Codes such as KAZ-2020-MEDIA, XM-DAC-41110-GLOZ82, IND-1.1.1, OP1.1, ENI/2018/401-234, XI-IATI-EC_INTPA, KZ-AKM.
    .replace(/[\w./-]*\d[\w./-]*/g, " ")
    .replace(/\b[A-Z][A-Z0-9]*(?:[-_][A-Z0-9]+)+\b/g, " ")
    // Paths (/staff/activities).
    .replace(/\/[\w\-./:?=&%]+/g, " ");
  return (cleaned.match(/\p{Script=Latin}{3,}/gu) ?? []).filter((word) => !ALLOWED.has(word));
}

async function crawl(page: Page, home: string): Promise<{ pages: string[]; found: Found; failures: string[] }> {
  const found: Found = { words: new Map(), otherLanguage: new Map(), samples: new Map() };
  const failures: string[] = [];
  const queue = [new URL("/", stack.webUrl).href, new URL(home, stack.webUrl).href];
  const seen = new Set(queue);
  const perShape = new Map<string, number>();
  const pages: string[] = [];
  const note = (map: Map<string, Set<string>>, word: string, where: string) => {
    if (!map.has(word)) map.set(word, new Set());
    map.get(word)!.add(where);
  };

  while (queue.length > 0 && pages.length < MAX_PAGES) {
    const href = queue.shift()!;
    const response = await page.goto(href, { waitUntil: "load" });
    const where = new URL(page.url()).pathname + new URL(page.url()).search;
    pages.push(where);
    if (!response || response.status() >= 500) failures.push(`${where}: ${response?.status()}`);
    const lang = await page.locator("html").getAttribute("lang");
    if (lang !== "ru") failures.push(`${where}: <html lang="${lang}">`);

    const { ours, otherLanguage } = await readableTexts(page);
    for (const text of ours) {
      for (const word of latinWords(text)) {
        note(found.words, word, where);
        if (!found.samples.has(word)) found.samples.set(word, text.slice(0, 160));
      }
    }
    for (const word of otherLanguage.flatMap(latinWords)) note(found.otherLanguage, word, where);

    const links = await page.$$eval("a[href]", (anchors) => anchors.filter((a) => !a.hasAttribute("download")).map((a) => (a as HTMLAnchorElement).href));
    for (const link of links) {
      const url = new URL(link);
      url.hash = "";
      if (url.origin !== new URL(stack.webUrl).origin || skipped(url) || seen.has(url.href)) continue;
      const shape = shapeOf(url) + (url.search ? "?" : "");
      const count = perShape.get(shape) ?? 0;
      if (count >= MAX_PER_SHAPE) continue;
      perShape.set(shape, count + 1);
      seen.add(url.href);
      queue.push(url.href);
    }
  }
  return { pages, found, failures };
}

const summary = (map: Map<string, Set<string>>) => [...map].map(([word, where]) => `${word} (${[...where].slice(0, 3).join(", ")}${where.size > 3 ? ", …" : ""})`);

it.each(ROLE_HOMES)("$role: every page reached in Russian has no English word", async (role) => {
  const context = await stack.browser.newContext({ locale: "ru-RU", viewport: { width: 1280, height: 900 } });
  try {
    const page = await openAs(stack, context, role, "ru");
    const { pages, found, failures } = await crawl(page, role.home);
    const report = {
      role: role.role,
      pages: pages.length,
      words: summary(found.words),
      markedOtherLanguage: summary(found.otherLanguage),
      samples: Object.fromEntries(found.samples),
      failures,
    };
    console.log(`[i18n-crawl] ${role.role}: ${pages.length} pages crawled; ${found.words.size} Latin words found${found.words.size ? `: ${[...found.words.keys()].join(", ")}` : ""}; ${found.otherLanguage.size} more in text marked as another language`);
    writeFileSync(path.join(artifactsDir, `i18n-crawl-${role.role}.json`), JSON.stringify({ ...report, crawled: pages }, null, 2));
    expect(failures).toEqual([]);
    // Signed-in roles reach more than the home page; the crawl really followed links.
    expect(pages.length).toBeGreaterThan("email" in role ? 3 : 1);
    expect(summary(found.words)).toEqual([]);
  } finally {
    await context.close();
  }
}, 600_000);

it("staff enter an activity's Russian title and description; Russian readers see them, English readers the original", async () => {
  const webinar = seedId("activity:webinar");
  const run = Date.now().toString(36);
  const titleRu = `Эффективные коммуникации: работа со СМИ ${run}`;
  const staff = await stack.browser.newContext({ locale: "en-GB" });
  try {
    const page = await staff.newPage();
    // In English (the crawl above left the staff account in Russian).
    await page.request.post(`${stack.webUrl}/language`, { form: { lng: "en", redirectTo: "/" }, maxRedirects: 0 });
    await page.goto(`${stack.webUrl}/login?redirectTo=${encodeURIComponent(`/staff/activities/${webinar}/edit`)}`);
    await page.getByLabel("E-mail").fill("staff@vep.example");
    await page.getByLabel("Password").fill("demo-staff-2020");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByLabel("Title in Russian").waitFor();
    expect(await page.getByLabel("Language of the title and description").inputValue()).toBe("en");
    // The seed's Russian title is there to edit.
    expect(await page.getByLabel("Title in Russian").inputValue()).toBe("Эффективные коммуникации: основы работы со СМИ");
    await page.getByLabel("Title in Russian").fill(titleRu);
    await page.getByLabel("Description in Russian").fill(`Описание на русском ${run}`);
    await page.getByRole("button", { name: "Save changes" }).first().click();
    // Saved: the activity's page, headed by the (English) original.
    await page.locator("h1", { hasText: "Effective communications: the basics of work with the media" }).waitFor();
    expect(page.url()).toContain("saved=1");
  } finally {
    await staff.close();
  }

  const reader = await stack.browser.newContext({ locale: "ru-RU" });
  try {
    const page = await reader.newPage();
    await page.goto(`${stack.webUrl}/activities/${webinar}`);
    expect(await page.locator("html").getAttribute("lang")).toBe("ru");
    expect(await page.locator("h1").innerText()).toBe(titleRu);
    expect(await page.locator("#activity-description").locator("xpath=..").innerText()).toContain(`Описание на русском ${run}`);
    await page.goto(`${stack.webUrl}/activities/${webinar}?lng=en`);
    expect(await page.locator("h1").innerText()).toBe("Effective communications: the basics of work with the media");
  } finally {
    await reader.close();
  }
});

it("a computed indicator's definition and the names the API sends: in Russian for Russian readers, as before in English", async () => {
  const indicator = `/staff/indicators/${seedId("indicator:1")}`;
  const records = `${indicator}/records?periodStart=2020-01-01&periodEnd=2020-12-31&dimensionKey=`;
  const staff = ROLE_HOMES.find((r) => r.role === "staff")!;
  const donor = ROLE_HOMES.find((r) => r.role === "donor")!;
  const definitionNote = async (page: Page) => (await page.locator("p.note", { has: page.locator("strong") }).allInnerTexts()).join("\n");
  const english = describeDefinition("PEOPLE_TRAINED", { completionShare: 0.7, activityTypes: ["WEBINAR", "TRAINING", "WORKSHOP"] });
  const russian = "Уникальные участники, посетившие в мероприятии (тип: вебинар, тренинг, семинар-практикум), проведённом в период, не менее 70% занятий, — каждый учитывается один раз; учитываются только утверждённые списки участников.";
  const expected = {
    // The webinar's Russian title is the seed's or the one the test above entered: it starts the same.
    ru: { definition: russian, organisation: "Департамент уголовно-исполнительной системы", activity: "Эффективные коммуникации: ", donor: "Европейский союз", country: "Казахстан" },
    en: { definition: english, organisation: "Department of the Penal System", activity: "Effective communications: the basics of work with the media", donor: "European Union", country: "Kazakhstan" },
  };
  for (const lng of ["ru", "en"] as const) {
    const want = expected[lng];
    const staffContext = await stack.browser.newContext({ locale: lng === "ru" ? "ru-RU" : "en-GB" });
    try {
      const page = await openAs(stack, staffContext, staff, lng);
      await page.goto(`${stack.webUrl}${indicator}`);
      expect(await page.locator("html").getAttribute("lang")).toBe(lng);
      expect(await definitionNote(page)).toContain(want.definition);
      await page.goto(`${stack.webUrl}${records}`);
      expect(await definitionNote(page)).toContain(want.definition);
      const table = await page.locator("table").first().innerText();
      expect(table).toContain(want.organisation);
      expect(table).toContain(want.activity);
    } finally {
      await staffContext.close();
    }
    const donorContext = await stack.browser.newContext({ locale: lng === "ru" ? "ru-RU" : "en-GB" });
    try {
      const page = await openAs(stack, donorContext, donor, lng);
      await page.goto(`${stack.webUrl}/reports/donor`);
      expect(await page.locator("h1").innerText()).toContain(want.donor);
      expect(await page.title()).toContain(want.donor);
      expect(await page.locator("#report-activities").locator("xpath=..").innerText()).toContain(want.activity);
      await page.goto(`${stack.webUrl}/donor`);
      expect(await page.locator("#filter-countryId option").allTextContents()).toContain(want.country);
    } finally {
      await donorContext.close();
    }
  }
}, 120_000);
