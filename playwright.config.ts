import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { BASE_URL, E2E_PORT } from "./e2e/fixtures/server";

/**
 * End-to-end tests against the production build, served as `npm start` serves it (scripts/serve.ts,
 * which gives the app the socket's address), on a fresh embedded database.
 * `npm run test:e2e` builds first; `npx playwright test` alone expects a build in place
 * (NEXT_DIST_DIR picks its folder, default .next).
 */
const isCI = !!process.env.CI;

// Debian's Chromium where there is one (this machine has no internet, so Playwright's own download
// is not an option in CI); else whatever `npx playwright install` put in place.
const chromiumPath =
  process.env.PLAYWRIGHT_CHROMIUM_PATH || (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined);

// One folder per port, so two runs on different ports never share a database.
const dataDir = `.data/e2e-${E2E_PORT}`;

export default defineConfig({
  testDir: "./e2e",
  // One server with one PGlite behind it and two cores: two workers keep both busy.
  workers: 2,
  fullyParallel: false,
  forbidOnly: isCI,
  retries: isCI ? 1 : 0,
  // Budgets sized for a busy machine (two cores shared with other runs at a load of 30-45, where a
  // page load takes 10-25 s and a server action up to 40 s): they bound a hang, not a passing run.
  // Stories split into steps with budgets of their own (e2e/fixtures/budgets.ts).
  timeout: 240_000,
  expect: { timeout: 60_000 },
  reporter: isCI ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    navigationTimeout: 90_000,
    actionTimeout: 60_000,
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"] }, testIgnore: "**/desk-wide/**" },
    {
      // Actions that change every ticket of the desk (de-assign all) would pull tickets from under
      // the stories of the other worker, whatever users they use. They run here, one at a time,
      // after every test of "chromium" has finished (a failure there skips them; run them alone
      // with `npx playwright test --project desk-wide --no-deps`).
      name: "desk-wide",
      use: { ...devices["Desktop Chrome"] },
      testDir: "./e2e/desk-wide",
      dependencies: ["chromium"],
      workers: 1,
    },
  ],
  webServer: {
    // Builds nothing: migrates and seeds a fresh database (demo data, then each worker slot's own
    // users, see e2e/fixtures/people.ts), then serves the existing build.
    command: [
      `rm -rf ${dataDir}`,
      "./node_modules/.bin/tsx scripts/db-setup.ts",
      "./node_modules/.bin/tsx e2e/fixtures/seed-people.ts",
      "node --import tsx scripts/serve.ts",
    ].join(" && "),
    url: `${BASE_URL}/sign-in`,
    reuseExistingServer: !isCI,
    // Migrating and seeding alone took 55-90 s at a load of 25-45.
    timeout: 300_000,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(E2E_PORT),
      // The demo accounts keep the server on 127.0.0.1, whatever the shell exported.
      HOST: "",
      DATA_DIR: dataDir,
      PGLITE_DIR: `${dataDir}/pglite`,
      // Always the embedded database with its demo accounts, whatever the shell exported.
      DATABASE_URL: "",
      SEED_DEMO: "1",
      // Mail goes to the built-in mailbox, where the tests read it.
      RESEND_API_KEY: "",
      AUTH_URL: BASE_URL,
      APP_URL: BASE_URL,
      CRON_SECRET: "e2e-cron-secret",
    },
  },
});
