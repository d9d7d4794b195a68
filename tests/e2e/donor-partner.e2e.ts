// The donor progress dashboard and the partner's home, in a real Chromium, on the seeded webinar.
import path from "node:path";
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
  const table = page.locator("table", { has: page.locator("caption", { hasText: caption }) });
  const found = new Map<string, string[]>();
  for (const row of await table.locator("tbody tr").all()) {
    const header = ((await row.locator("th").textContent()) ?? "").trim();
    found.set(header, (await row.locator("td").allTextContents()).map((text) => text.trim()));
  }
  return found;
}

it("a donor opens the progress dashboard and the tables show the seeded figures", async () => {
  const page = await stack.browser.newPage();
  await signIn(page, "donor@vep.example", "demo-donor-2020");
  await page.getByRole("link", { name: "Progress" }).click();
  await page.waitForURL(`${stack.webUrl}/donor`);
  await page.getByRole("heading", { level: 2, name: "Key figures" }).waitFor();

  const figure = (label: string) => page.locator(".figure", { has: page.locator("dt", { hasText: new RegExp(`^${label}$`) }) }).locator("dd");
  expect(await figure("People trained").textContent()).toBe("27");
  expect(await figure("Regions covered").textContent()).toBe("17 of 17");

  const bySex = await rows(page, "People trained, by sex");
  expect(bySex.get("Women")).toEqual(["16"]);
  expect(bySex.get("Men")).toEqual(["11"]);

  // Every region is listed, each under 3 people trained, so each reads "<3".
  const byRegion = await rows(page, "People trained, by region");
  expect(byRegion.size).toBe(17);
  const regionCell = page.locator("table", { has: page.locator("caption", { hasText: "People trained, by region" }) }).locator("tbody td").first();
  expect(await regionCell.locator('[aria-hidden="true"]').textContent()).toBe("<3");
  expect(await page.getByText("Regions covered: 17 of 17.").count()).toBe(1);

  // The EU's pledge in its currency and in US dollars.
  const funding = await rows(page, "Funds pledged and received by donor");
  expect(funding.get("European Union")?.slice(0, 2)).toEqual(["€4,000,000", "$4,544,000"]);

  // Charts are drawn in the browser and labelled for screen readers.
  await page.getByRole("img", { name: /Bar chart of people trained by sex/ }).locator("svg").first().waitFor();
  await page.screenshot({ path: path.join(artifactsDir, "donor-progress.png"), fullPage: true });

  // Printing leaves out the filters and starts sections on new pages.
  await page.emulateMedia({ media: "print" });
  expect(await page.locator(".progress-filters").isVisible()).toBe(false);
  await page.pdf({ path: path.join(artifactsDir, "donor-progress.pdf"), format: "A4", margin: { top: "15mm", right: "15mm", bottom: "15mm", left: "15mm" } });
  await page.close();
});

it("the dashboard's filters work without JavaScript and say what is wrong beside the field", async () => {
  const context = await stack.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, "donor@vep.example", "demo-donor-2020");
  await page.goto(`${stack.webUrl}/donor`);
  await page.getByLabel("From", { exact: true }).fill("2020-06-01");
  await page.getByLabel("To", { exact: true }).fill("2020-01-01");
  await page.getByRole("button", { name: "Show figures" }).click();
  await page.getByText("The end date must not be before the start date.").waitFor();
  expect(await page.getByLabel("To", { exact: true }).inputValue()).toBe("2020-01-01");
  expect(await page.getByLabel("To", { exact: true }).getAttribute("aria-invalid")).toBe("true");
  await context.close();
});

it("a partner sees the webinar among its assigned activities and its own people in it", async () => {
  const page = await stack.browser.newPage();
  await signIn(page, "partner@vep.example", "demo-partner-2020");
  await page.getByRole("link", { name: "My activities" }).click();
  await page.waitForURL(`${stack.webUrl}/partner`);
  const webinar = page.getByRole("link", { name: "Effective communications: the basics of work with the media" });
  await webinar.waitFor();
  await page.getByRole("heading", { name: "Submissions" }).waitFor();
  // The seeded participant list, approved by UNODC staff, with its status.
  await page.getByRole("row", { name: /Participant list\s+Approved/ }).waitFor();
  await page.screenshot({ path: path.join(artifactsDir, "partner-home.png"), fullPage: true });

  await webinar.click();
  await page.getByRole("heading", { level: 1, name: "Effective communications: the basics of work with the media" }).waitFor();
  const sessions = page.locator("table", { has: page.locator("caption", { hasText: "Sessions of this activity" }) });
  expect(await sessions.locator("tbody tr").count()).toBe(9);
  const people = page.locator("table", { has: page.locator("caption", { hasText: "People from your organisation enrolled" }) });
  expect(await people.locator("tbody tr").count()).toBeGreaterThan(0);
  await page.close();
});

it("a partner cannot open the donor dashboard", async () => {
  const page = await stack.browser.newPage();
  await signIn(page, "partner@vep.example", "demo-partner-2020");
  const response = await page.goto(`${stack.webUrl}/donor`);
  expect(response?.status()).toBe(403);
  await page.close();
});
