import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OrderSummary, OrderInvoices } from "@/components/billing/order-summary";
import { Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/session";
import { getOrder } from "@/lib/billing/queries";
import { AppError } from "@/lib/errors";

export const metadata: Metadata = { title: "Order" };

export default async function MyOrderPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ placed?: string }> }) {
  const actor = await requireActor("order.view_own");
  const [{ id }, { placed }] = await Promise.all([params, searchParams]);
  const order = await getOrder(actor, id).catch((e: unknown) => {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  });
  // A client's page shows their own orders only (admins use /admin/orders).
  if (order.clientId !== actor.id) notFound();
  return (
    <>
      <PageHeader title={order.instanceName} description={<Link href="/orders" className="text-brand-600 hover:underline">← My orders</Link>} />
      {placed ? (
        <p role="status" className="mb-4 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-emerald-200">
          Thank you: your order is placed. We deploy it and tell you by e-mail when it is active.
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Order">
          <OrderSummary order={order} />
        </Card>
        <Card title="Invoices">
          <OrderInvoices invoices={order.invoices} />
        </Card>
      </div>
    </>
  );
}
