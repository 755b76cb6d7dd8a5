import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { tickets } from "@/db/schema";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { now as clockNow } from "@/lib/clock";
import { ticketVisibility } from "./visibility";

export type DashboardCounts = {
  /** Active (open, in progress, waiting) support tickets. */
  active: number;
  /** Status open and nobody assigned: waiting in a queue. */
  unassigned: number;
  inProgress: number;
  waiting: number;
  /** Active and escalated to second line. */
  escalated: number;
  /** Active with high or critical priority. */
  urgent: number;
  /** Closed or won't fix since the start of today (UTC). */
  closedToday: number;
  /** When the oldest unassigned ticket came in, or null. */
  oldestUnassignedAt: Date | null;
};

/**
 * The live numbers of the manager's dashboard, one scan of the support tickets the actor may see
 * (visibility in the WHERE clause like every ticket read).
 */
export async function getDashboardCounts(actor: Actor, opts: { now?: Date } = {}): Promise<DashboardCounts> {
  assertCan(actor, "stats.view", "Only managers can see the dashboard.");
  const at = opts.now ?? clockNow();
  const dayStart = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate())).toISOString();
  const active = sql`${tickets.status} in ('open', 'in_progress', 'waiting_for_customer')`;
  const db = await getDb();
  const [row] = await db
    .select({
      active: sql<number>`count(*) filter (where ${active})`.mapWith(Number),
      unassigned: sql<number>`count(*) filter (where ${tickets.status} = 'open' and ${tickets.assigneeId} is null)`.mapWith(Number),
      inProgress: sql<number>`count(*) filter (where ${tickets.status} = 'in_progress')`.mapWith(Number),
      waiting: sql<number>`count(*) filter (where ${tickets.status} = 'waiting_for_customer')`.mapWith(Number),
      escalated: sql<number>`count(*) filter (where ${active} and ${tickets.escalated})`.mapWith(Number),
      urgent: sql<number>`count(*) filter (where ${active} and ${tickets.priority} in ('high', 'critical'))`.mapWith(Number),
      closedToday: sql<number>`count(*) filter (where ${tickets.closedAt} >= ${dayStart}::timestamptz)`.mapWith(Number),
      oldestUnassignedAt: sql<string | null>`min(${tickets.createdAt}) filter (where ${tickets.status} = 'open' and ${tickets.assigneeId} is null)`,
    })
    .from(tickets)
    .where(and(eq(tickets.type, "support"), ticketVisibility(actor)));
  return {
    active: row?.active ?? 0,
    unassigned: row?.unassigned ?? 0,
    inProgress: row?.inProgress ?? 0,
    waiting: row?.waiting ?? 0,
    escalated: row?.escalated ?? 0,
    urgent: row?.urgent ?? 0,
    closedToday: row?.closedToday ?? 0,
    oldestUnassignedAt: row?.oldestUnassignedAt ? new Date(row.oldestUnassignedAt) : null,
  };
}
