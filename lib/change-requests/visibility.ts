import { and, eq, type SQL } from "drizzle-orm";
import { tickets } from "@/db/schema";
import type { RuleActor } from "@/lib/tickets/workflow";

/**
 * What change requests add to the shared ticket visibility (lib/tickets/visibility.ts ORs these in,
 * so comments, attachments, history and loading see change requests through the one filter):
 *
 * - the requester always sees their own request, whatever the role: any staff member may request a
 *   change (an agent has no ticket.view_own, which is about support tickets);
 * - approvers (ticket.approve or ticket.reject) see every change request, or they could not decide.
 *
 * ticket.view_all (everything), ticket.view_own (own) and ticket.view_assigned (the technician's)
 * already apply to change requests through the shared filter.
 */
export function changeRequestVisibilityParts(actor: RuleActor): SQL[] {
  const p = actor.permissions;
  const isChange = eq(tickets.type, "change_request");
  const parts: SQL[] = [];
  if (p.has("ticket.approve") || p.has("ticket.reject")) parts.push(isChange);
  else if (p.has("ticket.create")) parts.push(and(isChange, eq(tickets.requesterId, actor.id))!);
  return parts;
}
