import { sql } from "drizzle-orm";
import { migrate } from "@/db/migrate";
import { seedAccessControl } from "@/db/seed";
import { resetServerDatabase, type BenchDb } from "./db";
import { generateChanges } from "./generate-changes";
import { insertHistorySql, insertMessagesSql, insertTicketsSql, stageMessagesSql, stageSql, type BatchPlan } from "./generate-sql";
import { buildTexts, COMMON_WORD, RARE_WORD } from "./vocabulary";

export type GenerateOptions = {
  tickets: number;
  messages: number;
  batch: number;
  clients: number;
  agents: number;
  days: number;
  /** Change requests besides the tickets (counted in `tickets` too): a tenth of them unless given. */
  changes?: number;
};
export type GenerateResult = { seconds: number; tickets: number; changes: number; messages: number; history: number };

const DAY_US = 86_400_000_000;
const TABLES = ["tickets", "messages", "ticket_history"];
const elapsed = (t0: number) => (performance.now() - t0) / 1000;

/**
 * Fills an empty bench database: migrations and roles, a few hundred clients in 50 companies,
 * agents (¾ first line, ¼ second line), two managers, an admin, five departments; then the tickets,
 * messages and history in batches (the secondary indexes are dropped first and rebuilt after, as a
 * bulk load does), the per-day ticket counters, and VACUUM ANALYZE.
 */
export async function generate(b: BenchDb, o: GenerateOptions): Promise<GenerateResult> {
  const t0 = performance.now();
  if (b.kind === "postgres") await resetServerDatabase(b);
  await migrate(b.db, b.kind);
  await seedAccessControl(b.db);
  await seedPeople(b, o);
  await seedTexts(b);
  const indexes = await dropSecondaryIndexes(b);
  const [su] = await b.raw<{ superuser: boolean }>("SELECT rolsuper AS superuser FROM pg_roles WHERE rolname = current_user");

  const now = new Date();
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) - o.days * 86_400_000);
  const stepUs = Math.floor(((now.getTime() - 60_000 - start.getTime()) * 1000) / o.tickets);
  const base = {
    startIso: start.toISOString(),
    nowIso: now.toISOString(),
    stepUs,
    recentFrom: o.tickets - Math.ceil((2 * DAY_US) / stepUs),
    messageRatio: o.messages / o.tickets,
    rareEvery: Math.max(1, Math.floor(o.tickets / 10)),
  };
  for (let from = 0, i = 0; from < o.tickets; from += o.batch, i++) {
    const plan: BatchPlan = { ...base, from, to: Math.min(o.tickets, from + o.batch) - 1, seed: i };
    const tb = performance.now();
    await loadBatch(b, plan, !!su?.superuser);
    const done = plan.to + 1;
    process.stdout.write(`\r  tickets ${done.toLocaleString("en")} / ${o.tickets.toLocaleString("en")} (batch ${elapsed(tb).toFixed(1)} s, total ${elapsed(t0).toFixed(0)} s)   `);
  }
  process.stdout.write("\n");
  await generateChanges(b, { count: o.changes ?? Math.round(o.tickets / 10), days: o.days, batch: o.batch, superuser: !!su?.superuser });

  const ti = performance.now();
  await rebuildIndexes(b, indexes);
  console.log(`  ${indexes.length} indexes rebuilt in ${elapsed(ti).toFixed(1)} s`);
  await b.raw(`INSERT INTO counters (scope, value)
    SELECT 'ticket:' || substr(number, 5, 8), max(substr(number, 14)::int) FROM tickets GROUP BY 1
    ON CONFLICT (scope) DO UPDATE SET value = greatest(counters.value, excluded.value)`);
  await b.raw("DROP TABLE bench_titles, bench_sentences");
  // The statistics rollups' triggers did not run under the replica role: count from scratch.
  const tr = performance.now();
  await b.raw("SELECT rebuild_desk_stats()");
  console.log(`  desk statistics rollups rebuilt in ${elapsed(tr).toFixed(1)} s`);
  const ta = performance.now();
  for (const table of [...TABLES, "ticket_items", "orders", "services", "users", "departments", "desk_days", "desk_agent_days"]) await b.raw(`VACUUM (ANALYZE) ${table}`);
  console.log(`  VACUUM ANALYZE in ${elapsed(ta).toFixed(1)} s`);

  const [counts] = await b.raw<{ tickets: number; changes: number; messages: number; history: number }>(
    "SELECT (SELECT count(*)::int FROM tickets) AS tickets, (SELECT count(*)::int FROM tickets WHERE type = 'change_request') AS changes, (SELECT count(*)::int FROM messages) AS messages, (SELECT count(*)::int FROM ticket_history) AS history",
  );
  const result = { seconds: elapsed(t0), ...counts! };
  await b.raw("CREATE TABLE bench_meta (key text PRIMARY KEY, value jsonb NOT NULL)");
  await b.raw("INSERT INTO bench_meta VALUES ('load', $1::jsonb)", [JSON.stringify({ ...result, options: o, common: COMMON_WORD, rare: RARE_WORD })]);
  return result;
}

async function loadBatch(b: BenchDb, plan: BatchPlan, superuser: boolean) {
  await b.db.transaction(async (tx) => {
    const run = (text: string) => tx.execute(sql.raw(text));
    await run("SET LOCAL synchronous_commit = off");
    // Bulk load: skip the per-row foreign-key triggers when we may (the generator only writes valid ids).
    if (superuser) await run("SET LOCAL session_replication_role = replica");
    await run(`SELECT setseed(${(((plan.seed * 7919) % 10_000) / 10_000).toFixed(4)})`);
    await run(stageSql(plan));
    await run(stageMessagesSql(plan));
    await run(insertTicketsSql);
    await run(insertMessagesSql);
    await run(insertHistorySql);
  });
}

async function seedPeople(b: BenchDb, o: GenerateOptions) {
  const l2 = Math.max(1, Math.round(o.agents / 4));
  await b.raw(`INSERT INTO companies (name, description)
    SELECT 'Bench Company ' || lpad(i::text, 3, '0'), 'Generated by npm run bench' FROM generate_series(1, 50) i`);
  await b.raw(`INSERT INTO departments (name, description) VALUES
    ('General support', ''), ('Technical', ''), ('Billing', ''), ('Network', ''), ('Accounts', '')`);
  await b.raw(`INSERT INTO users (name, email, role_key, company_id, email_verified_at)
    SELECT 'Client ' || lpad(i::text, 4, '0'), 'client' || i || '@bench.example', 'client',
      (SELECT id FROM companies ORDER BY name OFFSET (i % 50) LIMIT 1), now()
    FROM generate_series(1, ${o.clients}) i
    UNION ALL SELECT 'Agent ' || lpad(i::text, 2, '0'), 'agent' || i || '@bench.example', CASE WHEN i <= ${l2} THEN 'agent_l2' ELSE 'agent' END, NULL, now()
    FROM generate_series(1, ${o.agents}) i
    UNION ALL SELECT 'Manager ' || i, 'manager' || i || '@bench.example', 'manager', NULL, now() FROM generate_series(1, 2) i
    UNION ALL SELECT 'Admin', 'admin@bench.example', 'admin', NULL, now()`);
}

async function seedTexts(b: BenchDb) {
  const { titles, sentences } = buildTexts();
  await b.raw("CREATE TABLE bench_titles (i int PRIMARY KEY, t text NOT NULL)");
  await b.raw("CREATE TABLE bench_sentences (i int PRIMARY KEY, s text NOT NULL)");
  await b.raw("INSERT INTO bench_titles SELECT ord - 1, t FROM unnest($1::text[]) WITH ORDINALITY AS u(t, ord)", [titles]);
  await b.raw("INSERT INTO bench_sentences SELECT ord - 1, s FROM unnest($1::text[]) WITH ORDINALITY AS u(s, ord)", [sentences]);
  await b.raw("ANALYZE bench_titles");
  await b.raw("ANALYZE bench_sentences");
}

type IndexDef = { name: string; def: string };

/** Secondary indexes of the bulk-loaded tables (not those behind a primary key or constraint). */
async function dropSecondaryIndexes(b: BenchDb): Promise<IndexDef[]> {
  const rows = await b.raw<IndexDef>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS def
     FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
     WHERE c.relname = ANY($1::text[]) AND c.relnamespace = 'public'::regnamespace
       AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`,
    [TABLES],
  );
  for (const r of rows) await b.raw(`DROP INDEX ${r.name}`);
  return rows;
}

/** Rebuilds them, two at a time on PostgreSQL (the GIN index beside the b-trees). */
async function rebuildIndexes(b: BenchDb, indexes: IndexDef[]) {
  const memory = b.kind === "postgres" ? "512MB" : "128MB";
  const build = (ix: IndexDef) =>
    b.db.transaction(async (tx) => {
      await tx.execute(sql.raw(`SET LOCAL maintenance_work_mem = '${memory}'`));
      await tx.execute(sql.raw(ix.def));
    });
  const queue = [...indexes].sort((x, y) => Number(y.def.includes("USING gin")) - Number(x.def.includes("USING gin")));
  const lanes = b.kind === "postgres" ? 2 : 1;
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      for (let ix = queue.shift(); ix; ix = queue.shift()) await build(ix);
    }),
  );
}
