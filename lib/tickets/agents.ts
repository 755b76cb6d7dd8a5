import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import type { Conn } from "@/db";
import { tickets, users } from "@/db/schema";
import type { Person } from "./load";

/**
 * Who may be assigned a ticket: an active user whose role can take tickets from the queue of the
 * ticket's line — first line (ticket.view_queue) for a normal ticket, second line
 * (ticket.view_escalated) for an escalated one. With the default roles: agents, respectively
 * second-line agents, plus managers and admins. Roles are rows, so this reads role_permissions.
 */
function roleHas(permission: string): SQL {
  return sql`exists (select 1 from role_permissions rp where rp.role_key = "users"."role_key" and rp.permission_key = ${permission})`;
}

export function assignableCondition(escalated: boolean): SQL {
  return and(
    eq(users.active, true),
    roleHas("ticket.assign_self"),
    roleHas(escalated ? "ticket.view_escalated" : "ticket.view_queue"),
  )!;
}

export type AssignableAgent = Person & { role: string; activeTickets: number };

/** Eligible agents for a ticket of that line, by name, with their current load (open/in progress/waiting). */
export async function assignableAgents(conn: Conn, escalated: boolean): Promise<AssignableAgent[]> {
  return conn
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      active: users.active,
      role: users.roleKey,
      activeTickets: sql<number>`(select count(*) from ${tickets} t
        where t.assignee_id = "users"."id" and t.status in ('open', 'in_progress', 'waiting_for_customer'))`.mapWith(Number),
    })
    .from(users)
    .where(assignableCondition(escalated))
    .orderBy(asc(users.name), asc(users.id));
}

/** The user if they may be assigned a ticket of that line, else null. */
export async function findAssignable(conn: Conn, userId: string, escalated: boolean): Promise<Person | null> {
  const [row] = await conn
    .select({ id: users.id, name: users.name, email: users.email, active: users.active })
    .from(users)
    .where(and(eq(users.id, userId), assignableCondition(escalated)));
  return row ?? null;
}
