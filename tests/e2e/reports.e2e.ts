// The printable donor report in a real Chromium, on the seed: the donor opens it from the dashboard,
// reads the seeded figures, prints it to an A4 PDF; nothing personal reaches the page.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { FEEDBACK_RESPONDENTS, seedId } from "@vep/db/seed";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { artifactsDir, signInOn, startStack, type Stack } from "./harness.js";

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

const signIn = (page: Page, email: string, password: string) => signInOn(stack, page, email, password);

/** The cells of a table's body rows, as text, keyed by the row header. */
async function rows(page: Page, caption: string): Promise<Map<string, string[]>> {
  // The caption's own table (the report's print frame is a table too).
  const table = page.locator("caption", { hasText: caption }).locator("xpath=..");
  const found = new Map<string, string[]>();
  for (const row of await table.locator("tbody tr").all()) {
    const header = ((await row.locator("th").textContent()) ?? "").trim();
    found.set(header, (await row.locator("td").allTextContents()).map((text) => text.trim()));
  }
  return found;
}

/** Participants of the webinar who did not consent to be named (the two named in UNODC's public account did). */
const UNNAMED = [...FEEDBACK_RESPONDENTS.map((p) => p.fullName), "Сергей Ким", "Светлана Павлова"].filter((name) => name !== "Akerke Zhaubasarova" && name !== "Roman Telenkov");

it("a donor opens the report from the dashboard, reads the seeded figures and prints it to an A4 PDF", async () => {
  const page = await stack.browser.newPage();
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await signIn(page, "donor@vep.example", "demo-donor-2020");
  await page.goto(`${stack.webUrl}/donor`);
  const started = performance.now();
  await page.getByRole("link", { name: "Donor report (printable)" }).click();
  await page.getByRole("heading", { level: 1, name: "Report to European Union" }).waitFor();
  console.log(`[timing] /reports/donor opened from the dashboard in ${(performance.now() - started).toFixed(0)} ms (seed, PGlite)`);
  expect(new URL(page.url()).pathname).toBe("/reports/donor");

  // The period and the day the figures were read are on the first page.
  await page.getByText("Reporting period", { exact: true }).waitFor();
  await page.getByText("Figures as of", { exact: true }).waitFor();

  const contributions = await rows(page, "Contributions of European Union");
  expect([...contributions.values()][0]?.slice(0, 2)).toEqual(["€4,000,000", "Earmarked"]);
  const activities = await rows(page, "Activities delivered in the period");
  // Type, modality, (dates), sessions, participants, trained.
  const [type, modality, , sessions, participants, trained] = activities.get("Effective communications: the basics of work with the media") ?? [];
  expect([type, modality, sessions, participants, trained]).toEqual(["Webinar", "Online", "9", "29", "27"]);
  const bySex = await rows(page, "People trained, by sex");
  expect(bySex.get("Women")).toEqual(["16"]);
  expect(bySex.get("Men")).toEqual(["11"]);
  const byRegion = await rows(page, "People trained, by region");
  expect(byRegion.size).toBe(17);
  expect([...byRegion.values()].every(([cell]) => cell?.startsWith("<3"))).toBe(true);
  const funding = await rows(page, "Funds pledged and received by donor");
  expect([...funding.keys()]).toEqual(["European Union", "Government of the Netherlands", expect.stringContaining("Counter-Terrorism")]);
  await page.getByRole("link", { name: "IATI file (XML)" }).waitFor();
  await page.screenshot({ path: path.join(artifactsDir, "donor-report.png"), fullPage: true });

  // In print: no navigation, no buttons or links to act on, and no participant's name.
  await page.emulateMedia({ media: "print" });
  expect(await page.locator(".site-nav").isVisible()).toBe(false);
  for (const button of await page.getByRole("button").all()) expect(await button.isVisible()).toBe(false);
  expect(await page.getByRole("link", { name: "IATI file (XML)" }).isVisible()).toBe(false);
  expect(await page.locator(".report-print-footer").isVisible()).toBe(true);
  const printed = await page.locator("body").innerText();
  expect(printed).toContain("Report to European Union");
  expect(UNNAMED.length).toBe(27);
  expect(UNNAMED.filter((name) => printed.includes(name))).toEqual([]);

  const pdf = await page.pdf({ format: "A4" });
  expect(pdf.subarray(0, 4).toString("latin1")).toBe("%PDF");
  const pages = pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
  expect(pages).toBeGreaterThanOrEqual(1);
  await writeFile(path.join(artifactsDir, "donor-report.pdf"), pdf);
  console.log(`[pdf] donor report: ${pages} A4 pages, ${pdf.length} bytes`);
  expect(errors).toEqual([]);
  await page.close();
});

it("a donor asking for another donor's report sees the not-found message", async () => {
  const page = await stack.browser.newPage();
  await signIn(page, "donor@vep.example", "demo-donor-2020");
  const response = await page.goto(`${stack.webUrl}/reports/donor?donorId=${seedId("donor:NL")}`);
  expect(response?.status()).toBe(404);
  await page.getByRole("heading", { level: 1, name: "No report found" }).waitFor();
  expect(await page.locator("main").innerText()).not.toContain("Government of the Netherlands");
  await page.close();
});

it("staff choose a donor, then read its report", async () => {
  const page = await stack.browser.newPage();
  await signIn(page, "staff@vep.example", "demo-staff-2020");
  await page.goto(`${stack.webUrl}/staff/donors/${seedId("donor:EU")}`);
  await page.getByRole("link", { name: /^Donor report for Supporting the Management/ }).click();
  await page.getByRole("heading", { level: 1, name: "Report to European Union" }).waitFor();
  await page.getByLabel("Donor", { exact: true }).selectOption({ label: "Government of the Netherlands" });
  await page.getByRole("button", { name: "Show report" }).click();
  await page.getByRole("heading", { level: 1, name: "Report to Government of the Netherlands" }).waitFor();
  await page.close();
});
