// Staff and admin pages in a real Chromium: an administrator manages an account; a staff member reports
// an indicator value with its evidence, locks it and corrects it.
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { artifactsDir, startStack, type Stack } from "./harness.js";

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

async function signIn(email: string, password: string) {
  const page = await stack.browser.newPage();
  await page.goto(`${stack.webUrl}/login`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: "Sign out" }).waitFor();
  return page;
}

/** A token for setting up data through the API itself. */
async function apiToken(email: string, password: string): Promise<string> {
  const response = await fetch(`${stack.apiUrl}/api/v1/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password }) });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

/** A journey's own indicator, through the API, under the seeded programme's first outcome; with the staff headers for further set-up. */
async function createIndicator(fields: Record<string, unknown>) {
  const token = await apiToken("staff@vep.example", "demo-staff-2020");
  const auth = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  const outcomes = (await (await fetch(`${stack.apiUrl}/api/v1/outcomes`, { headers: auth })).json()) as { items: { id: string; programmeId: string }[] };
  const outcome = outcomes.items[0]!;
  const created = await fetch(`${stack.apiUrl}/api/v1/indicators`, { method: "POST", headers: auth, body: JSON.stringify({ programmeId: outcome.programmeId, outcomeId: outcome.id, ...fields }) });
  expect(created.status).toBe(201);
  return { auth, indicator: (await created.json()) as { id: string; code: string } };
}

it("an administrator creates an account, sees it listed, and deactivates it", async () => {
  const page = await signIn("admin@vep.example", "demo-admin-2020");
  const email = `e2e-${Date.now()}@vep.example`;
  await page.goto(`${stack.webUrl}/admin/users`);

  // A short password is refused beside its field, and what was typed stays.
  await page.getByLabel("Name", { exact: true }).fill("Aigerim Test");
  await page.getByLabel("E-mail", { exact: true }).fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption("STAFF");
  await page.getByLabel("Initial password").fill("short");
  await page.getByRole("button", { name: "Create account" }).last().click();
  await page.locator("#password-error").waitFor();
  expect(await page.getByLabel("E-mail", { exact: true }).inputValue()).toBe(email);

  await page.getByLabel("Initial password").fill("a long enough passphrase");
  await page.getByRole("button", { name: "Create account" }).last().click();
  await page.getByRole("status").filter({ hasText: `Account ${email} created.` }).waitFor();
  const row = page.getByRole("row").filter({ hasText: email });
  await row.getByText("Active", { exact: true }).waitFor();
  await page.screenshot({ path: path.join(artifactsDir, "admin-users.png"), fullPage: true });

  await row.getByRole("button", { name: "Deactivate Aigerim Test" }).click();
  await page.getByRole("status").filter({ hasText: "deactivated" }).waitFor();
  await page.getByRole("row").filter({ hasText: email }).getByText("Deactivated").waitFor();

  // The deactivated account can no longer sign in.
  const refused = await fetch(`${stack.apiUrl}/api/v1/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password: "a long enough passphrase" }) });
  expect(refused.status).toBe(401);
  await page.close();
});

it("a staff member records an indicator value with evidence, sees it listed, locks and corrects it", async () => {
  // The journey's own indicator: a MANUAL one.
  const { indicator } = await createIndicator({ code: `E2E-${Date.now() % 100000}`, name: "Prisons with a media focal point", measure: "UNIT", source: "MANUAL", unit: "prisons", baselineValue: 2 });

  const page = await signIn("staff@vep.example", "demo-staff-2020");
  await page.goto(`${stack.webUrl}/staff/indicators`);
  await page.getByRole("link", { name: new RegExp(indicator.code) }).click();
  await page.getByRole("heading", { name: "Prisons with a media focal point" }).waitFor();
  await page.getByText("No values reported yet.").waitFor();

  // Without evidence, the API's rule is shown beside the link field.
  await page.getByLabel("Period start").fill("2021-01-01");
  await page.getByLabel("Period end").fill("2021-12-31");
  await page.getByLabel("Value (prisons)", { exact: true }).fill("6");
  await page.getByRole("button", { name: "Save value" }).click();
  await page.locator("#evidenceUrl-error").waitFor();
  expect(await page.getByLabel("Value (prisons)", { exact: true }).inputValue()).toBe("6");

  await page.getByLabel("Evidence link", { exact: true }).fill("https://example.org/reports/focal-points-2021");
  await page.getByLabel("Evidence note").fill("Appointment orders of the prison committee, December 2021");
  await page.getByRole("button", { name: "Save value" }).click();
  await page.getByRole("status").filter({ hasText: "Value saved." }).waitFor();
  const valueRow = page.getByRole("row").filter({ hasText: "Appointment orders of the prison committee" });
  await valueRow.getByText("6 prisons").waitFor();
  await valueRow.getByRole("link", { name: /Evidence link/ }).waitFor();
  await valueRow.getByText("Open", { exact: true }).waitFor();

  // Locked, it is corrected by a new value with a reason; the old one stays, marked as corrected.
  await valueRow.getByRole("button", { name: "Lock" }).click();
  await page.getByRole("status").filter({ hasText: "Value locked." }).waitFor();
  await page.getByRole("row").filter({ hasText: "Appointment orders" }).getByText(/Locked$/).waitFor();
  await page.getByRole("link", { name: /Correct the locked value/ }).click();
  await page.getByRole("heading", { name: "Correct a locked value" }).waitFor();
  await page.getByLabel("Value (prisons)", { exact: true }).fill("7");
  await page.getByLabel("Evidence note").fill("Corrected list from the prison committee, January 2022");
  await page.getByLabel("Reason for the correction").fill("One appointment order arrived late");
  await page.getByRole("button", { name: "Save correction" }).click();
  await page.getByRole("status").filter({ hasText: "Correction saved" }).waitFor();
  await page.getByRole("row").filter({ hasText: "One appointment order arrived late" }).getByText("7 prisons").waitFor();
  await page.getByRole("row").filter({ hasText: "Appointment orders of the prison committee" }).getByText("Corrected", { exact: true }).waitFor();
  await page.screenshot({ path: path.join(artifactsDir, "staff-indicator.png"), fullPage: true });

  // The list shows the corrected actual against the baseline.
  await page.goto(`${stack.webUrl}/staff/indicators`);
  // An exact cell match: a code ending in 7 followed by the name would otherwise read "…7 Prisons…".
  await page.getByRole("row").filter({ hasText: indicator.code }).getByRole("cell", { name: "7 prisons", exact: true }).waitFor();
  await page.close();
});

it("a payment above the pledge is refused with the API's message beside the amount", async () => {
  const page = await signIn("staff@vep.example", "demo-staff-2020");
  await page.goto(`${stack.webUrl}/staff/donors`);
  await page.getByRole("link", { name: "European Union" }).click();
  const form = page.getByRole("form", { name: /Record a payment/ }).first();
  await form.getByLabel("Received on").fill("2021-03-01");
  await form.getByLabel(/Amount received/).fill("999999999");
  await form.getByRole("button", { name: "Record payment" }).click();
  await page.getByText(/above the pledge/).waitFor();
  expect(await page.getByRole("form", { name: /Record a payment/ }).first().getByLabel(/Amount received/).inputValue()).toBe("999999999");
  await page.close();
});

it("a staff member traces a computed figure to the people it counted, and closes a period's computed figures", async () => {
  const page = await signIn("staff@vep.example", "demo-staff-2020");
  await page.goto(`${stack.webUrl}/staff/indicators`);
  await page.getByRole("link", { name: /IND-1\.1\.1/ }).click();
  await page.getByText(/What is counted:/).waitFor();
  await page.getByText(/at least 70% of its sessions/).first().waitFor();
  await page.getByRole("link", { name: /Records counted \(Sex: Woman, 2020-01-01/ }).click();
  await page.getByRole("heading", { name: /Records behind/ }).waitFor();
  // 17 women took part; Зарина Ташенова attended 6 of 9 sessions, so 16 count as trained.
  await page.getByText("16 of 17 records").waitFor();
  await page.getByRole("link", { name: "Not counted", exact: true }).click();
  const notCounted = page.getByRole("row").filter({ hasText: "Зарина Ташенова" });
  await notCounted.getByText("6 of 9").waitFor();
  expect(await page.getByRole("row").filter({ hasText: "Not counted" }).count()).toBe(1);
  await page.screenshot({ path: path.join(artifactsDir, "staff-indicator-records.png"), fullPage: true });

  // A computed indicator with a target and no value yet: the live figure, its status, and closing it.
  const { auth, indicator } = await createIndicator({ outputId: null, code: `E2E-ACT-${Date.now() % 100000}`, name: "Webinars delivered", measure: "UNIT", source: "COMPUTED", metric: "ACTIVITIES_DELIVERED", definition: { activityTypes: ["WEBINAR"] }, unit: "webinars", baselineValue: 0 });
  expect((await fetch(`${stack.apiUrl}/api/v1/indicators/${indicator.id}/targets`, { method: "POST", headers: auth, body: JSON.stringify({ periodStart: "2020-01-01", periodEnd: "2020-12-31", value: 2 }) })).status).toBe(201);
  await page.goto(`${stack.webUrl}/staff/indicators/${indicator.id}`);
  const total = page.getByRole("row").filter({ hasText: "Total" }).first();
  await total.getByText("computed from records").waitFor();
  await total.getByText("Off track").waitFor();
  await page.getByRole("button", { name: "Record and lock the computed figures for 2020-01-01 – 2020-12-31" }).click();
  await page.getByRole("status").filter({ hasText: "The computed figures were recorded and locked." }).waitFor();
  const recorded = page.getByRole("row").filter({ hasText: "Computed from the records" });
  await recorded.getByText(/Locked$/).waitFor();
  await page.close();
});
