import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["reliability/**/*.reliability.ts"],
    // Load runs for DURATION seconds (RELIABILITY_SECONDS, default 10) plus start-up and checks.
    testTimeout: 300_000,
    hookTimeout: 120_000,
    // Each file starts its own PostgreSQL and API; one after another on a 2-core machine.
    fileParallelism: false,
  },
});
