import { assertCan, type Actor } from "@/lib/auth/actor";
import { parseInput } from "@/lib/input";
import { runBilling, type BillingReport } from "./run";
import { runBillingSchema } from "./schemas";

/**
 * An admin runs the billing job for a chosen date (the "Run billing for date" form): the same job
 * as the cron route, so running it for a day the cron already did bills nothing twice.
 */
export async function runBillingAs(actor: Actor, input: unknown): Promise<BillingReport> {
  assertCan(actor, "invoice.manage");
  const { date } = parseInput(runBillingSchema, input);
  return runBilling({ date });
}
