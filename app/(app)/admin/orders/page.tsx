import type { Metadata } from "next";
import Link from "next/link";
import { NextPage } from "@/components/billing/pager";
import { OrderStatusBadge } from "@/components/billing/status-badge";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import { requireActor } from "@/lib/auth/session";
import { formatMoney } from "@/lib/billing/money";
import { listOrders, orderListParams, ORDER_STATUSES } from "@/lib/billing/queries";
import { readSearchParams, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Orders" };

export default async function AdminOrdersPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor("order.manage");
  const { status, client, cursor } = readSearchParams(await searchParams, orderListParams);
  const { rows, nextCursor } = await listOrders(actor, { status, client, cursor });
  const params = new URLSearchParams({ ...(status ? { status } : {}), ...(client ? { client } : {}) });
  return (
    <>
      <PageHeader title="Orders" description="Pending orders wait for a manual deployment; activate them to start billing." />
      <form method="get" role="search" aria-label="Filter orders" className="mb-4 flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="o-status" className="text-xs font-medium text-slate-600">Status</label>
          <select id="o-status" name="status" defaultValue={status ?? ""} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm">
            <option value="">Any</option>
            {ORDER_STATUSES.map((s) => (
              <option key={s} value={s}>{s}</option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="o-client" className="text-xs font-medium text-slate-600">Client</label>
          <input id="o-client" name="client" defaultValue={client ?? ""} placeholder="Name or e-mail" className="w-56 rounded-md border border-slate-300 px-3 py-1.5 text-sm" />
        </div>
        <button className="rounded-md bg-white px-3 py-1.5 text-sm font-medium ring-1 ring-slate-300 hover:bg-slate-50">Filter</button>
      </form>
      {rows.length === 0 ? (
        <EmptyState title="No order matches" />
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-xs tracking-wide text-slate-500 uppercase">
              <tr>
                <th scope="col" className="px-4 py-2">Instance</th>
                <th scope="col" className="px-4 py-2">Client</th>
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
                    <Link href={`/admin/orders/${o.id}`} className="font-medium text-brand-600 hover:underline">{o.instanceName}</Link>
                  </td>
                  <td className="px-4 py-2">
                    <div>{o.clientName}</div>
                    <div className="text-xs text-slate-500">{o.clientEmail}</div>
                  </td>
                  <td className="px-4 py-2 text-slate-700">{o.serviceName}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{formatMoney(o.priceMinor, o.currency)}</td>
                  <td className="px-4 py-2"><OrderStatusBadge status={o.status} /></td>
                  <td className="px-4 py-2 whitespace-nowrap text-slate-600">{o.nextDueOn ?? "—"}</td>
                  <td className="px-4 py-2 whitespace-nowrap text-slate-500">{formatDateTime(o.orderedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <NextPage path="/admin/orders" params={params} cursor={nextCursor} />
    </>
  );
}
