import type { Metadata } from "next";
import { AgentStatsTable } from "@/components/stats/agent-stats-table";
import { formatCount, formatDuration } from "@/components/stats/format";
import { OpenedClosedChart } from "@/components/stats/opened-closed-chart";
import { StatGrid, StatTile } from "@/components/stats/stat-tile";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/session";
import { getDeskStats } from "@/lib/tickets/queries";

export const metadata: Metadata = { title: "Statistics" };

export default async function StatsPage() {
  const actor = await requireActor("stats.view");
  const stats = await getDeskStats(actor);
  const { desk } = stats;
  return (
    <>
      <PageHeader title="Statistics" description="How the help desk is doing: support tickets only, times from the client's request." />
      <section aria-labelledby="desk-heading" className="mb-8">
        <h2 id="desk-heading" className="sr-only">The whole desk</h2>
        <StatGrid>
          <StatTile label="Active tickets" value={formatCount(desk.open)} hint="Open, in progress or waiting" />
          <StatTile label="Unassigned" value={formatCount(desk.unassigned)} hint="Open with nobody on it" />
          <StatTile label="First response" value={formatDuration(desk.firstResponse.median)} hint={`Median · p90 ${formatDuration(desk.firstResponse.p90)}`} />
          <StatTile label="Request → close" value={formatDuration(desk.resolution.median)} hint={`Median · p90 ${formatDuration(desk.resolution.p90)}`} />
        </StatGrid>
      </section>

      <div className="space-y-8">
        <Card title="Per agent" description="Open: assigned now. Closed and reopened: tickets the agent closed, and how many of those the client reopened afterwards. Times: tickets the agent holds.">
          {stats.agents.length === 0 ? <EmptyState title="No agents yet">Invite agents on the Agents page.</EmptyState> : <AgentStatsTable agents={stats.agents} />}
        </Card>
        <Card title="Opened vs closed" description="The last 30 days, per day.">
          <OpenedClosedChart data={stats.daily} />
        </Card>
      </div>
    </>
  );
}
