import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { LinkCard, LinkGrid } from "@/components/ui/link-card";
import { requireActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Your portal" };

export default async function PortalPage() {
  const actor = await requireActor("ticket.view_own");
  return (
    <>
      <PageHeader title="Your portal" description={`Hello ${actor.name}. Get help, follow your requests and manage your services.`} />
      <LinkGrid>
        <LinkCard href="/tickets/new" title="Open a ticket">
          Describe a problem or ask a question; you get a ticket number at once.
        </LinkCard>
        <LinkCard href="/tickets" title="My tickets">
          Follow the answers to your requests and reply to them.
        </LinkCard>
        <LinkCard href="/services" title="Services">
          Browse the catalogue and order a service.
        </LinkCard>
        <LinkCard href="/orders" title="My orders">
          Your services, their status and next due date.
        </LinkCard>
        <LinkCard href="/invoices" title="My invoices">
          See and download your invoices.
        </LinkCard>
      </LinkGrid>
    </>
  );
}
