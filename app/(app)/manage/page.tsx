import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { LinkCard, LinkGrid } from "@/components/ui/link-card";
import { requireActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Manager dashboard" };

export default async function ManagePage() {
  await requireActor("stats.view");
  return (
    <>
      <PageHeader title="Manager dashboard" description="Steer the desk: workload, priorities, approvals and statistics." />
      <LinkGrid>
        <LinkCard href="/tickets" title="All tickets">
          Reassign, prioritise, mark won&apos;t fix.
        </LinkCard>
        <LinkCard href="/manage/stats" title="Statistics">
          Per agent: open, closed, reopened; response times.
        </LinkCard>
        <LinkCard href="/manage/agents" title="Agents">
          Invite agents and change their tier.
        </LinkCard>
      </LinkGrid>
    </>
  );
}
