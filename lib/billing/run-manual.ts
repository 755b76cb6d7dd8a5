import { assertCan, type Actor } from "@/lib/auth/actor";
import { parseInput } from "@/lib/input";
import { runBilling, type BillingReport } from "./run";
import { runBillingSchema } from "./schemas";

/**
 * An admin runs the billing job for a chosen date (the "Run billing for date" form): the same job
 * as the cron route, so running it for a day the cron already did bills nothing twice. `summary` is
 * what the admin reads: counts, and one line per failed order that names it (the cause is logged).
 */
export async function runBillingAs(actor: Actor, input: unknown): Promise<BillingReport & { summary: string }> {
  assertCan(actor, "invoice.manage");
  const { date } = parseInput(runBillingSchema, input);
  const report = await runBilling({ date });
  return { ...report, summary: billingSummary(report) };
}

const count = (n: number, what: string) => `${n} ${what}${n === 1 ? "" : "s"}`;

export function billingSummary(r: BillingReport): string {
  const done = `Billing for ${r.date}: ${count(r.invoicesIssued, "invoice")} issued for ${count(r.ordersBilled, "order")}.`;
  return [done, ...r.failures.map((f) => f.message)].join(" ");
}
