import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  // React's server-only guard throws outside a React Server environment; tests are server code.
  "server-only": path.resolve(import.meta.dirname, "lib/test/server-only.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "lib/**/*.test.tsx", "scripts/**/*.test.ts"],
          exclude: ["lib/**/*.int.test.ts", "node_modules/**"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["lib/**/*.int.test.ts", "db/**/*.int.test.ts"],
          environment: "node",
          globalSetup: ["lib/test/global-setup.ts"],
          setupFiles: ["lib/test/setup-db.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Each file gets its own fresh database (restored from a migrated snapshot).
          isolate: true,
          pool: "forks",
        },
      },
    ],
  },
});
