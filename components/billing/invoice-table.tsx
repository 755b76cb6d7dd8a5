import Link from "next/link";
import type { ReactNode } from "react";
import { formatMoney } from "@/lib/billing/money";
import type { InvoiceRow, InvoiceTotals } from "@/lib/billing/queries";
import { InvoiceStatusBadge } from "./status-badge";

const th = "px-4 py-2 font-medium";
const td = "px-4 py-2 align-top";

/** Invoices as a table; staff see the client column, an optional last column holds row actions. */
export function InvoiceTable({ rows, showClient, actions }: { rows: InvoiceRow[]; showClient?: boolean; actions?: (row: InvoiceRow) => ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <thead className="bg-slate-50 text-xs tracking-wide text-slate-500 uppercase">
          <tr>
            <th scope="col" className={th}>Invoice</th>
            {showClient ? <th scope="col" className={th}>Client</th> : null}
            <th scope="col" className={th}>Description</th>
            <th scope="col" className={th}>Issued</th>
            <th scope="col" className={th}>Due</th>
            <th scope="col" className={`${th} text-right`}>Amount</th>
            <th scope="col" className={th}>Status</th>
            <th scope="col" className={th}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.id}>
              <td className={`${td} whitespace-nowrap`}>
                <Link href={`/invoices/${r.id}`} className="font-medium text-brand-600 hover:underline">
                  {r.number ?? "Draft"}
                </Link>
              </td>
              {showClient ? (
                <td className={td}>
                  <div className="text-slate-900">{r.clientName}</div>
                  <div className="text-xs text-slate-500">{r.clientEmail}</div>
                </td>
              ) : null}
              <td className={td}>
                <div className="text-slate-800">{r.description}</div>
                {r.periodStart ? <div className="text-xs text-slate-500">{r.periodEnd ? `${r.periodStart} – ${r.periodEnd}` : `one-time, ${r.periodStart}`}</div> : null}
              </td>
              <td className={`${td} whitespace-nowrap text-slate-600`}>{r.issuedOn ?? "—"}</td>
              <td className={`${td} whitespace-nowrap text-slate-600`}>{r.dueOn ?? "—"}</td>
              <td className={`${td} text-right whitespace-nowrap tabular-nums`}>{formatMoney(r.amountMinor, r.currency)}</td>
              <td className={td}>
                <InvoiceStatusBadge status={r.status} overdue={r.overdue} />
              </td>
              <td className={`${td} whitespace-nowrap`}>
                <div className="flex items-center gap-2">
                  {r.status !== "draft" ? (
                    <a href={`/api/invoices/${r.id}/pdf`} className="text-sm font-medium text-brand-600 hover:underline" aria-label={`Download ${r.number} as PDF`}>
                      PDF
                    </a>
                  ) : null}
                  {actions?.(r)}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function InvoiceTotalsBar({ totals }: { totals: InvoiceTotals }) {
  if (totals.length === 0) return null;
  return (
    <dl className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-4" aria-label="Totals of the filtered invoices">
      {totals.map((t) => (
        <div key={t.currency} className="contents">
          <Stat label={`Invoiced (${t.count} ${t.count === 1 ? "invoice" : "invoices"})`} value={formatMoney(t.invoicedMinor, t.currency)} />
          <Stat label="Paid" value={formatMoney(t.paidMinor, t.currency)} />
          <Stat label="Unpaid" value={formatMoney(t.unpaidMinor, t.currency)} />
          <Stat label="Overdue" value={formatMoney(t.overdueMinor, t.currency)} tone={t.overdueMinor > 0 ? "text-red-700" : undefined} />
        </div>
      ))}
    </dl>
  );
}

function Stat({ label, value, tone }: { label: string; value: string; tone?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-4 py-3">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className={`text-lg font-semibold tabular-nums ${tone ?? "text-slate-900"}`}>{value}</dd>
    </div>
  );
}
