import { and, eq, inArray, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db";
import { tickets, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { isUuid } from "@/lib/input";
import { notFound } from "@/lib/errors";
import { ticketVisibility } from "@/lib/tickets/visibility";

/** A window without an estimate is taken to last this long. */
export const DEFAULT_WINDOW_MINUTES = 60;

export type ChangeConflict = {
  id: string;
  number: string;
  title: string;
  status: string;
  scheduledFor: Date;
  estimatedMinutes: number | null;
  requesterName: string;
};

const windowEnd = (start: typeof tickets.scheduledFor, minutes: typeof tickets.estimatedMinutes) =>
  sql`${start} + make_interval(mins => coalesce(${minutes}, ${DEFAULT_WINDOW_MINUTES}))`;

/**
 * What an approver checks before approving: other approved or in-progress changes on the same order
 * whose windows overlap this request's ([start, start + estimate) each). Only requests the actor may
 * see are listed; a request without a window conflicts with nothing (there is nothing to compare).
 */
export async function listConflicts(actor: Actor, ticketId: string): Promise<ChangeConflict[]> {
  if (!isUuid(ticketId)) throw notFound("This change request");
  const db = await getDb();
  const [me] = await db
    .select({ orderId: tickets.targetOrderId, start: tickets.scheduledFor, minutes: tickets.estimatedMinutes })
    .from(tickets)
    .where(and(eq(tickets.id, ticketId), eq(tickets.type, "change_request"), ticketVisibility(actor)));
  if (!me) throw notFound("This change request");
  if (!me.orderId || !me.start) return [];
  const requester = alias(users, "conflict_requester");
  const myEnd = new Date(me.start.getTime() + (me.minutes ?? DEFAULT_WINDOW_MINUTES) * 60_000);
  return db
    .select({
      id: tickets.id,
      number: tickets.number,
      title: tickets.title,
      status: tickets.status,
      scheduledFor: sql<Date>`${tickets.scheduledFor}`.mapWith(tickets.scheduledFor),
      estimatedMinutes: tickets.estimatedMinutes,
      requesterName: requester.name,
    })
    .from(tickets)
    .innerJoin(requester, eq(requester.id, tickets.requesterId))
    .where(
      and(
        eq(tickets.type, "change_request"),
        eq(tickets.targetOrderId, me.orderId),
        ne(tickets.id, ticketId),
        inArray(tickets.status, ["approved", "in_progress"]),
        sql`${tickets.scheduledFor} < ${myEnd.toISOString()}::timestamptz`,
        sql`${windowEnd(tickets.scheduledFor, tickets.estimatedMinutes)} > ${me.start.toISOString()}::timestamptz`,
        ticketVisibility(actor),
      ),
    )
    .orderBy(tickets.scheduledFor, tickets.id);
}
