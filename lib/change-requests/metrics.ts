import "server-only";
import { sql } from "drizzle-orm";
import { getDb, type Db } from "@/db";
import { ticketHistory, tickets } from "@/db/schema";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { now as clockNow } from "@/lib/clock";
import { ticketVisibility } from "@/lib/tickets/visibility";
import { countPendingApprovals } from "./queries";

export const METRICS_DAYS = 30;

export type ChangeMetrics = {
  /** Pending requests the actor may decide (not their own): the approvals queue's length. */
  pendingApprovals: number;
  /** Approvals in the period, and the median seconds from the (re)submission each one answered. */
  approved: number;
  medianApproveSeconds: number | null;
  /** Completions in the period, and the median seconds from their approval. */
  completed: number;
  medianCompleteSeconds: number | null;
  rolledBack: number;
  /** rolled back / (completed + rolled back) in the period, or null when neither happened. */
  rollbackRate: number | null;
  from: Date;
  to: Date;
};

/**
 * The change-request panel of the manager's dashboard, from the history rows of the last 30 days:
 * one range per step on ticket_history_change_steps_idx (approved, completed, rolled back), and
 * for each approval or completion the step it answers — the latest submission or resubmission
 * before an approval (a rejected request's clock restarts when it comes back), the approval before
 * a completion — one lookup on ticket_history_ticket_idx. Visibility in the WHERE, as every read.
 */
export async function getChangeMetrics(actor: Actor, opts: { now?: Date; days?: number } = {}): Promise<ChangeMetrics> {
  assertCan(actor, "stats.view", "Only managers can see the dashboard.");
  const to = opts.now ?? clockNow();
  const from = new Date(to.getTime() - (opts.days ?? METRICS_DAYS) * 86_400_000);
  const [[row], pendingApprovals] = await Promise.all([metricsQuery(await getDb(), actor, { from, to }), countPendingApprovals(actor)]);
  const completed = row?.completed ?? 0;
  const rolledBack = row?.rolledBack ?? 0;
  return {
    pendingApprovals,
    approved: row?.approved ?? 0,
    medianApproveSeconds: row?.medianApprove == null ? null : Number(row.medianApprove),
    completed,
    medianCompleteSeconds: row?.medianComplete == null ? null : Number(row.medianComplete),
    rolledBack,
    rollbackRate: completed + rolledBack === 0 ? null : rolledBack / (completed + rolledBack),
    from,
    to,
  };
}

/** The period's statement, unexecuted (the integration test EXPLAINs it). */
export function metricsQuery(db: Db, actor: Actor, { from, to }: { from: Date; to: Date }) {
  const h = ticketHistory;
  const since = sql`extract(epoch from ${h.createdAt} - prior.at)::float8`;
  return db
    .select({
      approved: sql<number>`count(*) filter (where ${h.action} = 'approved')`.mapWith(Number),
      completed: sql<number>`count(*) filter (where ${h.action} = 'completed')`.mapWith(Number),
      rolledBack: sql<number>`count(*) filter (where ${h.action} = 'rolled_back')`.mapWith(Number),
      medianApprove: sql<number | null>`percentile_cont(0.5) within group (order by ${since}) filter (where ${h.action} = 'approved')`,
      medianComplete: sql<number | null>`percentile_cont(0.5) within group (order by ${since}) filter (where ${h.action} = 'completed')`,
    })
    .from(h)
    .innerJoin(tickets, sql`${tickets.id} = ${h.ticketId}`)
    .leftJoin(
      sql`lateral (
        select p.created_at as at from ${h} p
        where p.ticket_id = ${h.ticketId} and p.field = 'status' and p.id < ${h.id} and p.created_at <= ${h.createdAt}
          and p.action in (select unnest(case ${h.action} when 'approved' then array['submitted', 'resubmitted'] else array['approved'] end))
        order by p.created_at desc, p.id desc
        limit 1
      ) prior`,
      sql`${h.action} <> 'rolled_back'`,
    )
    .where(
      sql`${h.field} = 'status' and ${h.action} in ('approved', 'completed', 'rolled_back')
        and ${h.createdAt} >= ${from.toISOString()}::timestamptz and ${h.createdAt} < ${to.toISOString()}::timestamptz
        and ${tickets.type} = 'change_request' and ${ticketVisibility(actor)}`,
    );
}
