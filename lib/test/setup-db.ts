/**
 * Runs before every integration test file: installs a fresh database as the process's one handle,
 * seeded with roles and permissions (the same seed as production), then closes it after the file.
 */
import { readFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { afterAll, inject } from "vitest";
import { closeDb, installDatabase, schema, type Db } from "@/db";
import { seedAccessControl } from "@/db/seed";
import { resetClock } from "@/lib/clock";
import { withDatabase } from "./global-setup";

const template = inject("pgTemplate");
const url = process.env.DATABASE_URL?.trim();

if (url && template) {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const name = `ticketry_test_${randomBytes(4).toString("hex")}_${process.pid}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  const client = postgres(withDatabase(url, name), { max: 10, onnotice: () => {} });
  installDatabase({
    kind: "postgres",
    db: drizzle(client, { schema, casing: "snake_case" }) as unknown as Db,
    close: async () => {
      await client.end();
      await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  });
} else {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const pg = await PGlite.create({ loadDataDir: new Blob([readFileSync(inject("pgSnapshot"))]) });
  installDatabase({ kind: "pglite", db: drizzle(pg, { schema, casing: "snake_case" }) as unknown as Db, close: () => pg.close() });
}

const { getDb } = await import("@/db");
await seedAccessControl(await getDb());

afterAll(async () => {
  resetClock();
  await closeDb();
});
