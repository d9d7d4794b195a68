// Signing in and out through the dashboard, in a real Chromium.
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { artifactsDir, startStack, type Stack } from "./harness.js";

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

it("a staff member signs in, sees their name and role, and signs out", async () => {
  const page = await stack.browser.newPage();
  await page.goto(`${stack.webUrl}/login`);
  await page.getByLabel("E-mail").fill("staff@vep.example");
  await page.getByLabel("Password").fill("demo-staff-2020");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByText("Demo Project Officer (Project staff)").waitFor();
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name === "vep_session");
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  await page.screenshot({ path: path.join(artifactsDir, "signed-in.png") });

  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByRole("link", { name: "Sign in" }).waitFor();
  expect((await page.context().cookies()).find((c) => c.name === "vep_session")).toBeUndefined();
  await page.close();
});

it("a wrong password keeps the e-mail typed and says what went wrong", async () => {
  const page = await stack.browser.newPage();
  await page.goto(`${stack.webUrl}/login`);
  await page.getByLabel("E-mail").fill("donor@vep.example");
  await page.getByLabel("Password").fill("wrong password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("alert").waitFor();
  expect(await page.getByRole("alert").textContent()).toContain("E-mail or password is incorrect.");
  expect(await page.getByLabel("E-mail").inputValue()).toBe("donor@vep.example");
  await page.close();
});

it("signs in without JavaScript too", async () => {
  const context = await stack.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${stack.webUrl}/login`);
  await page.getByLabel("E-mail").fill("partner@vep.example");
  await page.getByLabel("Password").fill("demo-partner-2020");
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByText("(National partner)").waitFor();
  await context.close();
});
