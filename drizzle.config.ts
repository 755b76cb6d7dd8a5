import { defineConfig } from "drizzle-kit";

// Only `generate` is used: migrations are SQL files in drizzle/, applied by db/migrate.ts.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./drizzle",
  casing: "snake_case",
});
