import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { LinkCard, LinkGrid } from "@/components/ui/link-card";
import { requireActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Agent desk" };

export default async function DeskPage() {
  const actor = await requireActor("ticket.view_assigned");
  const secondLine = actor.permissions.has("ticket.view_escalated") && !actor.permissions.has("ticket.view_queue");
  return (
    <>
      <PageHeader
        title="Agent desk"
        description={secondLine ? "Second line: escalated tickets waiting for you." : "First line: open tickets waiting for an agent."}
      />
      <LinkGrid>
        <LinkCard href="/desk?scope=mine" title="My tickets">
          Tickets assigned to you.
        </LinkCard>
        <LinkCard href="/desk?scope=queue" title={secondLine ? "Second-line queue" : "First-line queue"}>
          Take the next ticket, most urgent first.
        </LinkCard>
      </LinkGrid>
    </>
  );
}
