// CSV export in a real Chromium on the seed: staff click "Download CSV" on the activities list and the
// browser saves a file with the header row and the seeded webinar's row.
import { readFile } from "node:fs/promises";
import { seedId } from "@vep/db/seed";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startStack, type Stack } from "./harness.js";

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

it("staff download the activities list as CSV", async () => {
  const context = await stack.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(e.message));

  await page.goto(`${stack.webUrl}/login?redirectTo=/staff/activities`);
  await page.getByLabel("E-mail").fill("staff@vep.example");
  await page.getByLabel("Password").fill("demo-staff-2020");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("heading", { level: 1, name: "Activities" }).waitFor();
  await page.waitForLoadState("networkidle");

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /^Download CSV/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/^activities-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = await readFile((await download.path())!);
  // UTF-8 with a BOM, so that Excel reads the Cyrillic; CRLF line ends.
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString("utf8").split("\r\n");
  expect(lines[0]).toBe("ID,Code,Title,Type,Modality,Status,Country,Start date,End date,Topics,Sessions,Participants,Trained");
  const webinar = lines.find((line) => line.startsWith(`${seedId("activity:webinar")},`));
  expect(webinar).toContain("Effective communications: the basics of work with the media");
  expect(webinar).toContain(",WEBINAR,ONLINE,DELIVERED,Kazakhstan,2020-05-13,2020-05-29,");
  expect(errors).toEqual([]);
  await context.close();
});
