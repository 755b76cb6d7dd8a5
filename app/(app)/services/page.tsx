import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button";
import { requireActor } from "@/lib/auth/session";
import { PERIOD_LABELS } from "@/lib/billing/dates";
import { formatMoney } from "@/lib/billing/money";
import { listCatalogue } from "@/lib/billing/queries";

export const metadata: Metadata = { title: "Services" };

export default async function ServicesPage() {
  const actor = await requireActor("order.create");
  const services = await listCatalogue(actor);
  return (
    <>
      <PageHeader title="Services" description="Order a service: our team deploys it and lets you know when it is active. Billing starts on activation." />
      {services.length === 0 ? (
        <EmptyState title="No services to order right now">Check back later, or open a ticket to ask us.</EmptyState>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {services.map((s) => (
            <li key={s.id} className="flex flex-col rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
              <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">{s.type}</p>
              <h2 className="mt-1 font-semibold text-slate-900">{s.name}</h2>
              <p className="mt-2 flex-1 text-sm text-slate-600">{s.description}</p>
              <p className="mt-4 text-lg font-semibold text-slate-900">
                {formatMoney(s.priceMinor, s.currency)} <span className="text-sm font-normal text-slate-500">{PERIOD_LABELS[s.billingPeriod].toLowerCase()}</span>
              </p>
              <Link href={`/services/${s.id}/order`} className={buttonClass("primary", "mt-3")} aria-label={`Order ${s.name}`}>
                Order
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
