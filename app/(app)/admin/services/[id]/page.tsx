import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionButton } from "@/components/billing/action-button";
import { ServiceHistory } from "@/components/billing/change-history";
import { Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/session";
import { minorToDecimal } from "@/lib/billing/money";
import { getService } from "@/lib/billing/queries";
import { AppError } from "@/lib/errors";
import { deleteServiceAction } from "../actions";
import { ServiceForm } from "../service-form";

export const metadata: Metadata = { title: "Edit service" };

export default async function EditServicePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor("service.manage");
  const { id } = await params;
  const s = await getService(actor, id).catch((e: unknown) => {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  });
  return (
    <>
      <PageHeader title={s.name} description={<Link href="/admin/services" className="text-brand-600 hover:underline">← Services</Link>} />
      <div className="space-y-6">
        <Card>
          <ServiceForm
            serviceId={s.id}
            initial={{
              name: s.name,
              type: s.type,
              billingPeriod: s.billingPeriod,
              price: minorToDecimal(s.priceMinor, s.currency),
              currency: s.currency,
              description: s.description,
              managementNotes: s.managementNotes,
              active: s.active,
            }}
          />
        </Card>
        <Card title="History" description="Every change to this service: who, when, and what changed.">
          <ServiceHistory records={s.history} currency={s.currency} />
        </Card>
        <Card title="Delete" description="Only a service nobody ordered can be deleted; deactivate the others.">
          <ActionButton action={deleteServiceAction} input={{ serviceId: s.id }} label="Delete service" variant="danger" confirm={`Delete ${s.name}?`} />
        </Card>
      </div>
    </>
  );
}
