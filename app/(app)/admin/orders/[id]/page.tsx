import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionButton } from "@/components/billing/action-button";
import { OrderHistory } from "@/components/billing/change-history";
import { OrderInvoices, OrderSummary } from "@/components/billing/order-summary";
import { Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/session";
import { today } from "@/lib/billing/invoice-issue";
import { minorToDecimal } from "@/lib/billing/money";
import { getOrder } from "@/lib/billing/queries";
import { AppError } from "@/lib/errors";
import { cancelOrderAction, resumeOrderAction, suspendOrderAction } from "../actions";
import { ActivateOrderForm, EditOrderForm } from "./order-forms";

export const metadata: Metadata = { title: "Order" };

export default async function AdminOrderPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor("order.manage");
  const { id } = await params;
  const order = await getOrder(actor, id).catch((e: unknown) => {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  });
  const input = { orderId: order.id };
  return (
    <>
      <PageHeader title={order.instanceName} description={<Link href="/admin/orders" className="text-brand-600 hover:underline">← Orders</Link>} />
      <div className="grid gap-6 lg:grid-cols-2">
        <div className="space-y-6">
          <Card title="Order">
            <OrderSummary order={order} staff />
          </Card>
          {order.managementNotes ? (
            <Card title="Management notes">
              <p className="text-sm whitespace-pre-wrap text-slate-700">{order.managementNotes}</p>
            </Card>
          ) : null}
          <Card title="Invoices">
            <OrderInvoices invoices={order.invoices} />
          </Card>
          <Card title="History" description="Every change to this order: who, when, and what changed. The billing run's due dates show as invoices.">
            <OrderHistory records={order.history} currency={order.currency} />
          </Card>
        </div>
        <div className="space-y-6">
          {order.status === "pending" ? (
            <Card title="Activate" description="After deploying it by hand: the first due date starts billing (and fixes the day of the month it bills on).">
              <ActivateOrderForm orderId={order.id} today={today()} />
            </Card>
          ) : null}
          {order.status !== "cancelled" ? (
            <Card title="Status">
              <div className="flex flex-wrap gap-3">
                {order.status === "active" ? <ActionButton action={suspendOrderAction} input={input} label="Suspend" confirm="Suspend this order? It is not billed while suspended." /> : null}
                {order.status === "suspended" ? <ActionButton action={resumeOrderAction} input={input} label="Resume" /> : null}
                <ActionButton action={cancelOrderAction} input={input} label="Cancel order" variant="danger" confirm="Cancel this order for good? Billing stops." />
              </div>
            </Card>
          ) : null}
          <Card title="Edit">
            <EditOrderForm
              values={{
                orderId: order.id,
                instanceName: order.instanceName,
                priceOverride: order.priceOverrideMinor === null ? "" : minorToDecimal(order.priceOverrideMinor, order.currency),
                comments: order.comments,
                nextDueOn: order.status === "active" || order.status === "suspended" ? (order.nextDueOn ?? "") : "",
              }}
              servicePrice={`${minorToDecimal(order.servicePriceMinor, order.currency)} ${order.currency}`}
              canMoveDueDate={order.status === "active" || order.status === "suspended"}
            />
          </Card>
        </div>
      </div>
    </>
  );
}
