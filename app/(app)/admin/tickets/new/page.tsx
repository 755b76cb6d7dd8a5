import type { Metadata } from "next";
import Link from "next/link";
import { NewTicketForm } from "@/components/admin/new-ticket-form";
import { Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/session";
import { listDepartmentOptions } from "@/lib/tickets/options";
import { searchClients } from "@/lib/users/queries";
import { createTicketForClientAction, searchClientsAction } from "../actions";

export const metadata: Metadata = { title: "New ticket for a client" };

export default async function NewTicketForClientPage() {
  const actor = await requireActor("ticket.manage");
  const [clients, departments] = await Promise.all([searchClients(actor, { q: "" }), listDepartmentOptions()]);
  return (
    <>
      <PageHeader
        title="New ticket for a client"
        description="Open a support ticket on a client's behalf, for example after a phone call. The client gets the usual confirmation e-mail."
        actions={
          <Link href="/admin/tickets" className="text-sm font-medium text-brand-600 hover:underline">
            ← All tickets
          </Link>
        }
      />
      <div className="max-w-2xl">
        <Card>
          <NewTicketForm clients={clients} departments={departments} searchClients={searchClientsAction} action={createTicketForClientAction} />
        </Card>
      </div>
    </>
  );
}
