import { and, eq, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb, type Tx } from "@/db";
import { tickets, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { AppError, notFound } from "@/lib/errors";
import { ticketVisibility } from "./visibility";
import { assertAllowed, type RuleTicket, type TicketAction } from "./workflow";

const requester = alias(users, "requester");
const assignee = alias(users, "assignee");

export type Person = { id: string; name: string; email: string; active: boolean };

/** A ticket as the transitions need it: the rule inputs plus what notifications and history mention. */
export type LoadedTicket = RuleTicket & {
  id: string;
  number: string;
  title: string;
  priority: "low" | "normal" | "high" | "critical";
  departmentId: string | null;
  firstResponseAt: Date | null;
  reopenCount: number;
  requester: Person;
  assignee: Person | null;
};

/** EXISTS a public comment by somebody other than the requester: the "explanation" closing needs. */
export const hasPublicAgentReplySql = sql<boolean>`exists (
  select 1 from messages m
  where m.ticket_id = ${tickets.id} and m.visibility = 'public' and m.kind = 'comment'
    and m.author_id is not null and m.author_id <> ${tickets.requesterId})`;

/** Loads a ticket the actor can see, or throws not_found (an unseen ticket does not exist for them). */
export async function loadTicket(tx: Tx, actor: Actor, ticketId: string): Promise<LoadedTicket> {
  const [row] = await tx
    .select({
      id: tickets.id,
      number: tickets.number,
      type: tickets.type,
      title: tickets.title,
      status: tickets.status,
      priority: tickets.priority,
      departmentId: tickets.departmentId,
      requesterId: tickets.requesterId,
      assigneeId: tickets.assigneeId,
      escalated: tickets.escalated,
      closedAt: tickets.closedAt,
      firstResponseAt: tickets.firstResponseAt,
      reopenCount: tickets.reopenCount,
      hasPublicAgentReply: hasPublicAgentReplySql,
      requester: { id: requester.id, name: requester.name, email: requester.email, active: requester.active },
      assigneeName: assignee.name,
      assigneeEmail: assignee.email,
      assigneeActive: assignee.active,
    })
    .from(tickets)
    .innerJoin(requester, eq(requester.id, tickets.requesterId))
    .leftJoin(assignee, eq(assignee.id, tickets.assigneeId))
    .where(and(eq(tickets.id, ticketId), ticketVisibility(actor)));
  if (!row) throw notFound("This ticket");
  const loaded = withAssignee(row);
  return { ...loaded, hasPublicAgentReply: Boolean(loaded.hasPublicAgentReply) };
}

/** The assignee columns of a loaded row (left-joined, so null without one) folded into one object. */
export function withAssignee<R extends { assigneeId: string | null; assigneeName: string | null; assigneeEmail: string | null; assigneeActive: boolean | null }>(
  row: R,
) {
  const { assigneeName, assigneeEmail, assigneeActive, ...rest } = row;
  return {
    ...rest,
    assignee: rest.assigneeId ? { id: rest.assigneeId, name: assigneeName!, email: assigneeEmail!, active: !!assigneeActive } : null,
  };
}

export const CHANGED_MEANWHILE = "This ticket changed while you were looking at it. Reload it and try again.";

/** What the guarded update compares: the state a rule was checked against (any ticket type). */
export type GuardedRow = Pick<LoadedTicket, "id" | "status" | "escalated" | "assigneeId">;

/**
 * The conditional update every transition uses, for every ticket type: it applies only if status,
 * assignee and escalation are still what the rules were checked against; `extraGuard` adds a type's
 * own conditions (a change request's approval: `requester_id <> actor`). Two agents racing → the second matches no row and
 * gets a conflict (on PostgreSQL it waits for the first to commit, then re-checks the WHERE).
 *
 * `last_activity_at` is the client's "last activity" (their list shows it and sorts by it), so it
 * moves only with what the client sees: a status change here, a public message (the caller sets it).
 * A reassignment, a priority change or an internal note moves `updated_at` alone.
 */
export async function guardedUpdate(
  tx: Tx,
  t: GuardedRow,
  set: Partial<typeof tickets.$inferInsert>,
  conflictMessage: string = CHANGED_MEANWHILE,
  extraGuard: SQL[] = [],
): Promise<void> {
  const at = now();
  const guard: SQL[] = [
    eq(tickets.id, t.id),
    sql`${tickets.status} = ${t.status}`,
    eq(tickets.escalated, t.escalated),
    t.assigneeId ? eq(tickets.assigneeId, t.assigneeId) : sql`${tickets.assigneeId} is null`,
    ...extraGuard,
  ];
  const updated = await tx
    .update(tickets)
    .set({ updatedAt: at, ...(set.status !== undefined && set.status !== t.status ? { lastActivityAt: at } : {}), ...set })
    .where(and(...guard))
    .returning({ id: tickets.id });
  if (updated.length === 0) throw new AppError("conflict", conflictMessage);
}

/**
 * Runs one workflow action: one transaction, the ticket loaded through the actor's visibility, the
 * rule checked, then `fn` does the change. Anything thrown rolls everything back.
 */
export async function withTicketAction<T>(
  actor: Actor,
  ticketId: string,
  action: TicketAction,
  fn: (tx: Tx, ticket: LoadedTicket, at: Date) => Promise<T>,
): Promise<T> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const ticket = await loadTicket(tx, actor, ticketId);
    const at = now();
    assertAllowed(action, actor, ticket, at);
    return fn(tx, ticket, at);
  });
}

/** A user by id with what notifications need (never the password hash). */
export async function findPerson(tx: Tx, userId: string): Promise<Person | null> {
  const [row] = await tx
    .select({ id: users.id, name: users.name, email: users.email, active: users.active })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}
