// Accessibility in both languages (issue 8): the main page of each role, in English and in Russian, in a
// real Chromium: axe finds no serious or critical WCAG 2.1 A/AA violation, <html lang> is the language
// shown, and every chart has a table beside it whose headers are in that language.
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { artifactsDir, startStack, type Stack, openAs, ROLE_HOMES } from "./harness.js";

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

const LANGUAGES = ["en", "ru"] as const;

const CASES = ROLE_HOMES.flatMap((role) => LANGUAGES.map((language) => ({ ...role, language })));

async function seriousViolations(page: Page): Promise<string[]> {
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return axe.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** For each chart on the page: the column headers of the table that carries its figures (in the chart's section). */
async function chartTables(page: Page): Promise<{ chart: string; headers: string[] }[]> {
  return page.$$eval(".chart, .recharts-wrapper", (charts) =>
    charts
      .filter((chart) => !chart.parentElement?.closest(".chart"))
      .map((chart, index) => {
        // The table sits beside the chart's figure, in the same section.
        const around = chart.closest("section") ?? chart.closest("figure");
        const table = around?.querySelector("table");
        return {
          chart: `${around?.querySelector("h2, h3")?.textContent?.trim() ?? "chart"} #${index + 1}`,
          headers: table ? [...table.querySelectorAll("thead th, th[scope=col]")].map((th) => th.textContent?.trim() ?? "").filter(Boolean) : [],
        };
      }),
  );
}

it.each(CASES)("$role, $language: no serious axe violation, lang set, charts with a table in the language", async ({ language, ...role }) => {
  const context = await stack.browser.newContext({ locale: language === "ru" ? "ru-RU" : "en-GB", viewport: { width: 1280, height: 900 } });
  try {
    const page = await openAs(stack, context, role, language);
    await page.goto(`${stack.webUrl}${role.home}`);
    // Charts draw in the browser after hydration: let them settle before axe reads the page.
    await page.waitForLoadState("networkidle");
    expect(await page.locator("html").getAttribute("lang")).toBe(language);
    expect(await seriousViolations(page)).toEqual([]);

    const charts = await chartTables(page);
    for (const { chart, headers } of charts) {
      expect(headers.length, `${chart} has a table with headers`).toBeGreaterThan(0);
      // Russian headers are Russian: no English word of three letters or more (codes such as USD aside).
      if (language === "ru") expect(headers.filter((h) => /\b(?!USD\b|EUR\b)[A-Za-z]{3,}\b/.test(h)), `${chart} headers`).toEqual([]);
    }
    console.log(`[a11y] ${role.role} ${language}: ${role.home}, ${charts.length} charts with tables`);
    await page.screenshot({ path: path.join(artifactsDir, `a11y-${role.role}-${language}.png`), fullPage: true });
  } finally {
    await context.close();
  }
});
