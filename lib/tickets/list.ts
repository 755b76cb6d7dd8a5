import "server-only";
import { and, eq, inArray, isNull, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db";
import { departments, tickets, users } from "@/db/schema";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { countTicketsUpTo, type BoundedCount } from "./bounded-count";
import { afterCursor, cursorColumns, nextCursor, orderByKeys, sortKeys, type ListSort } from "./list-order";
import { planSearch } from "./list-search";
import { listTicketsSchema } from "./schemas";
import { parseInput } from "@/lib/input";
import { searchFilter } from "./search";
import { ticketVisibility } from "./visibility";
import { ACTIVE_STATUSES, FINAL_STATUSES, type Priority, type SupportStatus } from "./workflow";

const requester = alias(users, "requester");
const assignee = alias(users, "assignee");

export type TicketListItem = {
  id: string;
  number: string;
  title: string;
  status: SupportStatus;
  priority: Priority;
  escalated: boolean;
  department: string | null;
  requesterName: string;
  assigneeId: string | null;
  assigneeName: string | null;
  createdAt: Date;
  lastActivityAt: Date;
};
export type TicketPage = { items: TicketListItem[]; nextCursor: string | null; sort: ListSort };

/**
 * One page of support tickets, always within what the actor may see (ticketVisibility ANDed in).
 * Scopes: "mine" (requested by me), "assigned" (assigned to me), "queue" (first line: open, not
 * escalated), "escalated" (second line), "all" (ticket.view_all). Filters: status (a status, "active"
 * or "done"), priority, departmentId, assigneeId (an id or "none"), q (full text; a ticket number
 * is an exact lookup). Sorts: priority (critical first, then oldest — the queue order), newest,
 * oldest, activity, relevance (default when q is given; only for searches matching at most
 * RELEVANCE_LIMIT tickets, see list-search.ts — `sort` in the result is the order applied). Pass the
 * returned `nextCursor` back as `cursor` for the next page.
 */
export async function listTickets(actor: Actor, input: unknown): Promise<TicketPage> {
  const f = parseInput(listTicketsSchema, input);
  const conditions: SQL[] = [eq(tickets.type, "support")];
  // The queue scopes are exactly ticketVisibility's queue branches, and their permission is asserted
  // below: the actor's whole visibility (an OR with "assigned to me") would add no row limit, only
  // hide the queue index from the planner. Every other scope ANDs the visibility in.
  if (f.scope !== "queue" && f.scope !== "escalated") conditions.push(ticketVisibility(actor));
  switch (f.scope) {
    case "mine":
      conditions.push(eq(tickets.requesterId, actor.id));
      break;
    case "assigned":
      assertCan(actor, "ticket.view_assigned", "You have no assigned tickets.");
      conditions.push(eq(tickets.assigneeId, actor.id));
      break;
    case "queue":
      assertCan(actor, "ticket.view_queue", "The first-line queue is for first-line agents.");
      conditions.push(eq(tickets.status, "open"), eq(tickets.escalated, false));
      break;
    case "escalated":
      assertCan(actor, "ticket.view_escalated", "The second-line queue is for second-line agents.");
      conditions.push(eq(tickets.status, "open"), eq(tickets.escalated, true));
      break;
    case "all":
      assertCan(actor, "ticket.view_all", "You may not list every ticket.");
      break;
  }
  if (f.status === "active") conditions.push(inArray(tickets.status, [...ACTIVE_STATUSES]));
  else if (f.status === "done") conditions.push(inArray(tickets.status, [...FINAL_STATUSES]));
  else if (f.status) conditions.push(eq(tickets.status, f.status));
  if (f.priority) conditions.push(eq(tickets.priority, f.priority));
  if (f.departmentId) conditions.push(eq(tickets.departmentId, f.departmentId));
  if (f.assigneeId === "none") conditions.push(isNull(tickets.assigneeId));
  else if (f.assigneeId) conditions.push(eq(tickets.assigneeId, f.assigneeId));

  const db = await getDb();
  const search = f.q ? searchFilter(f.q) : null;
  if (search) conditions.push(search.where);
  const fallback: ListSort = f.scope === "mine" ? "activity" : "priority";
  let sort: ListSort = f.sort ?? fallback;
  if (search?.query) {
    const plan = await planSearch(db, search.query, f.sort, fallback);
    sort = plan.sort;
    if (plan.only) conditions.push(plan.only);
  }
  const keys = sortKeys(sort, search?.rank ?? null);
  const after = afterCursor(keys, sort, f.cursor);
  if (after) conditions.push(after);

  const rows = await db
    .select({
      id: tickets.id,
      number: tickets.number,
      title: tickets.title,
      status: tickets.status,
      priority: tickets.priority,
      escalated: tickets.escalated,
      department: departments.name,
      requesterName: requester.name,
      assigneeId: tickets.assigneeId,
      assigneeName: assignee.name,
      createdAt: tickets.createdAt,
      lastActivityAt: tickets.lastActivityAt,
      ...cursorColumns(keys),
    })
    .from(tickets)
    .innerJoin(requester, eq(requester.id, tickets.requesterId))
    .leftJoin(assignee, eq(assignee.id, tickets.assigneeId))
    .leftJoin(departments, eq(departments.id, tickets.departmentId))
    .where(and(...conditions))
    .orderBy(...orderByKeys(keys))
    .limit(f.limit + 1);

  const page = rows.slice(0, f.limit);
  const last = page.at(-1);
  return {
    items: page.map(({ k0: _k0, k1: _k1, k2: _k2, ...item }) => ({ ...item, status: item.status as SupportStatus })),
    nextCursor: rows.length > f.limit && last ? nextCursor(sort, keys, last) : null,
    sort,
  };
}

/**
 * Count of tickets in a scope for badges ("Queue (12)"), up to COUNT_CAP ("1,000+"; see
 * bounded-count.ts). Each scope is one branch of ticketVisibility, checked here as a permission like
 * listTickets does: ORing the actor's whole visibility into the count would add no row limit, only
 * hide the scope's index from the planner.
 */
export async function countTickets(actor: Actor, scope: "queue" | "escalated" | "assigned"): Promise<BoundedCount> {
  const where: SQL[] = [eq(tickets.type, "support")];
  if (scope === "assigned") {
    assertCan(actor, "ticket.view_assigned", "You have no assigned tickets.");
    where.push(eq(tickets.assigneeId, actor.id), inArray(tickets.status, [...ACTIVE_STATUSES]));
  } else {
    if (scope === "queue") assertCan(actor, "ticket.view_queue", "The first-line queue is for first-line agents.");
    else assertCan(actor, "ticket.view_escalated", "The second-line queue is for second-line agents.");
    where.push(eq(tickets.status, "open"), eq(tickets.escalated, scope === "escalated"));
  }
  return countTicketsUpTo(await getDb(), and(...where));
}
