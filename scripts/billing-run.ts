/**
 * The daily billing job as a command (the cron route runs the same function):
 *
 *   npm run billing:run                     # bills what is due today (UTC)
 *   npm run billing:run -- --date 2025-03-01
 *
 * Exits non-zero when an order failed (the others are billed; the failures are listed).
 */
import { closeDb } from "@/db";
import { runBilling } from "@/lib/billing/run";
import { isValidIsoDate, utcDate } from "@/lib/billing/dates";
import { now } from "@/lib/clock";
import { drainOutbox } from "@/lib/mail/sender";

async function main() {
  const i = process.argv.indexOf("--date");
  const date = i > 0 ? process.argv[i + 1] ?? "" : utcDate(now());
  if (!isValidIsoDate(date)) {
    console.error(`--date needs a date like 2025-03-01 (got "${date}").`);
    process.exitCode = 2;
    return;
  }
  const report = await runBilling({ date });
  const n = (count: number, what: string) => `${count} ${what}${count === 1 ? "" : "s"}`;
  console.log(
    `Billing for ${report.date}: ${n(report.ordersBilled, "order")} billed, ${n(report.invoicesIssued, "invoice")} issued, ` +
      `${report.failures.length} failed (${(report.ms / 1000).toFixed(1)} s).`,
  );
  // Each failure's cause was logged above by the run, with the order and the date.
  for (const f of report.failures) console.error(`  ✗ ${f.orderId}: ${f.message}`);
  if (report.failures.length) process.exitCode = 1;
  // Deliver what the run queued (the outbox cron would too).
  await drainOutbox({ maxBatches: 20 });
}

main()
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => closeDb());
