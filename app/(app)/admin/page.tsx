import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { LinkCard, LinkGrid } from "@/components/ui/link-card";
import { requireActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Administration" };

export default async function AdminPage() {
  await requireActor("user.manage");
  return (
    <>
      <PageHeader title="Administration" description="Everything about this installation." />
      <LinkGrid>
        <LinkCard href="/admin/tickets" title="Tickets">
          Create tickets for clients, edit, assign and delete.
        </LinkCard>
        <LinkCard href="/admin/services" title="Services">
          The catalogue clients order from.
        </LinkCard>
        <LinkCard href="/admin/orders" title="Orders">
          Activate, suspend and cancel service instances.
        </LinkCard>
        <LinkCard href="/admin/invoices" title="Invoices">
          Issue, edit and void invoices; run billing.
        </LinkCard>
        <LinkCard href="/admin/mailbox" title="Mailbox">
          Every e-mail the app produced, when no mail provider is configured.
        </LinkCard>
      </LinkGrid>
    </>
  );
}
