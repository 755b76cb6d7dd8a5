import { and, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb, type Tx } from "@/db";
import { orders, tickets, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { notFound } from "@/lib/errors";
import { withAssignee, type Person } from "@/lib/tickets/load";
import { ticketVisibility } from "@/lib/tickets/visibility";
import { assertChangeAllowed, type ChangeAction, type RuleChange } from "./rules";

const requester = alias(users, "cr_requester");
const assignee = alias(users, "cr_assignee");

/** A change request as its steps need it: the rule inputs plus what history and notifications mention. */
export type LoadedChange = RuleChange & {
  id: string;
  number: string;
  title: string;
  escalated: boolean;
  orderId: string | null;
  requester: Person;
  assignee: Person | null;
};

const hasInvalidItemSql = sql<boolean>`exists (
  select 1 from ticket_items i where i.ticket_id = ${tickets.id} and i.validation_status = 'invalid')`;

/**
 * Loads a change request the actor can see (the shared ticket visibility, so the same rows as
 * comments and attachments), or throws not_found.
 */
export async function loadChange(tx: Tx, actor: Actor, ticketId: string): Promise<LoadedChange> {
  const [row] = await tx
    .select({
      id: tickets.id,
      number: tickets.number,
      type: tickets.type,
      title: tickets.title,
      status: tickets.status,
      escalated: tickets.escalated,
      requesterId: tickets.requesterId,
      assigneeId: tickets.assigneeId,
      orderId: tickets.targetOrderId,
      hasInvalidItem: hasInvalidItemSql,
      requester: { id: requester.id, name: requester.name, email: requester.email, active: requester.active },
      assigneeName: assignee.name,
      assigneeEmail: assignee.email,
      assigneeActive: assignee.active,
    })
    .from(tickets)
    .innerJoin(requester, eq(requester.id, tickets.requesterId))
    .leftJoin(assignee, eq(assignee.id, tickets.assigneeId))
    .where(and(eq(tickets.id, ticketId), eq(tickets.type, "change_request"), ticketVisibility(actor)));
  if (!row) throw notFound("This change request");
  const loaded = withAssignee(row);
  return { ...loaded, hasInvalidItem: Boolean(loaded.hasInvalidItem) };
}

/**
 * Runs one change-request step: one transaction, the request loaded through the actor's visibility,
 * the rule checked, then `fn` does the change (a guarded update, history, outbox). Anything thrown
 * rolls everything back, so a refused step changes nothing.
 */
export async function withChangeAction<T>(
  actor: Actor,
  ticketId: string,
  action: ChangeAction,
  fn: (tx: Tx, change: LoadedChange, at: Date) => Promise<T>,
): Promise<T> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const change = await loadChange(tx, actor, ticketId);
    assertChangeAllowed(action, actor, change);
    return fn(tx, change, now());
  });
}

/** The target order of a request, with what the requesting rule needs. */
export async function findOrder(tx: Tx, orderId: string) {
  const [row] = await tx
    .select({ id: orders.id, clientId: orders.clientId, status: orders.status, serviceId: orders.serviceId, instanceName: orders.instanceName })
    .from(orders)
    .where(eq(orders.id, orderId));
  return row ?? null;
}
