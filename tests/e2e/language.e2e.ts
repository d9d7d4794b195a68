// The dashboard in Russian, in a real Chromium: the first visit follows the browser's language, the
// switch changes and keeps it (without JavaScript too), and the choice travels with the account.
import { readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { artifactsDir, startStack, type Stack } from "./harness.js";

const ru = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../apps/web/app/locales/ru/common.json"), "utf8")) as { auth: Record<string, string>; app: Record<string, string> };

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

const lang = (page: Page) => page.locator("html").getAttribute("lang");

async function seriousViolations(page: Page) {
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id);
}

it("a Russian browser gets Russian; the switch changes it and keeps it; a choice made before signing in becomes the account's", async () => {
  const context = await stack.browser.newContext({ locale: "ru-RU" });
  const page = await context.newPage();
  await page.goto(`${stack.webUrl}/`);
  expect(await lang(page)).toBe("ru");
  await page.getByRole("link", { name: ru.auth.signIn! }).waitFor();

  await page.getByRole("button", { name: "English" }).click();
  await page.getByRole("link", { name: "Sign in" }).waitFor();
  expect(await lang(page)).toBe("en");
  await page.reload();
  expect(await lang(page)).toBe("en");

  await page.getByRole("button", { name: "Русский" }).click();
  await page.getByRole("link", { name: ru.auth.signIn! }).click();
  await page.getByLabel(ru.auth.email!).fill("partner@vep.example");
  await page.getByLabel(ru.auth.password!).fill("demo-partner-2020");
  await page.getByRole("button", { name: ru.auth.signIn! }).click();
  await page.getByRole("button", { name: ru.auth.signOut! }).waitFor();
  expect(await lang(page)).toBe("ru");
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: path.join(artifactsDir, "partner-ru.png"), fullPage: true });
  await context.close();

  // On another browser (English), the partner's account brings Russian with the sign-in.
  const elsewhere = await stack.browser.newContext({ locale: "en-US" });
  const second = await elsewhere.newPage();
  await second.goto(`${stack.webUrl}/login`);
  expect(await lang(second)).toBe("en");
  await second.getByLabel("E-mail").fill("partner@vep.example");
  await second.getByLabel("Password").fill("demo-partner-2020");
  await second.getByRole("button", { name: "Sign in" }).click();
  await second.getByRole("button", { name: ru.auth.signOut! }).waitFor();
  expect(await lang(second)).toBe("ru");
  await elsewhere.close();
});

it("switches language without JavaScript", async () => {
  const context = await stack.browser.newContext({ javaScriptEnabled: false, locale: "en-US" });
  const page = await context.newPage();
  await page.goto(`${stack.webUrl}/`);
  await page.getByRole("button", { name: "Русский" }).click();
  await page.waitForURL(`${stack.webUrl}/`);
  expect(await lang(page)).toBe("ru");
  await context.close();
});
