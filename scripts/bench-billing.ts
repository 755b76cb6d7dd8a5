/**
 * Billing bench: creates 100,000 due orders and bills them with the real job, printing the time.
 *
 *   npm run bench:billing [-- --orders 100000 --chunk 1000]
 *
 * Runs on its own database, never the app's: the embedded PGlite at .data/bench-billing (wiped
 * first), or with DATABASE_URL a scratch database `ticketry_bench_billing` on that server
 * (recreated first, dropped at the end).
 */
import { rmSync } from "node:fs";
import path from "node:path";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ORDERS = arg("orders", 100_000);
const CHUNK = arg("chunk", 1000);
const CLIENTS = Math.max(1, Math.round(ORDERS / 100));
const DATE = "2025-06-01";
const BENCH_DB = "ticketry_bench_billing";

async function scratchPostgres(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const { default: postgres } = await import("postgres");
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE ${BENCH_DB}`);
  const u = new URL(url);
  u.pathname = `/${BENCH_DB}`;
  return {
    url: u.toString(),
    drop: async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)`);
      await admin.end();
    },
  };
}

async function main() {
  const given = process.env.DATABASE_URL?.trim();
  let drop = async () => {};
  if (given) {
    const scratch = await scratchPostgres(given);
    process.env.DATABASE_URL = scratch.url;
    drop = scratch.drop;
  } else {
    const dir = path.resolve(".data/bench-billing");
    rmSync(dir, { recursive: true, force: true });
    process.env.PGLITE_DIR = dir;
  }
  process.env.INVOICE_DUE_DAYS ??= "14";
  // Imported only now: lib/env reads the variables set above.
  const { getHandle, closeDb, rawRows } = await import("@/db");
  const { migrate } = await import("@/db/migrate");
  const { seedAccessControl } = await import("@/db/seed");
  const { runBilling } = await import("@/lib/billing/run");
  const { sql } = await import("drizzle-orm");

  try {
    const handle = await getHandle();
    const db = handle.db;
    console.log(`Billing bench on ${handle.kind === "pglite" ? `PGlite (${process.env.PGLITE_DIR})` : `PostgreSQL (${BENCH_DB})`}`);
    let t = Date.now();
    await migrate(db, handle.kind);
    await seedAccessControl(db);
    await db.execute(sql`INSERT INTO users (name, email, role_key, email_verified_at)
      SELECT 'Bench client ' || g, 'bench-' || g || '@example.test', 'client', now() FROM generate_series(1, ${CLIENTS}) g`);
    await db.execute(sql`INSERT INTO services (name, type, billing_period, price_minor, currency) VALUES
      ('Bench monthly', 'vps', 'monthly', 999, 'EUR'), ('Bench quarterly', 'backup', 'quarterly', 2700, 'EUR'),
      ('Bench yearly', 'domain', 'yearly', 1500, 'EUR')`);
    await db.execute(sql`INSERT INTO orders (service_id, client_id, instance_name, status, activated_at, next_due_on, billing_anchor_day, price_override_minor)
      SELECT s.id, u.id, 'bench-' || g, 'active', now(), ${DATE}::date, 1, CASE WHEN g % 10 = 0 THEN 500 END
      FROM generate_series(1, ${ORDERS}) g
      JOIN (SELECT id, row_number() OVER (ORDER BY email) - 1 AS k FROM users WHERE role_key = 'client') u ON u.k = g % ${CLIENTS}
      JOIN (SELECT id, row_number() OVER (ORDER BY name) - 1 AS k FROM services) s ON s.k = g % 3`);
    // Fresh statistics, as autovacuum would gather on a server (PGlite has no autovacuum).
    await db.execute(sql`ANALYZE`);
    console.log(`  set-up: ${ORDERS.toLocaleString("en")} due orders for ${CLIENTS.toLocaleString("en")} clients in ${((Date.now() - t) / 1000).toFixed(1)} s`);

    t = Date.now();
    const cpu = process.cpuUsage();
    let lastPrint = 0;
    const timings = { lock: 0, numbers: 0, invoices: 0, orders: 0, mails: 0 };
    const report = await runBilling({
      date: DATE,
      chunkSize: CHUNK,
      timings,
      onProgress: (r) => {
        if (r.ordersBilled - lastPrint >= 20_000) {
          lastPrint = r.ordersBilled;
          console.log(`  … ${r.ordersBilled.toLocaleString("en")} orders billed (${((Date.now() - t) / 1000).toFixed(1)} s)`);
        }
      },
    });
    const seconds = (Date.now() - t) / 1000;
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;

    const [check] = await rawRows<{ invoices: number; numbers: number; mails: number; digests: number; due: number }>(
      db,
      sql`SELECT (SELECT count(*) FROM invoices)::int AS invoices, (SELECT count(DISTINCT number) FROM invoices)::int AS numbers,
                 (SELECT count(*) FROM notifications WHERE type = 'invoice.issued')::int AS mails,
                 (SELECT count(*) FROM notifications WHERE type = 'invoice.issued_accounting')::int AS digests,
                 (SELECT count(*) FROM orders WHERE status = 'active' AND next_due_on <= ${DATE}::date)::int AS due`,
    );
    console.log(
      `  billed ${report.ordersBilled.toLocaleString("en")} orders → ${report.invoicesIssued.toLocaleString("en")} invoices, ` +
        `${check!.mails.toLocaleString("en")} client mails and ${check!.digests} accounting mails queued, ${report.failures.length} failures, ${check!.due} still due`,
    );
    console.log(`  CPU time per step: ${Object.entries(timings).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`).join(", ")}`);
    // PGlite runs in this process: its CPU time is what the run costs on an idle machine.
    console.log(
      `✓ ${seconds.toFixed(1)} s (${Math.round(report.ordersBilled / seconds).toLocaleString("en")} orders/s, chunks of ${CHUNK}; ` +
        `CPU time of this process ${cpuSeconds.toFixed(1)} s${handle.kind === "postgres" ? ", the server's not included" : ""})`,
    );
    const ok = check!.invoices === ORDERS && check!.numbers === ORDERS && check!.mails === ORDERS && check!.digests >= 1 && check!.due === 0 && report.failures.length === 0;
    if (!ok) {
      console.error("✗ The bench's results do not add up:", check, report.failures.slice(0, 5));
      process.exitCode = 1;
    }
  } finally {
    await closeDb();
    await drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
