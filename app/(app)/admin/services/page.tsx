import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/session";
import { PERIOD_LABELS } from "@/lib/billing/dates";
import { formatMoney } from "@/lib/billing/money";
import { listServices } from "@/lib/billing/queries";

export const metadata: Metadata = { title: "Services" };

export default async function AdminServicesPage() {
  const actor = await requireActor("service.manage");
  const services = await listServices(actor);
  return (
    <>
      <PageHeader title="Services" description="The catalogue clients order from." actions={<Link href="/admin/services/new" className={buttonClass("primary")}>New service</Link>} />
      {services.length === 0 ? (
        <EmptyState title="The catalogue is empty">Create the first service clients can order.</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-xs tracking-wide text-slate-500 uppercase">
              <tr>
                <th scope="col" className="px-4 py-2">Name</th>
                <th scope="col" className="px-4 py-2">Type</th>
                <th scope="col" className="px-4 py-2">Billing</th>
                <th scope="col" className="px-4 py-2 text-right">Price</th>
                <th scope="col" className="px-4 py-2 text-right">Orders</th>
                <th scope="col" className="px-4 py-2">Status</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {services.map((s) => (
                <tr key={s.id}>
                  <td className="px-4 py-2">
                    <Link href={`/admin/services/${s.id}`} className="font-medium text-brand-600 hover:underline">{s.name}</Link>
                  </td>
                  <td className="px-4 py-2 text-slate-700">{s.type}</td>
                  <td className="px-4 py-2 text-slate-700">{PERIOD_LABELS[s.billingPeriod]}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{formatMoney(s.priceMinor, s.currency)}</td>
                  <td className="px-4 py-2 text-right tabular-nums">{s.orderCount}</td>
                  <td className="px-4 py-2">{s.active ? <Badge tone="green">active</Badge> : <Badge>inactive</Badge>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
