import { StatGrid, StatTile } from "@/components/stats/stat-tile";
import { formatCount, formatDuration, formatPercent } from "@/components/stats/format";
import { can, type Actor } from "@/lib/auth/actor";
import { getChangeMetrics, METRICS_DAYS } from "@/lib/change-requests/metrics";

/** The dashboard's change-request panel: the approvals waiting, and how the last 30 days went. */
export async function ChangeMetricsPanel({ actor, now }: { actor: Actor; now: Date }) {
  const m = await getChangeMetrics(actor, { now });
  const approver = can(actor, "ticket.approve");
  const outcomes = m.completed + m.rolledBack;
  return (
    <section aria-labelledby="changes-heading" className="mb-8">
      <h2 id="changes-heading" className="mb-3 text-base font-semibold text-slate-900">
        Change requests
      </h2>
      <StatGrid>
        <StatTile
          label="Pending approvals"
          value={formatCount(m.pendingApprovals)}
          hint={approver ? "Not counting your own requests" : undefined}
          href={approver ? "/changes/approvals" : undefined}
        />
        <StatTile label="Median time to approve" value={formatDuration(m.medianApproveSeconds)} hint={`Submitted → approved, ${formatCount(m.approved)} in ${METRICS_DAYS} days`} />
        <StatTile label="Median time to complete" value={formatDuration(m.medianCompleteSeconds)} hint={`Approved → completed, ${formatCount(m.completed)} in ${METRICS_DAYS} days`} />
        <StatTile
          label="Rollback rate"
          value={formatPercent(m.rollbackRate === null ? null : Math.round(m.rollbackRate * 1000) / 10)}
          hint={`${formatCount(m.rolledBack)} of ${formatCount(outcomes)} finished in ${METRICS_DAYS} days`}
          href={approver ? "/changes?scope=all&status=rolled_back" : undefined}
        />
      </StatGrid>
    </section>
  );
}
