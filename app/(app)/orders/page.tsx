import type { Metadata } from "next";
import Link from "next/link";
import { NextPage } from "@/components/billing/pager";
import { OrderStatusBadge } from "@/components/billing/status-badge";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { formatDateTime } from "@/components/ui/format";
import { can } from "@/lib/auth/actor";
import { requireActor } from "@/lib/auth/session";
import { PERIOD_LABELS } from "@/lib/billing/dates";
import { formatMoney } from "@/lib/billing/money";
import { listOrders, orderListParams } from "@/lib/billing/queries";
import { readSearchParams, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "My orders" };

export default async function MyOrdersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor("order.view_own");
  const { cursor } = readSearchParams(await searchParams, { cursor: orderListParams.cursor });
  const { rows, nextCursor } = await listOrders(actor, { mine: true, cursor });
  return (
    <>
      <PageHeader
        title="My orders"
        description="Your services, their status and when the next invoice is due."
        actions={can(actor, "order.create") ? <Link href="/services" className={buttonClass("primary")}>Order a service</Link> : null}
      />
      {rows.length === 0 ? (
        <EmptyState title="No orders yet">
          <Link href="/services" className="text-brand-600 hover:underline">Browse the services</Link> to order one.
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-xs tracking-wide text-slate-500 uppercase">
              <tr>
                <th scope="col" className="px-4 py-2">Instance</th>
                <th scope="col" className="px-4 py-2">Service</th>
                <th scope="col" className="px-4 py-2 text-right">Price</th>
                <th scope="col" className="px-4 py-2">Status</th>
                <th scope="col" className="px-4 py-2">Next due</th>
                <th scope="col" className="px-4 py-2">Ordered</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((o) => (
                <tr key={o.id}>
                  <td className="px-4 py-2">
                    <Link href={`/orders/${o.id}`} className="font-medium text-brand-600 hover:underline">{o.instanceName}</Link>
                  </td>
                  <td className="px-4 py-2 text-slate-700">{o.serviceName}</td>
                  <td className="px-4 py-2 text-right whitespace-nowrap tabular-nums">
                    {formatMoney(o.priceMinor, o.currency)} <span className="text-xs text-slate-500">{PERIOD_LABELS[o.billingPeriod].toLowerCase()}</span>
                  </td>
                  <td className="px-4 py-2"><OrderStatusBadge status={o.status} /></td>
                  <td className="px-4 py-2 whitespace-nowrap text-slate-600">{o.status === "active" ? (o.nextDueOn ?? "—") : "—"}</td>
                  <td className="px-4 py-2 whitespace-nowrap text-slate-500">{formatDateTime(o.orderedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <NextPage path="/orders" params={new URLSearchParams()} cursor={nextCursor} />
    </>
  );
}
