/**
 * `npm run mail:send`: delivers every due outbox e-mail once (retries included) and exits.
 * For a system cron on a self-hosted server that does not run the periodic sender.
 */
import { closeDb } from "@/db";
import { drainOutbox } from "@/lib/mail/sender";

drainOutbox({ maxBatches: 100 })
  .then(async (report) => {
    console.log(`outbox: ${report.sent} sent, ${report.retrying} to retry, ${report.failed} failed (${report.claimed} claimed)`);
    await closeDb();
  })
  .catch(async (error) => {
    console.error(error instanceof Error ? error.message : error);
    await closeDb().catch(() => {});
    process.exit(1);
  });
