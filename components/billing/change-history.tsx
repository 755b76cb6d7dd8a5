import { AuditHistory, type AuditField } from "@/components/audit/audit-history";
import type { AuditRecord } from "@/lib/audit/queries";
import { PERIOD_LABELS, type BillingPeriod } from "@/lib/billing/dates";
import { formatMoney } from "@/lib/billing/money";

/** The history cards of the admin order and service pages (audit log records). */

/** Minor units in the currency stored beside them (the entity's current one for older records). */
const money =
  (fallbackCurrency: string, none: string): AuditField["format"] =>
  (value, side) =>
    typeof value === "number" ? formatMoney(value, String(side("currency") ?? fallbackCurrency)) : none;

export function OrderHistory({ records, currency }: { records: AuditRecord[]; currency: string }) {
  return (
    <AuditHistory
      records={records}
      empty="No changes recorded yet."
      actions={{ created: "Ordered", updated: "Edited", activated: "Activated", suspended: "Suspended", resumed: "Resumed", cancelled: "Cancelled" }}
      fields={{
        status: { label: "Status" },
        instanceName: { label: "Instance" },
        priceOverrideMinor: { label: "Specific price", format: money(currency, "the service's price") },
        nextDueOn: { label: "Next due" },
        comments: { label: "Comments" },
      }}
    />
  );
}

export function ServiceHistory({ records, currency }: { records: AuditRecord[]; currency: string }) {
  return (
    <AuditHistory
      records={records}
      empty="No changes recorded yet."
      actions={{ created: "Created", updated: "Edited", deleted: "Deleted" }}
      fields={{
        name: { label: "Name" },
        type: { label: "Type" },
        billingPeriod: { label: "Billing period", format: (v) => PERIOD_LABELS[v as BillingPeriod] ?? String(v) },
        priceMinor: { label: "Price", format: money(currency, "—") },
        currency: { label: "Currency" },
        active: { label: "Active" },
        description: { label: "Description" },
        managementNotes: { label: "Management notes" },
      }}
    />
  );
}
