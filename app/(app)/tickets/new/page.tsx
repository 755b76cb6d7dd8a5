import type { Metadata } from "next";
import { NewTicketForm } from "@/components/tickets/new-ticket-form";
import { Card, PageHeader } from "@/components/ui/card";
import { uploaderConfig } from "@/lib/attachments/config";
import { requireActor } from "@/lib/auth/session";
import { listOwnOrdersForTicketForm } from "@/lib/billing/queries";
import { listDepartmentOptions, listOwnProjectOptions } from "@/lib/tickets/options";
import { createTicketAction } from "../actions";

export const metadata: Metadata = { title: "Open a ticket" };

export default async function NewTicketPage() {
  const actor = await requireActor("ticket.create");
  const [departments, orders, projects] = await Promise.all([listDepartmentOptions(), listOwnOrdersForTicketForm(actor), listOwnProjectOptions(actor)]);
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title="Open a ticket" description="Tell us what is wrong. You get a ticket number at once and an e-mail with every answer." />
      <Card>
        <NewTicketForm action={createTicketAction} uploader={uploaderConfig()} departments={departments} orders={orders} projects={projects} />
      </Card>
    </div>
  );
}
