import "server-only";
import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb, type Db } from "@/db";
import { orders, services, tickets, users } from "@/db/schema";
import { can, type Actor } from "@/lib/auth/actor";
import { isUuid } from "@/lib/input";
import { ticketVisibility } from "@/lib/tickets/visibility";
import { DEFAULT_WINDOW_MINUTES } from "./conflicts";
import { LIMITS } from "./schemas";

/**
 * The change calendar (what a CAB looks at): approved and in-progress changes placed by their
 * scheduled window [start, start + estimate). Visibility is the shared ticket filter, so a client
 * sees their own changes and approvers see all.
 *
 * The query is a bounded range on tickets_change_schedule_idx: a window that overlaps the period
 * starts before its end and, as no estimate exceeds LIMITS.minutes, no earlier than that long
 * before its start. Type and status are literals so the partial index's predicate matches even a
 * generic plan.
 */
export const CALENDAR_LIMIT = 500;

export type CalendarEntry = {
  id: string;
  number: string;
  title: string;
  status: "approved" | "in_progress";
  start: Date;
  end: Date;
  instanceName: string | null;
  serviceName: string | null;
  assigneeName: string | null;
};

const assignee = alias(users, "calendar_assignee");
const shown = sql`${tickets.type} = 'change_request' AND ${tickets.status} IN ('approved', 'in_progress')`;

type CalendarQuery = { start: Date; end: Date; serviceId?: string | null };

/** The calendar's statement, unexecuted (the integration test EXPLAINs it). */
export function calendarQuery(db: Db, actor: Actor, p: CalendarQuery) {
  const earliest = new Date(p.start.getTime() - LIMITS.minutes * 60_000);
  const where: SQL[] = [
    shown,
    sql`${tickets.scheduledFor} >= ${earliest.toISOString()}::timestamptz`,
    sql`${tickets.scheduledFor} < ${p.end.toISOString()}::timestamptz`,
    sql`${tickets.scheduledFor} + make_interval(mins => coalesce(${tickets.estimatedMinutes}, ${DEFAULT_WINDOW_MINUTES})) > ${p.start.toISOString()}::timestamptz`,
    ticketVisibility(actor),
  ];
  // An unknown service id filters to nothing rather than erroring: it came from a URL.
  if (p.serviceId) where.push(isUuid(p.serviceId) ? eq(orders.serviceId, p.serviceId) : sql`false`);
  return db
    .select({
      id: tickets.id,
      number: tickets.number,
      title: tickets.title,
      status: tickets.status,
      start: sql<Date>`${tickets.scheduledFor}`.mapWith(tickets.scheduledFor),
      minutes: tickets.estimatedMinutes,
      instanceName: orders.instanceName,
      serviceName: services.name,
      assigneeName: assignee.name,
    })
    .from(tickets)
    .leftJoin(orders, eq(orders.id, tickets.targetOrderId))
    .leftJoin(services, eq(services.id, orders.serviceId))
    .leftJoin(assignee, eq(assignee.id, tickets.assigneeId))
    .where(and(...where))
    .orderBy(asc(tickets.scheduledFor), asc(tickets.id))
    .limit(CALENDAR_LIMIT + 1);
}

/** The period's entries, earliest first; `truncated` when there were more than CALENDAR_LIMIT. */
export async function listCalendarEntries(actor: Actor, p: CalendarQuery): Promise<{ entries: CalendarEntry[]; truncated: boolean }> {
  const rows = await calendarQuery(await getDb(), actor, p);
  return {
    entries: rows.slice(0, CALENDAR_LIMIT).map(({ minutes, ...r }) => ({
      ...r,
      status: r.status as CalendarEntry["status"],
      end: new Date(r.start.getTime() + (minutes ?? DEFAULT_WINDOW_MINUTES) * 60_000),
    })),
    truncated: rows.length > CALENDAR_LIMIT,
  };
}

/**
 * The services the filter offers: staff choose among the whole catalogue, a client among the
 * services of their own orders (names only, no prices or notes).
 */
export async function listCalendarServices(actor: Actor): Promise<{ id: string; name: string }[]> {
  const db = await getDb();
  if (can(actor, "ticket.view_internal")) {
    return db.select({ id: services.id, name: services.name }).from(services).orderBy(asc(services.name), asc(services.id)).limit(200);
  }
  return db
    .selectDistinct({ id: services.id, name: services.name })
    .from(services)
    .innerJoin(orders, eq(orders.serviceId, services.id))
    .where(eq(orders.clientId, actor.id))
    .orderBy(asc(services.name), asc(services.id))
    .limit(200);
}
