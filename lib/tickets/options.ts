import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { departments, projects, tasks, tickets, users } from "@/db/schema";
import { assertCan, can, type Actor } from "@/lib/auth/actor";
import { countTicketsUpTo, type BoundedCount } from "./bounded-count";
import { ticketVisibility } from "./visibility";

/**
 * What the ticket screens' selects offer: read-only lookups, each scoped to what the actor may
 * choose or filter by. The domain functions check every chosen id again (links.ts), so these lists
 * are a convenience, never the check.
 */

export type Option = { id: string; name: string };
export type ProjectOption = Option & { tasks: Option[] };

/** Active departments, by name (new-ticket form and list filters). */
export async function listDepartmentOptions(): Promise<Option[]> {
  const db = await getDb();
  return db
    .select({ id: departments.id, name: departments.name })
    .from(departments)
    .where(eq(departments.isActive, true))
    .orderBy(asc(departments.name));
}

/** The actor's company's active projects with their active tasks (empty without a company). */
export async function listOwnProjectOptions(actor: Actor): Promise<ProjectOption[]> {
  return companyProjectOptions(actor.companyId);
}

/**
 * For the admin edit form (ticket.manage): the projects and tasks of the ticket's company, the only
 * ones editTicket accepts. Empty for a ticket it cannot see or without a company.
 */
export async function listTicketProjectOptions(actor: Actor, ticketId: string): Promise<ProjectOption[]> {
  assertCan(actor, "ticket.manage", "Only admins can edit tickets.");
  const db = await getDb();
  const [t] = await db
    .select({ companyId: tickets.companyId })
    .from(tickets)
    .where(and(eq(tickets.id, ticketId), ticketVisibility(actor)));
  return companyProjectOptions(t?.companyId ?? null);
}

async function companyProjectOptions(companyId: string | null): Promise<ProjectOption[]> {
  if (!companyId) return [];
  const db = await getDb();
  const rows = await db
    .select({ id: projects.id, name: projects.name, taskId: tasks.id, taskName: tasks.name })
    .from(projects)
    .leftJoin(tasks, and(eq(tasks.projectId, projects.id), eq(tasks.isActive, true)))
    .where(and(eq(projects.companyId, companyId), eq(projects.isActive, true)))
    .orderBy(asc(projects.name), asc(projects.id), asc(tasks.name));
  const out = new Map<string, ProjectOption>();
  for (const r of rows) {
    const p = out.get(r.id) ?? { id: r.id, name: r.name, tasks: [] };
    if (r.taskId && r.taskName) p.tasks.push({ id: r.taskId, name: r.taskName });
    out.set(r.id, p);
  }
  return [...out.values()];
}

/**
 * People a manager can filter the list by: active users whose role may take tickets (agents,
 * second-line agents, managers, admins). Only for ticket.view_all; anyone else gets an empty list.
 */
export async function listAssigneeFilterOptions(actor: Actor): Promise<Option[]> {
  if (!can(actor, "ticket.view_all")) return [];
  const db = await getDb();
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(
      and(
        eq(users.active, true),
        sql`exists (select 1 from role_permissions rp where rp.role_key = ${users.roleKey} and rp.permission_key = 'ticket.assign_self')`,
      ),
    )
    .orderBy(asc(users.name), asc(users.id));
}

/**
 * How many tickets "De-assign all" would return to the queue now (the confirmation shows it), up to
 * COUNT_CAP: the button is on every manager's list page, the action itself reports the exact number.
 */
export async function countDeassignable(actor: Actor): Promise<BoundedCount> {
  assertCan(actor, "ticket.deassign_all", "Only managers can de-assign every ticket.");
  return countTicketsUpTo(
    await getDb(),
    and(eq(tickets.type, "support"), inArray(tickets.status, ["in_progress", "waiting_for_customer"]), ticketVisibility(actor)),
  );
}
