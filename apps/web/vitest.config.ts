import { defineConfig } from "vitest/config";

// Unit tests run without the Remix Vite plugin (vite.config.ts is for the app build).
export default defineConfig({
  test: {
    include: ["app/**/*.test.ts", "app/**/*.test.tsx"],
    environment: "node",
  },
});
