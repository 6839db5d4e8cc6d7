import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "web/test/**/*.test.ts"],
    globalSetup: ["src/test-support/global-setup.ts"],
    setupFiles: ["src/test-support/setup-home.ts"],
    testTimeout: 30_000,
    hookTimeout: 180_000,
  },
});
