/**
 * On a long-running Node server (npm start, containers), deliver the outbox every minute, so mail
 * that failed is retried without an external cron. Serverless hosts use the cron route instead.
 * Safe on many instances: the sender claims rows with FOR UPDATE SKIP LOCKED.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  if (env.outboxIntervalSeconds <= 0) return;
  const { drainOutbox } = await import("@/lib/mail/sender");
  const timer = setInterval(() => {
    drainOutbox({ maxBatches: 5 }).catch((error) => console.error("[outbox] periodic delivery failed", error));
  }, env.outboxIntervalSeconds * 1000);
  timer.unref();
}
