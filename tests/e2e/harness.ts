// Starts the built API and dashboard as real processes on a fresh embedded database, and a real
// headless Chromium (Debian's, never a downloaded one) to drive them.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const artifactsDir = path.join(root, "tests/e2e/artifacts");

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function startProcess(name: string, script: string, cwd: string, env: Record<string, string>): { child: ChildProcess; output: () => string } {
  let output = "";
  const child = spawn(process.execPath, [script], { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  child.on("exit", (code) => code && console.error(`[e2e] ${name} exited with ${code}:\n${output}`));
  return { child, output: () => output };
}

async function waitFor(url: string, timeoutMs: number, describe: () => string) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not come up in ${timeoutMs} ms:\n${describe()}`);
}

export interface Stack {
  webUrl: string;
  apiUrl: string;
  browser: Browser;
  stop(): Promise<void>;
}

export async function startStack(): Promise<Stack> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "vep-e2e-"));
  const [apiPort, webPort] = [await freePort(), await freePort()];
  const env = { HOST: "127.0.0.1", API_PORT: String(apiPort), WEB_PORT: String(webPort), API_URL: `http://127.0.0.1:${apiPort}` };
  // The embedded default on an empty directory: the API migrates and loads the demo data the journeys read.
  const api = startProcess("api", "dist/server.js", path.join(root, "apps/api"), { ...env, PGLITE_DIR: path.join(dataDir, "pglite") });
  await waitFor(`${env.API_URL}/api/health`, 60_000, api.output);
  const web = startProcess("web", "server.js", path.join(root, "apps/web"), env);
  const webUrl = `http://127.0.0.1:${webPort}`;
  await waitFor(webUrl, 30_000, web.output);

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  await mkdir(artifactsDir, { recursive: true });
  return {
    webUrl,
    apiUrl: env.API_URL,
    browser,
    async stop() {
      await browser.close();
      for (const p of [web, api]) {
        p.child.kill("SIGTERM");
        await new Promise((r) => (p.child.exitCode !== null ? r(null) : p.child.once("exit", r)));
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs `page` in through the login form, in whatever language the page is in, and waits to leave it. */
export async function signInOn(stack: Stack, page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${stack.webUrl}/login`);
  await page.locator("#email").fill(email);
  await page.locator("#password").fill(password);
  await page.locator("form:has(#password) button[type=submit]").click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
}

/**
 * A page in `context` with `language` chosen through the language switch's own form post (kept in its
 * cookie, and with the account at sign-in), signed in as `role` unless it is anonymous.
 */
export async function openAs(stack: Stack, context: BrowserContext, role: (typeof ROLE_HOMES)[number], language: string): Promise<Page> {
  const page = await context.newPage();
  const chosen = await page.request.post(`${stack.webUrl}/language`, { form: { lng: language, redirectTo: "/" }, maxRedirects: 0 });
  if (chosen.status() !== 302) throw new Error(`choosing ${language} answered ${chosen.status()}`);
  if ("email" in role) await signInOn(stack, page, role.email, role.password);
  return page;
}

/** Each role's demo sign-in and its home page, anonymous first: the pages suites that visit every role start from. */
export const ROLE_HOMES = [
  { role: "anonymous", home: "/" },
  { role: "partner", home: "/partner", email: "partner@vep.example", password: "demo-partner-2020" },
  { role: "donor", home: "/donor", email: "donor@vep.example", password: "demo-donor-2020" },
  { role: "staff", home: "/staff/activities", email: "staff@vep.example", password: "demo-staff-2020" },
  { role: "admin", home: "/admin/users", email: "admin@vep.example", password: "demo-admin-2020" },
] as const;
