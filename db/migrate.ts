import path from "node:path";
import type { Db } from "./index";

const migrationsFolder = path.resolve(process.cwd(), "drizzle");

/** Applies the committed SQL migrations in drizzle/ with the driver's programmatic migrator. */
export async function migrate(db: Db, kind: "postgres" | "pglite") {
  if (kind === "pglite") {
    const { migrate: run } = await import("drizzle-orm/pglite/migrator");
    await run(db as never, { migrationsFolder });
  } else {
    const { migrate: run } = await import("drizzle-orm/postgres-js/migrator");
    await run(db as never, { migrationsFolder });
  }
}
