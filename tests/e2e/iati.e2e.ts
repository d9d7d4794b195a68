// The IATI export in a real Chromium on the seed: staff generate and store the file and read what
// changed; a donor downloads the current file of the programme it co-funds through the dashboard.
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { seedId } from "@vep/db/seed";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { artifactsDir, signInOn, startStack, type Stack } from "./harness.js";

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

const signIn = (page: Page, email: string, password: string) => signInOn(stack, page, email, password);

it("staff generate an export, see that it is valid and what changed, and find it among the previous exports", async () => {
  // axe needs a page of a context of its own.
  const context = await stack.browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await signIn(page, "staff@vep.example", "demo-staff-2020");
  await page.getByRole("link", { name: "IATI export" }).click();
  await page.waitForURL(`${stack.webUrl}/staff/iati`);
  await page.getByRole("heading", { level: 1, name: "IATI export" }).waitFor();

  await page.getByRole("button", { name: "Generate export" }).click();
  const status = page.getByRole("status").filter({ hasText: "Valid" });
  await status.waitFor();
  expect(await status.textContent()).toContain("passes the IATI 2.03 schema and the codelists");
  const changes = page.locator("table", { has: page.locator("caption", { hasText: "added, removed or changed since the previous export" }) });
  expect(await changes.locator("tbody tr").allTextContents()).toEqual(["Addediati-activity"]);
  const history = page.locator("table", { has: page.locator("caption", { hasText: "Stored IATI exports" }) });
  await expect.poll(() => history.locator("tbody tr").count()).toBe(1);
  // The result (not reached by the page crawl, which only loads the page) passes the same accessibility scan.
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);

  // Nothing changed since: the second export says so.
  await page.getByRole("button", { name: "Generate export" }).click();
  await page.getByText("Nothing changed since the previous export.").waitFor();
  await expect.poll(() => history.locator("tbody tr").count()).toBe(2);
  await page.screenshot({ path: path.join(artifactsDir, "staff-iati.png"), fullPage: true });

  // A stored export downloads through the dashboard with the staff member's session.
  const href = await history.getByRole("link").first().getAttribute("href");
  const stored = await context.request.get(`${stack.webUrl}${href}`);
  expect(stored.status()).toBe(200);
  expect((await stored.text()).startsWith("<?xml")).toBe(true);
  expect(errors).toEqual([]);
  await context.close();
});

it("a donor downloads the programme's current file, which starts with the XML declaration", async () => {
  const context = await stack.browser.newContext();
  const page = await context.newPage();
  await signIn(page, "donor@vep.example", "demo-donor-2020");
  const res = await context.request.get(`${stack.webUrl}/iati/${seedId("programme")}.xml`);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-disposition"]).toBe('attachment; filename="XM-DAC-41110-GLOZ82.xml"');
  const text = await res.text();
  expect(text.startsWith("<?xml")).toBe(true);
  expect(text).toContain("<iati-activities version=\"2.03\"");
  // A stored export is for staff only.
  expect((await context.request.get(`${stack.webUrl}/iati-exports/${seedId("programme")}.xml`, { maxRedirects: 0 })).status()).toBe(403);
  await context.close();
});
