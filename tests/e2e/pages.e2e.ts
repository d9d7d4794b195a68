// Every main page of every role: answers 200, shows its main heading, logs no console error, has no
// serious or critical axe violation (WCAG 2 A/AA), and leaves desktop and phone screenshots.
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { seedId } from "@vep/db/seed";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifactsDir, startStack, type Stack } from "./harness.js";

const webinar = seedId("activity:webinar");
const participantList = seedId("submission:participants");
export const PAGES: Record<"ANONYMOUS" | "STAFF" | "ADMIN" | "DONOR" | "PARTNER", string[]> = {
  ANONYMOUS: ["/", `/activities/${webinar}`, "/login"],
  STAFF: [
    "/staff/activities",
    "/staff/activities/new",
    `/staff/activities/${webinar}`,
    `/staff/activities/${webinar}/edit`,
    `/staff/activities/${webinar}/participants`,
    `/staff/activities/${webinar}/sessions/${seedId("session:1")}/attendance`,
    "/staff/trainers",
    "/staff/donors",
    `/staff/donors/${seedId("donor:EU")}`,
    "/staff/indicators",
    `/staff/indicators/${seedId("indicator:1")}`,
    `/staff/indicators/${seedId("indicator:1")}/records?periodStart=2020-01-01&periodEnd=2020-12-31&dimensionKey=sex%3DFEMALE`,
    "/staff/finance",
    "/staff/iati",
    "/staff/submissions",
    `/staff/submissions/${participantList}`,
    `/staff/activities/${webinar}/import`,
    "/notifications",
    "/donor",
    `/reports/donor?donorId=${seedId("donor:EU")}`,
  ],
  ADMIN: [
    "/admin/users",
    `/admin/users/${seedId("user:staff@vep.example")}`,
    "/admin/organisations",
    `/admin/organisations/${seedId("org:PRISON_COMMITTEE")}`,
    "/admin/regions",
    `/admin/regions/${seedId("region:KZ-MAN:2018-06-19")}`,
  ],
  DONOR: ["/donor", "/notifications", "/reports/donor"],
  PARTNER: ["/partner", `/partner/activities/${webinar}`, `/partner/activities/${webinar}/import`, `/partner/submissions/${participantList}`, "/notifications"],
};
const LOGINS = { STAFF: "demo-staff-2020", ADMIN: "demo-admin-2020", DONOR: "demo-donor-2020", PARTNER: "demo-partner-2020" } as const;

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

async function contextFor(role: keyof typeof PAGES): Promise<BrowserContext> {
  const context = await stack.browser.newContext();
  if (role === "ANONYMOUS") return context;
  const page = await context.newPage();
  await page.goto(`${stack.webUrl}/login`);
  await page.getByLabel("E-mail").fill(`${role.toLowerCase()}@vep.example`);
  await page.getByLabel("Password").fill(LOGINS[role]);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: "Sign out" }).waitFor();
  await page.close();
  return context;
}

const slug = (url: string) => url.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, "id").replace(/\W+/g, "-").replace(/^-|-$/g, "") || "home";

describe.each(Object.keys(PAGES) as (keyof typeof PAGES)[])("%s", (role) => {
  it("every page answers 200 with its heading, no console error and no serious accessibility violation", async () => {
    const context = await contextFor(role);
    const problems: string[] = [];
    for (const url of PAGES[role]) {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
      page.on("pageerror", (e) => errors.push(e.message));
      const res = await page.goto(`${stack.webUrl}${url}`);
      await page.waitForLoadState("networkidle");
      if (res?.status() !== 200) problems.push(`${url}: status ${res?.status()}`);
      if ((await page.locator("h1").count()) !== 1 || !(await page.locator("h1").isVisible())) problems.push(`${url}: no single visible h1`);
      if (errors.length) problems.push(`${url}: console ${errors.join(" | ")}`);
      const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
      const serious = axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      for (const v of serious) problems.push(`${url}: axe ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
      console.log(`[axe] ${role} ${url}: ${axe.passes.length} rules passed, ${axe.violations.length} violations (${serious.length} serious/critical)`);
      const name = `${role.toLowerCase()}-${slug(url)}`;
      await page.screenshot({ path: path.join(artifactsDir, `page-${name}-desktop.png`), fullPage: true });
      await page.setViewportSize({ width: 375, height: 800 });
      await page.screenshot({ path: path.join(artifactsDir, `page-${name}-phone.png`), fullPage: true });
      await page.close();
    }
    await context.close();
    expect(problems).toEqual([]);
    // Up to 17 pages per role, each with an axe run and two screenshots: more than the default minute.
  }, 180_000);
});

it("a donor is refused a participant page", async () => {
  const context = await contextFor("DONOR");
  const page = await context.newPage();
  const res = await page.goto(`${stack.webUrl}/staff/activities/${webinar}/participants`);
  expect(res?.status()).toBe(403);
  expect(await page.locator("main").innerText()).not.toContain("Ковалёва");
  await context.close();
});

it("staff and the partner see the Prison Committee's approved participant list with its status", async () => {
  for (const [role, url] of [["STAFF", "/staff/submissions"], ["PARTNER", "/partner"]] as const) {
    const context = await contextFor(role);
    const page = await context.newPage();
    await page.goto(`${stack.webUrl}${url}`);
    const row = page.getByRole("row", { name: /Participant list/ });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/Participant list\s+Approved\s+29/);
    await context.close();
  }
});
