/**
 * On a long-running Node server (npm start, containers), deliver the outbox every minute, so mail
 * that failed is retried without an external cron. Serverless hosts use the cron route instead.
 * Safe on many instances: the sender claims rows with FOR UPDATE SKIP LOCKED.
 * On the embedded database, also refresh the planner's statistics hourly and vacuum daily (PGlite
 * has no autovacuum).
 */
const HOUR_MS = 3_600_000;

export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  if (!env.databaseUrl) {
    const { maintainEmbeddedDatabase } = await import("@/db/maintenance");
    let runs = 0;
    const upkeep = setInterval(() => {
      runs++;
      maintainEmbeddedDatabase({ vacuum: runs % 24 === 0 }).catch((error) => console.error("[db] embedded upkeep failed", error));
    }, HOUR_MS);
    upkeep.unref();
  }
  if (env.outboxIntervalSeconds <= 0) return;
  const { drainOutbox } = await import("@/lib/mail/sender");
  const timer = setInterval(() => {
    drainOutbox({ maxBatches: 5 }).catch((error) => console.error("[outbox] periodic delivery failed", error));
  }, env.outboxIntervalSeconds * 1000);
  timer.unref();
}
