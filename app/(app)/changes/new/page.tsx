import type { Metadata } from "next";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/session";
import { listRequestableOrders } from "@/lib/change-requests/queries";
import { ChangeForm } from "../_components/change-form";
import { createChangeAction } from "../actions";

export const metadata: Metadata = { title: "Request a change" };

export default async function NewChangePage() {
  const actor = await requireActor("ticket.create");
  const orders = await listRequestableOrders(actor);
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title="Request a change" description="Additions, removals, replacements or configuration changes to one of your services. An approver reviews it before a technician deploys it." />
      {orders.length === 0 ? (
        <EmptyState title="No active service">Changes can be requested on active services only.</EmptyState>
      ) : (
        <Card>
          <ChangeForm mode="create" action={createChangeAction} orders={orders} />
        </Card>
      )}
    </div>
  );
}
