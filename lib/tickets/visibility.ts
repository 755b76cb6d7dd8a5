import { and, eq, or, sql, type SQL } from "drizzle-orm";
import { tickets } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { changeRequestVisibilityParts } from "@/lib/change-requests/visibility";

/**
 * Which tickets an actor may see, as a WHERE condition (STYLE: visibility goes into the query, so a
 * ticket one may not see is "not found", never "forbidden"). Every read of a ticket or anything
 * hanging off it (messages, attachments, history) goes through this.
 *
 * - ticket.view_all: every ticket (managers, admins)
 * - ticket.view_own: tickets one requested (clients)
 * - ticket.view_assigned: tickets assigned to oneself (agents, technicians)
 * - ticket.view_queue: the first-line queue — open support tickets that are not escalated
 * - ticket.view_escalated: the second-line queue — open escalated support tickets
 * - change requests add their own branches (lib/change-requests/visibility.ts)
 */
export function ticketVisibility(actor: Actor): SQL {
  const p = actor.permissions;
  if (p.has("ticket.view_all")) return sql`true`;
  const parts: SQL[] = [];
  if (p.has("ticket.view_own")) parts.push(eq(tickets.requesterId, actor.id));
  if (p.has("ticket.view_assigned")) parts.push(eq(tickets.assigneeId, actor.id));
  if (p.has("ticket.view_queue")) {
    parts.push(and(eq(tickets.type, "support"), eq(tickets.status, "open"), eq(tickets.escalated, false))!);
  }
  if (p.has("ticket.view_escalated")) {
    parts.push(and(eq(tickets.type, "support"), eq(tickets.status, "open"), eq(tickets.escalated, true))!);
  }
  parts.push(...changeRequestVisibilityParts(actor));
  if (parts.length === 0) return sql`false`;
  return or(...parts)!;
}

/** Whether the actor sees staff-only content (internal notes and their attachments). */
export function seesInternal(actor: Actor): boolean {
  return actor.permissions.has("ticket.view_internal");
}
