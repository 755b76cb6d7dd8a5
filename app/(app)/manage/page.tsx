import type { Metadata } from "next";
import { StatGrid, StatTile } from "@/components/stats/stat-tile";
import { formatCount, formatDuration } from "@/components/stats/format";
import { PageHeader } from "@/components/ui/card";
import { LinkCard, LinkGrid } from "@/components/ui/link-card";
import { can } from "@/lib/auth/actor";
import { requireActor } from "@/lib/auth/session";
import { now as clockNow } from "@/lib/clock";
import { getDashboardCounts } from "@/lib/tickets/dashboard";
import { ChangeMetricsPanel } from "./_components/change-metrics-panel";

export const metadata: Metadata = { title: "Manager dashboard" };

export default async function ManagePage() {
  const actor = await requireActor("stats.view");
  const at = clockNow();
  const c = await getDashboardCounts(actor, { now: at });
  const waitingFor = c.oldestUnassignedAt ? formatDuration((at.getTime() - c.oldestUnassignedAt.getTime()) / 1000) : null;
  const all = can(actor, "ticket.view_all");
  const list = (query: string) => (all ? `/tickets?${query}` : undefined);
  return (
    <>
      <PageHeader title="Manager dashboard" description="Steer the desk: workload, priorities, approvals and statistics." />
      <section aria-labelledby="now-heading" className="mb-8">
        <h2 id="now-heading" className="mb-3 text-base font-semibold text-slate-900">
          Right now
        </h2>
        <StatGrid>
          <StatTile label="Open, unassigned" value={formatCount(c.unassigned)} hint={waitingFor ? `Oldest waits ${waitingFor}` : "Nobody is waiting"} href={list("status=open&assigneeId=none")} />
          <StatTile label="In progress" value={formatCount(c.inProgress)} href={list("status=in_progress")} />
          <StatTile label="Waiting for customer" value={formatCount(c.waiting)} href={list("status=waiting_for_customer")} />
          <StatTile label="Escalated" value={formatCount(c.escalated)} hint="Active, second line" />
          <StatTile label="All active" value={formatCount(c.active)} href={list("status=active")} />
          <StatTile label="High or critical" value={formatCount(c.urgent)} hint="Active" />
          <StatTile label="Closed today" value={formatCount(c.closedToday)} hint="Closed or won't fix, UTC day" />
        </StatGrid>
      </section>
      <ChangeMetricsPanel actor={actor} now={at} />
      <LinkGrid>
        <LinkCard href="/tickets" title="All tickets">
          Reassign, prioritise, mark won&apos;t fix, and de-assign all at the end of the day.
        </LinkCard>
        <LinkCard href="/manage/stats" title="Statistics">
          Per agent: open, closed, reopened; response times; opened vs closed per day.
        </LinkCard>
        <LinkCard href="/changes/calendar" title="Change calendar">
          Approved and in-progress changes by their scheduled window, week or month, per service.
        </LinkCard>
        {can(actor, "agent.manage") ? (
          <LinkCard href="/manage/agents" title="Agents">
            Invite agents, change their tier and departments, deactivate.
          </LinkCard>
        ) : null}
      </LinkGrid>
    </>
  );
}
