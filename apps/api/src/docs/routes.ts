// The browsable API reference at /api/docs: Swagger UI served from the installed swagger-ui-dist
// package (never a CDN), so it works offline and under a strict Content-Security-Policy.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { Hono } from "hono";
import type { AppEnv } from "../http/router.js";

const require = createRequire(import.meta.url);
const distDir = path.dirname(require.resolve("swagger-ui-dist/package.json"));

const ASSETS: Record<string, { file: string; type: string }> = {
  "swagger-ui.css": { file: path.join(distDir, "swagger-ui.css"), type: "text/css; charset=utf-8" },
  "swagger-ui-bundle.js": { file: path.join(distDir, "swagger-ui-bundle.js"), type: "text/javascript; charset=utf-8" },
};

const INIT_SCRIPT = `window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#docs", deepLinking: true });
});
`;

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>VEP Programme Tracker API</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css">
</head>
<body>
<div id="docs"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script>
</body>
</html>
`;

const CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; object-src 'none'; frame-ancestors 'none'";

export const docsRoutes = new Hono<AppEnv>()
  .get("/", (c) => c.html(PAGE, 200, { "Content-Security-Policy": CSP }))
  .get("/:file", async (c) => {
    const name = c.req.param("file");
    if (name === "init.js") return c.body(INIT_SCRIPT, 200, { "Content-Type": "text/javascript; charset=utf-8" });
    // Own keys only: "constructor" or "__proto__" would find Object.prototype's (a 500, found by the fuzzer).
    const asset = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
    if (!asset) return c.notFound();
    return c.body(await readFile(asset.file), 200, { "Content-Type": asset.type, "Cache-Control": "public, max-age=86400" });
  });
