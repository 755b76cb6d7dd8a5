import "server-only";
import { and, eq, gte, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { tickets } from "@/db/schema";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { now as clockNow } from "@/lib/clock";
import { ticketVisibility } from "./visibility";
import { ACTIVE_STATUSES } from "./workflow";

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
 * The live numbers of the manager's dashboard (visibility in the WHERE clause like every ticket
 * read). Two index-only reads, not a scan of every ticket: the active ones through the partial
 * tickets_active_idx, today's closes through a range of tickets_closed_idx.
 */
export async function getDashboardCounts(actor: Actor, opts: { now?: Date } = {}): Promise<DashboardCounts> {
  assertCan(actor, "stats.view", "Only managers can see the dashboard.");
  const at = opts.now ?? clockNow();
  const dayStart = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));
  const unassigned = sql`${tickets.status} = 'open' and ${tickets.assigneeId} is null`;
  const db = await getDb();
  const [[active], [closed]] = await Promise.all([
    db
      .select({
        active: sql<number>`count(*)`.mapWith(Number),
        unassigned: sql<number>`count(*) filter (where ${unassigned})`.mapWith(Number),
        inProgress: sql<number>`count(*) filter (where ${tickets.status} = 'in_progress')`.mapWith(Number),
        waiting: sql<number>`count(*) filter (where ${tickets.status} = 'waiting_for_customer')`.mapWith(Number),
        escalated: sql<number>`count(*) filter (where ${tickets.escalated})`.mapWith(Number),
        urgent: sql<number>`count(*) filter (where ${tickets.priority} in ('high', 'critical'))`.mapWith(Number),
        oldestUnassignedAt: sql<string | null>`min(${tickets.createdAt}) filter (where ${unassigned})`,
      })
      .from(tickets)
      .where(and(eq(tickets.type, "support"), inArray(tickets.status, [...ACTIVE_STATUSES]), ticketVisibility(actor))),
    db
      .select({ n: sql<number>`count(*)`.mapWith(Number) })
      .from(tickets)
      .where(and(eq(tickets.type, "support"), gte(tickets.closedAt, dayStart), ticketVisibility(actor))),
  ]);
  return {
    active: active?.active ?? 0,
    unassigned: active?.unassigned ?? 0,
    inProgress: active?.inProgress ?? 0,
    waiting: active?.waiting ?? 0,
    escalated: active?.escalated ?? 0,
    urgent: active?.urgent ?? 0,
    closedToday: closed?.n ?? 0,
    oldestUnassignedAt: active?.oldestUnassignedAt ? new Date(active.oldestUnassignedAt) : null,
  };
}
