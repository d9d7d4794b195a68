import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each file starts its own servers and browser; run them one after another on a 2-core machine.
    fileParallelism: false,
  },
});
