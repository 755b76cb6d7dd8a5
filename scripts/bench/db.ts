import { readFileSync, rmSync } from "node:fs";
import type { Logger } from "drizzle-orm";
import { installDatabase, postgresOptions, schema, type Db } from "@/db";
import { env } from "@/lib/env";

/**
 * The bench's own database handle: postgres.js when DATABASE_URL is set, else PGlite in its own
 * directory (never the app's). It is installed as the process's handle, so the real domain functions
 * (listTickets, getTicketDetail, getDeskStats) run on it, and a logger records the SQL they send
 * while `capture` is on, so the bench can EXPLAIN ANALYZE exactly those statements.
 */
export type Captured = { query: string; params: unknown[] };

export type BenchDb = {
  db: Db;
  kind: "postgres" | "pglite";
  where: string;
  /** Runs SQL text with $n parameters on the raw driver. */
  raw: <T = Record<string, unknown>>(query: string, params?: unknown[]) => Promise<T[]>;
  /** Calls fn and returns the statements it sent. */
  capture: (fn: () => Promise<unknown>) => Promise<Captured[]>;
  /**
   * CPU milliseconds used so far by this process and (PostgreSQL on this machine) its server
   * backends, or null when they cannot be read. On a shared machine this separates what a call
   * costs from the time it waits for a core.
   */
  cpu: () => Promise<number | null>;
  close: () => Promise<void>;
};

export async function openBenchDb(opts: { dir: string; wipe: boolean }): Promise<BenchDb> {
  let recording: Captured[] | null = null;
  const logger: Logger = { logQuery: (query, params) => void recording?.push({ query, params }) };
  const capture = async (fn: () => Promise<unknown>) => {
    recording = [];
    try {
      await fn();
      return recording;
    } finally {
      recording = null;
    }
  };

  if (env.databaseUrl) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const client = postgres(env.databaseUrl, { ...postgresOptions, connection: { ...postgresOptions.connection, application_name: APP_NAME } });
    const db = drizzle(client, { schema, casing: "snake_case", logger }) as unknown as Db;
    const close = () => client.end();
    installDatabase({ db, close, kind: "postgres" });
    const raw = async <T>(query: string, params: unknown[] = []) => (await client.unsafe(query, params as never[])) as unknown as T[];
    const url = new URL(env.databaseUrl);
    const cpu = async () => {
      const pids = await raw<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE application_name = $1", [APP_NAME]);
      let ms = processCpu();
      for (const { pid } of pids) {
        const backend = procCpu(pid);
        if (backend === null) return null;
        ms += backend;
      }
      return ms;
    };
    return { db, kind: "postgres", where: `PostgreSQL ${url.host}${url.pathname}`, raw, capture, cpu, close };
  }

  if (opts.wipe) rmSync(opts.dir, { recursive: true, force: true });
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const client = await PGlite.create(opts.dir);
  const db = drizzle(client, { schema, casing: "snake_case", logger }) as unknown as Db;
  const close = () => client.close();
  installDatabase({ db, close, kind: "pglite" });
  const raw = async <T>(query: string, params: unknown[] = []) => (await client.query<T>(query, params)).rows;
  return { db, kind: "pglite", where: `PGlite ${opts.dir}`, raw, capture, cpu: async () => processCpu(), close };
}

const APP_NAME = "ticketry-bench";
const processCpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
/** utime + stime of a local process from /proc, in ms (clock ticks of 10 ms: meaningful summed over many calls). */
function procCpu(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

/**
 * Empties a DATABASE_URL database before generating, but only one the bench made (it has the
 * bench_meta table) or one without tables: the bench never wipes somebody's real data.
 */
export async function resetServerDatabase(b: BenchDb): Promise<void> {
  const [state] = await b.raw<{ tables: number; bench: boolean }>(
    `SELECT (SELECT count(*)::int FROM pg_tables WHERE schemaname = 'public') AS tables,
            to_regclass('public.bench_meta') IS NOT NULL AS bench`,
  );
  if (state!.tables > 0 && !state!.bench) {
    throw new Error("DATABASE_URL points at a database with tables that the bench did not create. Use an empty database.");
  }
  await b.raw("DROP SCHEMA IF EXISTS drizzle CASCADE");
  await b.raw("DROP SCHEMA public CASCADE");
  await b.raw("CREATE SCHEMA public");
}

/** Server-side planning + execution time of one statement (EXPLAIN ANALYZE, per-node timing off), in ms. */
/**
 * One EXPLAIN ANALYZE of a statement: planning + execution ms, and the pages (8 kB buffers, from
 * cache or disk) its execution touched — the work done, which unlike a sub-millisecond time does
 * not move with the machine's load.
 */
export async function explainRun(b: BenchDb, c: Captured): Promise<{ ms: number; pages: number }> {
  const [row] = await b.raw<Record<string, unknown>>(`EXPLAIN (ANALYZE, BUFFERS, TIMING OFF, FORMAT JSON) ${c.query}`, c.params);
  const value = Object.values(row!)[0];
  type Plan = { "Planning Time": number; "Execution Time": number; Plan: { "Shared Hit Blocks"?: number; "Shared Read Blocks"?: number } };
  const [plan] = (typeof value === "string" ? JSON.parse(value) : value) as Plan[];
  return {
    ms: plan!["Planning Time"] + plan!["Execution Time"],
    pages: (plan!.Plan["Shared Hit Blocks"] ?? 0) + (plan!.Plan["Shared Read Blocks"] ?? 0),
  };
}

/** The text plan of one statement (for --plans). */
export async function explainText(b: BenchDb, c: Captured): Promise<string> {
  const rows = await b.raw<Record<string, unknown>>(`EXPLAIN (ANALYZE, BUFFERS) ${c.query}`, c.params);
  return rows.map((r) => String(Object.values(r)[0])).join("\n");
}
