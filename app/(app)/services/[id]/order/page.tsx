import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/session";
import { PERIOD_LABELS } from "@/lib/billing/dates";
import { formatMoney } from "@/lib/billing/money";
import { getCatalogueService } from "@/lib/billing/queries";
import { AppError } from "@/lib/errors";
import { OrderForm } from "./order-form";

export const metadata: Metadata = { title: "Order a service" };

export default async function OrderServicePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor("order.create");
  const { id } = await params;
  const service = await getCatalogueService(actor, id).catch((e: unknown) => {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  });
  return (
    <>
      <PageHeader title={`Order ${service.name}`} description={`${formatMoney(service.priceMinor, service.currency)} ${PERIOD_LABELS[service.billingPeriod].toLowerCase()}. ${service.description}`} />
      <Card>
        <OrderForm serviceId={service.id} />
      </Card>
    </>
  );
}
