import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/session";
import { getChangeRequest, listRequestableOrders } from "@/lib/change-requests/queries";
import { AppError } from "@/lib/errors";
import { decodePathParam } from "@/lib/search-params";
import { ChangeForm } from "../../_components/change-form";
import { editChangeAction } from "../../actions";

export const metadata: Metadata = { title: "Edit change request" };

/** The requester edits a draft or rejected request (anything else: the rules refuse, so no page). */
export default async function EditChangePage({ params }: { params: Promise<{ number: string }> }) {
  const actor = await requireActor("ticket.create");
  const decoded = decodePathParam((await params).number);
  const c = decoded === null ? null : await getChangeRequest(actor, decoded).catch((e: unknown) => (e instanceof AppError && e.code === "not_found" ? null : Promise.reject(e)));
  if (!c || !c.allowed.includes("edit")) notFound();
  const orders = await listRequestableOrders(actor);
  const initial = {
    ticketId: c.id,
    title: c.title,
    body: c.body,
    changeType: c.changeType ?? "component_addition",
    priority: c.priority,
    orderId: c.orderId ?? "",
    scheduledFor: c.scheduledFor ? c.scheduledFor.toISOString().slice(0, 16) : "",
    estimatedMinutes: c.estimatedMinutes ?? undefined,
    implementationPlan: c.implementationPlan ?? "",
    backoutPlan: c.backoutPlan ?? "",
    items: c.items.map((i) => ({
      action: i.action,
      componentType: i.componentType,
      quantity: i.quantity,
      specifications: Object.entries(i.specifications).map(([key, value]) => ({ key, value: String(value) })),
      currentValue: i.currentValue ?? "",
      requestedValue: i.requestedValue ?? "",
    })),
  };
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title={`Edit ${c.number}`} description={c.status === "rejected" ? "Address the rejection, save, then resubmit the request from its page." : "Change the draft, then submit it from its page."} />
      <Card>
        <ChangeForm mode="edit" action={editChangeAction} orders={orders} initial={initial} />
      </Card>
    </div>
  );
}
