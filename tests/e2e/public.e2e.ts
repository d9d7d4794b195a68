// A visitor who is not signed in: the public programme summary and the webinar's page, in a real Chromium.
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { artifactsDir, startStack, type Stack } from "./harness.js";

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

/** A page that records console errors and uncaught exceptions (hydration mismatches among them). */
async function openPage(width = 1280): Promise<{ page: Page; errors: string[] }> {
  const page = await stack.browser.newPage({ viewport: { width, height: 900 } });
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(e.message));
  return { page, errors };
}

const WEBINAR = "Effective communications: the basics of work with the media";

it("shows the programme summary with the webinar's figures", async () => {
  const { page, errors } = await openPage();
  const res = await page.goto(stack.webUrl);
  expect(res?.status()).toBe(200);
  await page.waitForLoadState("networkidle");
  expect(await page.getAttribute("html", "lang")).toBe("en");
  await expect(page.locator("h1").textContent()).resolves.toContain("Supporting the Management of Violent Extremist Prisoners");
  const figures = await page.locator("main").innerText();
  expect(figures).toContain("29");
  expect(figures).toContain("27");
  expect(figures).toContain("17 of 17");
  expect(figures).toContain(WEBINAR);
  await page.screenshot({ path: path.join(artifactsDir, "home.png"), fullPage: true });
  expect(errors).toEqual([]);
  await page.close();
});

it("leads from the summary to the activity page with its nine sessions and consented quotes", async () => {
  const { page, errors } = await openPage();
  await page.goto(stack.webUrl);
  await page.waitForLoadState("networkidle");
  await page.getByRole("link", { name: WEBINAR }).click();
  await page.waitForURL(/\/activities\//);
  // Client-side navigation: the new page renders once its loader data arrives.
  await page.locator("h1", { hasText: WEBINAR }).waitFor();
  const sessions = page.locator('[aria-labelledby="activity-sessions"] tbody tr');
  expect(await sessions.count()).toBe(9);
  const text = await page.locator("main").innerText();
  expect(text).toContain("Nelson Mandela Rules");
  expect(text).toContain("Roman Telenkov, press officer, Mangistau regional prison department");
  // The participant list itself is not public.
  expect(text).not.toContain("Ковалёва");
  await page.screenshot({ path: path.join(artifactsDir, "activity.png"), fullPage: true });
  expect(errors).toEqual([]);
  await page.close();
});

it("fits a 375 px phone screen without sideways scrolling", async () => {
  const { page } = await openPage(375);
  await page.goto(stack.webUrl);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: path.join(artifactsDir, "home-375.png"), fullPage: true });
  await page.close();
});

it("answers an unknown activity with a helpful 404 page", async () => {
  const { page } = await openPage();
  const res = await page.goto(`${stack.webUrl}/activities/00000000-0000-4000-8000-000000000000`);
  expect(res?.status()).toBe(404);
  expect(await page.getByRole("link").count()).toBeGreaterThan(0);
  await page.close();
});
