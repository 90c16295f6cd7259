import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname, "src") };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["src/**/*.test.ts"],
          exclude: ["src/**/*.int.test.ts"],
          env: { NODE_ENV: "test" },
        },
      },
      {
        // Against the real server (production build) in a child process; see testing/server.ts.
        extends: true,
        test: {
          name: "integration",
          include: ["src/**/*.int.test.ts"],
          // SWITCHBOARD_TEST_DATABASE=postgresql: the same tests on PostgreSQL and Redis.
          globalSetup: ["testing/global-services.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          env: { NODE_ENV: "test" },
        },
      },
    ],
  },
});
