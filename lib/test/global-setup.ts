/**
 * Migrates one database for the whole run; each test file then gets a fresh copy of it:
 * - PGlite (default): the migrated data dir is dumped to a tarball, and every file loads it into an
 *   in-memory PGlite (about a second instead of five).
 * - PostgreSQL (DATABASE_URL set): a migrated template database; every file clones it.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";


export default async function setup(project: TestProject) {
  const { drizzle: drizzlePglite } = await import("drizzle-orm/pglite");
  const { migrate: migratePglite } = await import("drizzle-orm/pglite/migrator");
  const schema = await import("../../db/schema");
  const migrationsFolder = path.resolve("drizzle");
  const url = process.env.DATABASE_URL?.trim();

  if (url) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    const template = `ticketry_test_tpl_${process.pid}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`DROP DATABASE IF EXISTS ${template}`);
    await admin.unsafe(`CREATE DATABASE ${template}`);
    const tplUrl = withDatabase(url, template);
    const client = postgres(tplUrl, { max: 1, onnotice: () => {} });
    await migrate(drizzle(client, { schema, casing: "snake_case" }), { migrationsFolder });
    await client.end();
    project.provide("pgTemplate", template);
    project.provide("pgSnapshot", "");
    return async () => {
      // Drop the per-file clones and the template.
      const rows = await admin<{ datname: string }[]>`SELECT datname FROM pg_database WHERE datname LIKE ${`ticketry_test_%_${process.pid}%`} OR datname = ${template}`;
      for (const r of rows) await admin.unsafe(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`).catch(() => {});
      await admin.end();
    };
  }

  const { PGlite } = await import("@electric-sql/pglite");
  const pg = await PGlite.create();
  await migratePglite(drizzlePglite(pg, { schema, casing: "snake_case" }), { migrationsFolder });
  const dump = await pg.dumpDataDir("gzip");
  // One snapshot per run (by pid), so parallel runs never overwrite each other's.
  const snapshot = path.resolve(`.data/test/pglite-snapshot-${process.pid}.tar.gz`);
  mkdirSync(path.dirname(snapshot), { recursive: true });
  writeFileSync(snapshot, Buffer.from(await dump.arrayBuffer()));
  await pg.close();
  project.provide("pgTemplate", "");
  project.provide("pgSnapshot", snapshot);
  return () => rmSync(snapshot, { force: true });
}

export function withDatabase(url: string, database: string) {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

declare module "vitest" {
  export interface ProvidedContext {
    pgTemplate: string;
    pgSnapshot: string;
  }
}
