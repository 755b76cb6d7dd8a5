import Link from "next/link";
import { formatDateTime } from "@/components/ui/format";
import { PERIOD_LABELS } from "@/lib/billing/dates";
import { formatMoney } from "@/lib/billing/money";
import type { OrderDetail } from "@/lib/billing/queries";
import { InvoiceStatusBadge, OrderStatusBadge } from "./status-badge";

/** An order's facts as a definition list (client and admin pages). */
export function OrderSummary({ order, staff }: { order: OrderDetail; staff?: boolean }) {
  const rows: [string, React.ReactNode][] = [
    ["Service", order.serviceName],
    ["Status", <OrderStatusBadge key="s" status={order.status} />],
    ["Price", `${formatMoney(order.priceMinor, order.currency)} ${PERIOD_LABELS[order.billingPeriod].toLowerCase()}${order.priceOverrideMinor !== null ? " (specific price)" : ""}`],
    ["Next due", order.status === "active" || order.status === "suspended" ? (order.nextDueOn ?? "— (billed once)") : "—"],
    ["Ordered", formatDateTime(order.orderedAt)],
    ["Activated", formatDateTime(order.activatedAt)],
    ["Comments", order.comments || "—"],
  ];
  if (staff) rows.splice(0, 0, ["Client", `${order.clientName} <${order.clientEmail}>`]);
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
      {rows.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-slate-500">{k}</dt>
          <dd className="whitespace-pre-wrap text-slate-900">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

export function OrderInvoices({ invoices }: { invoices: OrderDetail["invoices"] }) {
  if (invoices.length === 0) return <p className="text-sm text-slate-600">No invoices yet.</p>;
  return (
    <ul className="divide-y divide-slate-100 text-sm">
      {invoices.map((i) => (
        <li key={i.id} className="flex items-center justify-between gap-3 py-2">
          <Link href={`/invoices/${i.id}`} className="font-medium text-brand-600 hover:underline">
            {i.number ?? "Draft"}
          </Link>
          <span className="text-slate-500">{i.periodStart ? `${i.periodStart}${i.periodEnd ? ` – ${i.periodEnd}` : ""}` : ""}</span>
          <span className="tabular-nums">{formatMoney(i.amountMinor, i.currency)}</span>
          <InvoiceStatusBadge status={i.status} />
        </li>
      ))}
    </ul>
  );
}
