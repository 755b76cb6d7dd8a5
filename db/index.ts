import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { appendFileSync } from "node:fs";
import type { ExtractTablesWithRelations, Logger, SQL } from "drizzle-orm";
import { env } from "@/lib/env";
import * as schema from "./schema";

export type Schema = typeof schema;
/** One type for both drivers: postgres.js (DATABASE_URL) and PGlite (embedded default). */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything a query can run on: the database or an open transaction. */
export type Conn = Db | Tx;

type Handle = { db: Db; close: () => Promise<void>; kind: "postgres" | "pglite" };

/**
 * postgres.js settings, shared with the bench so it measures what the app runs. Two session settings
 * (startup parameters) suit statements that each read one index range in milliseconds:
 * - JIT off: compiling one whose estimated cost passes jit_above_cost took 10–20 ms, longer than
 *   running it.
 * - No parallel workers: starting them costs more than such a statement (the VM: ~55 ms
 *   for a 6 ms dashboard count; here, on a busy 2-core machine, the dashboard's active-ticket
 *   count took a median 975 ms with two workers against 794 ms without), and an index range does
 *   not split usefully. Requests already run in parallel on the server's cores.
 * A pooler that refuses unknown startup parameters (PgBouncer) needs
 * `ignore_startup_parameters = jit,max_parallel_workers_per_gather`.
 */
export const postgresOptions = { max: 10, onnotice: () => {}, connection: { jit: "off", max_parallel_workers_per_gather: "0" } };

/**
 * The embedded PostgreSQL lives inside this process's WebAssembly memory, which never shrinks, and
 * its shared buffers are touched as it starts: initdb's default of 128 MB put 115 MB on the
 * server's RSS before the first query (an idle PGlite: 329 MB RSS with 128 MB, 230 MB with 32 MB).
 * One backend runs one statement at a time here, and the operating system's file cache still holds
 * the files the buffers do not, so 32 MB serves the small installs PGlite is for; a larger desk
 * runs on PostgreSQL (DATABASE_URL).
 */
export const pgliteSettings = ["-c", "shared_buffers=32MB"];

const globalForDb = globalThis as unknown as { __ticketryDb?: Handle; __ticketryDbPromise?: Promise<Handle> };

/**
 * With BENCH_SQL_LOG set (npm run bench:http only), every statement and its parameters go to that
 * file, one JSON line each, so the bench can EXPLAIN what a page really sent. A synchronous append
 * keeps the lines in the order the statements were issued.
 */
function benchLogger(file: string | undefined): Logger | undefined {
  if (!file) return undefined;
  return { logQuery: (query, params) => appendFileSync(file, `${JSON.stringify({ t: Date.now(), query, params })}\n`) };
}

async function open(): Promise<Handle> {
  const logger = benchLogger(env.benchSqlLog);
  if (env.databaseUrl) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const client = postgres(env.databaseUrl, postgresOptions);
    return { db: drizzle(client, { schema, casing: "snake_case", logger }) as unknown as Db, close: () => client.end(), kind: "postgres" };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const client = await PGlite.create(env.pgliteDir, { startParams: [...PGlite.defaultStartParams, ...pgliteSettings] });
  return { db: drizzle(client, { schema, casing: "snake_case", logger }) as unknown as Db, close: () => client.close(), kind: "pglite" };
}

/**
 * The one database handle of this process, kept on globalThis so hot reload and repeated imports
 * never open a second PGlite on the same directory (PGlite has no lock). Tests install their own
 * handle with `installDatabase` before anything queries.
 */
export function getHandle(): Promise<Handle> {
  if (globalForDb.__ticketryDb) return Promise.resolve(globalForDb.__ticketryDb);
  globalForDb.__ticketryDbPromise ??= open().then((h) => (globalForDb.__ticketryDb = h));
  return globalForDb.__ticketryDbPromise;
}

export async function getDb(): Promise<Db> {
  return (await getHandle()).db;
}

export function installDatabase(handle: Handle) {
  globalForDb.__ticketryDb = handle;
  globalForDb.__ticketryDbPromise = Promise.resolve(handle);
}

export async function closeDb() {
  const handle = globalForDb.__ticketryDb;
  globalForDb.__ticketryDb = undefined;
  globalForDb.__ticketryDbPromise = undefined;
  if (handle) await handle.close();
}

/** Rows of a raw `sql` query, whichever driver answered (postgres.js returns an array, PGlite `{ rows }`). */
export async function rawRows<T>(conn: Conn, query: SQL): Promise<T[]> {
  const result = (await conn.execute(query)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

export { schema };
