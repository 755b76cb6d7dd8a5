import { formatDateTime } from "@/components/ui/format";
import type { InvoiceDetail } from "@/lib/billing/queries";

const LABELS: Record<string, string> = {
  created: "Created as a draft",
  issued: "Issued",
  edited: "Edited",
  paid: "Marked paid",
  unpaid: "Marked unpaid",
  voided: "Voided",
};

/** The invoice's history (invoice_events), newest first. */
export function InvoiceHistory({ events }: { events: InvoiceDetail["events"] }) {
  if (events.length === 0) return <p className="text-sm text-slate-600">Issued by the billing job; no change since.</p>;
  return (
    <ol className="space-y-3 text-sm">
      {events.map((e) => (
        <li key={e.id} className="border-l-2 border-slate-200 pl-3">
          <p className="text-slate-900">
            <span className="font-medium">{LABELS[e.action] ?? e.action}</span>
            {e.actorName ? ` by ${e.actorName}` : ""} <span className="text-slate-500">· {formatDateTime(e.createdAt)}</span>
          </p>
          {e.action === "edited" ? (
            <p className="text-xs text-slate-600">
              {e.oldValue} → {e.newValue}
            </p>
          ) : e.newValue && e.action !== "created" ? (
            <p className="text-xs text-slate-600">{e.oldValue ? `${e.oldValue} → ` : ""}{e.newValue}</p>
          ) : null}
          {e.comment ? <p className="text-slate-700">“{e.comment}”</p> : null}
        </li>
      ))}
    </ol>
  );
}
