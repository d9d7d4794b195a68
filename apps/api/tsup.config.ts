import { defineConfig } from "tsup";

// Bundle the workspace's own TypeScript (@vep/*), keep npm packages external (STACK-NOTES.md).
export default defineConfig({
  // start.ts runs migrations in a child process (dist/migrate-worker.js); build-template.ts writes the
  // migrated empty embedded database a first start loads (run after tsup by `npm run build`).
  entry: { server: "src/server.ts", "migrate-worker": "src/migrate-worker.ts", "build-template": "src/build-template.ts" },
  format: "esm",
  platform: "node",
  target: "node20",
  outDir: "dist",
  clean: true,
  sourcemap: true,
  noExternal: [/^@vep\//],
  // Every other bare import (npm packages, including those only @vep/db depends on) stays external.
  external: [/^(?!@vep\/)(@[^/]+\/)?[a-z0-9][^:]*$/],
});
