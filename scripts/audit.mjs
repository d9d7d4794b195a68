#!/usr/bin/env node
// The dependency audit gate: `npm audit --omit=dev` (what ships, not the tools that build and test it)
// must show no high or critical advisory that is not on the allow-list, audit-allowlist.json at the
// repository's root, where each entry says why the advisory cannot reach this app and what would remove it.
//
//   node scripts/audit.mjs                  run npm audit and judge its report
//   node scripts/audit.mjs --report FILE    judge a saved `npm audit --json` report instead (for tests)
//
// Exit codes: 0 nothing to act on (moderate and low advisories are listed, stale allow-list entries
// warned about); 1 a high or critical advisory is not on the allow-list; 2 the allow-list or npm's
// answer cannot be read. When the registry's audit endpoint cannot be reached (no network, a proxy that
// refuses it) the script says so on a WARNING line and exits 0: CI must not fail on a network outage.
// Plain Node, no dependencies.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const ALLOWLIST = path.join(root, "audit-allowlist.json");
const BLOCKING = new Set(["high", "critical"]);
const ENTRY_FIELDS = ["advisory", "package", "why", "removal"];
/** How a failure to reach the audit endpoint looks in npm's JSON answer. */
const NETWORK_CODES = new Set(["ENOTFOUND", "EAI_AGAIN", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENETUNREACH", "EHOSTUNREACH", "ECONNABORTED", "ERR_SOCKET_TIMEOUT", "FETCH_ERROR", "EPROXY"]);
const NETWORK_MESSAGE = /audit endpoint|request to .* failed|network|socket|timed? ?out|getaddrinfo|proxy|Method Not Allowed|Service Unavailable|Bad Gateway|Gateway Time-?out/i;

function fail(code, message) {
  console.error(`audit: ${message}`);
  process.exit(code);
}

function readAllowlist() {
  if (!existsSync(ALLOWLIST)) return [];
  let list;
  try {
    list = JSON.parse(readFileSync(ALLOWLIST, "utf8"));
  } catch (error) {
    fail(2, `${path.relative(root, ALLOWLIST)} is not valid JSON: ${error.message}`);
  }
  const entries = Array.isArray(list) ? list : list?.entries;
  if (!Array.isArray(entries)) fail(2, `${path.relative(root, ALLOWLIST)} must hold { "entries": [...] }`);
  entries.forEach((entry, i) => {
    const missing = ENTRY_FIELDS.filter((f) => typeof entry?.[f] !== "string" || entry[f].trim() === "");
    if (missing.length) fail(2, `allow-list entry ${i + 1} lacks ${missing.join(", ")} (each entry: ${ENTRY_FIELDS.join(", ")})`);
  });
  return entries;
}

function runAudit() {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const result = spawnSync(npm, ["audit", "--omit=dev", "--json"], { cwd: root, encoding: "utf8", timeout: 180_000, maxBuffer: 64 * 1024 * 1024 });
  if (result.error) return { unreachable: `npm audit did not run: ${result.error.message}` };
  return { text: result.stdout, stderr: result.stderr };
}

/** npm's answer when it has no report: the endpoint could not be reached, or something else went wrong. */
function whyNoReport(report, stderr) {
  const error = report?.error ?? {};
  const code = String(error.code ?? report?.code ?? "");
  const message = [report?.message, error.summary, error.detail].filter(Boolean).join(" ") || String(stderr ?? "").split("\n").find((l) => l.trim()) || "";
  const status = Number(report?.statusCode ?? error.statusCode ?? 0);
  if (NETWORK_CODES.has(code) || status >= 400 || NETWORK_MESSAGE.test(message)) {
    return { unreachable: `the registry's audit endpoint could not be reached${status ? ` (HTTP ${status})` : code ? ` (${code})` : ""}: ${message.replace(/\s+/g, " ").trim().slice(0, 300)}` };
  }
  return { broken: `npm audit gave no report: ${code} ${message}`.replace(/\s+/g, " ").trim().slice(0, 500) };
}

/** Every advisory in an npm audit (v2) report, once, with the packages it reaches through. */
function advisoriesOf(report) {
  const byKey = new Map();
  for (const vulnerability of Object.values(report.vulnerabilities ?? {})) {
    for (const via of vulnerability.via ?? []) {
      if (typeof via !== "object" || via === null) continue; // a name: the advisory is listed under that package
      const key = String(via.url ?? via.source);
      const advisory = byKey.get(key) ?? {
        id: String(via.source ?? ""),
        ghsa: /GHSA-[\w-]+/i.exec(String(via.url ?? ""))?.[0] ?? null,
        url: via.url ?? null,
        title: via.title ?? "",
        severity: via.severity ?? vulnerability.severity,
        package: via.name ?? vulnerability.name,
        range: via.range ?? "",
        through: new Set(),
        fixAvailable: vulnerability.fixAvailable,
      };
      for (const node of vulnerability.nodes ?? []) advisory.through.add(node);
      byKey.set(key, advisory);
    }
  }
  return [...byKey.values()];
}

/** An allow-list entry names an advisory by its GHSA id, its URL or npm's numeric id, for one package. */
function matches(entry, advisory) {
  const named = entry.advisory.trim().toLowerCase();
  const names = [advisory.id, advisory.ghsa, advisory.url].filter(Boolean).map((s) => String(s).toLowerCase());
  return entry.package === advisory.package && names.some((n) => n === named || n.endsWith(`/${named}`));
}

function describe(advisory) {
  const via = [...advisory.through].slice(0, 3).join(", ");
  return `${advisory.severity.toUpperCase()} ${advisory.package} ${advisory.range} — ${advisory.title} (${advisory.ghsa ?? advisory.id}) ${advisory.url ?? ""}${via ? ` [${via}]` : ""}`;
}

const reportFlag = process.argv.indexOf("--report");
const allowlist = readAllowlist();
const { text, stderr, unreachable } = reportFlag >= 0 ? { text: readFileSync(process.argv[reportFlag + 1] ?? "", "utf8") } : runAudit();
if (unreachable) {
  console.log(`WARNING: npm audit skipped: ${unreachable}. No advisory was checked.`);
  process.exit(0);
}
let report;
try {
  report = JSON.parse(text);
} catch {
  const why = whyNoReport(null, `${stderr ?? ""} ${text ?? ""}`);
  if (why.unreachable) {
    console.log(`WARNING: npm audit skipped: ${why.unreachable}. No advisory was checked.`);
    process.exit(0);
  }
  fail(2, `npm audit's answer is not JSON: ${(text ?? "").slice(0, 300)}`);
}
if (!report || typeof report.vulnerabilities !== "object") {
  const why = whyNoReport(report, stderr);
  if (why.unreachable) {
    console.log(`WARNING: npm audit skipped: ${why.unreachable}. No advisory was checked.`);
    process.exit(0);
  }
  fail(2, why.broken);
}

const advisories = advisoriesOf(report);
const blocking = advisories.filter((a) => BLOCKING.has(a.severity));
const unlisted = blocking.filter((a) => !allowlist.some((entry) => matches(entry, a)));
const stale = allowlist.filter((entry) => !advisories.some((a) => matches(entry, a)));
const others = advisories.filter((a) => !BLOCKING.has(a.severity));

for (const a of others) console.log(`note: ${describe(a)}`);
for (const a of blocking.filter((b) => !unlisted.includes(b))) {
  const entry = allowlist.find((e) => matches(e, a));
  console.log(`allowed: ${describe(a)}\n  why it cannot reach this app: ${entry.why}\n  what would remove it: ${entry.removal}`);
}
for (const entry of stale) console.log(`WARNING: allow-list entry ${entry.advisory} (${entry.package}) matches no current advisory: remove it from audit-allowlist.json.`);
const deps = report.metadata?.dependencies;
const counted = `${advisories.length} advisories in ${deps?.prod ?? deps?.total ?? "?"} production dependencies (${blocking.length} high or critical, ${blocking.length - unlisted.length} of them allowed)`;
if (unlisted.length) {
  for (const a of unlisted) console.error(`NOT ALLOWED: ${describe(a)}`);
  console.error(`audit: ${counted}; ${unlisted.length} high or critical not on the allow-list. Upgrade, or add an entry (${ENTRY_FIELDS.join(", ")}) to audit-allowlist.json.`);
  process.exit(1);
}
console.log(`audit: ${counted}.`);
