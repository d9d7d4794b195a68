import { defineConfig } from "tsup";

// Bundle the workspace's own TypeScript (@vep/*), keep npm packages external (STACK-NOTES.md).
export default defineConfig({
  entry: { server: "src/server.ts" },
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
