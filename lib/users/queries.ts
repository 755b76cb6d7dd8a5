import "server-only";
import { and, asc, eq, ilike, inArray, or, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { departmentMembers, departments, users } from "@/db/schema";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { notFound } from "@/lib/errors";
import { AGENT_TIERS, agentRefSchema, clientSearchSchema, type AgentTier } from "./schemas";
import { isSafeText, parseInput } from "@/lib/input";

/** Read side of user management, for pages. Selects what the screens show: never a password hash. */

export type AgentRow = {
  id: string;
  name: string;
  email: string;
  tier: AgentTier;
  active: boolean;
  /** False while an invited agent has not set a password yet. */
  hasPassword: boolean;
  createdAt: Date;
  departments: { id: string; name: string }[];
  activeTickets: number;
};

// Correlated subqueries name "users.id" literally: in a one-table select drizzle renders ${users.id}
// as a bare "id", which inside the subquery would bind to the inner table's id.
const agentColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  tier: sql<AgentTier>`${users.roleKey}`,
  active: users.active,
  hasPassword: sql<boolean>`${users.passwordHash} is not null`,
  createdAt: users.createdAt,
  departments: sql<{ id: string; name: string }[]>`coalesce((
    select json_agg(json_build_object('id', d.id, 'name', d.name) order by d.name)
    from ${departmentMembers} dm join ${departments} d on d.id = dm.department_id
    where dm.user_id = users.id), '[]'::json)`,
  activeTickets: sql<number>`(select count(*) from tickets t
    where t.assignee_id = users.id and t.status in ('open', 'in_progress', 'waiting_for_customer'))`.mapWith(Number),
};

/** Every first- and second-line agent, active ones first, then by name. */
export async function listAgents(actor: Actor): Promise<AgentRow[]> {
  assertCan(actor, "agent.manage", "Only managers can manage agents.");
  const db = await getDb();
  return db
    .select(agentColumns)
    .from(users)
    .where(inArray(users.roleKey, [...AGENT_TIERS]))
    .orderBy(sql`${users.active} desc`, asc(users.name), asc(users.id));
}

/** One agent for the edit page; anyone who is not an agent is "not found". */
export async function getAgent(actor: Actor, userId: string): Promise<AgentRow> {
  assertCan(actor, "agent.manage", "Only managers can manage agents.");
  const parsed = agentRefSchema.safeParse({ userId });
  if (!parsed.success) throw notFound("This agent");
  const db = await getDb();
  const [row] = await db
    .select(agentColumns)
    .from(users)
    .where(and(eq(users.id, parsed.data.userId), inArray(users.roleKey, [...AGENT_TIERS])));
  if (!row) throw notFound("This agent");
  return row;
}

export type DepartmentOption = { id: string; name: string; active: boolean };

/** Departments for pickers: the active ones, plus inactive ones passed in `keep` (already chosen). */
export async function listDepartmentOptions(keep: string[] = []): Promise<DepartmentOption[]> {
  const db = await getDb();
  const keepIds = keep.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  return db
    .select({ id: departments.id, name: departments.name, active: departments.isActive })
    .from(departments)
    .where(keepIds.length ? or(eq(departments.isActive, true), inArray(departments.id, keepIds)) : eq(departments.isActive, true))
    .orderBy(asc(departments.name));
}

export type ClientOption = { id: string; name: string; email: string };

/** Active clients whose name or e-mail contains `q`, for the "ticket for a client" picker (ticket.manage). */
export async function searchClients(actor: Actor, input: unknown): Promise<ClientOption[]> {
  assertCan(actor, "ticket.manage", "Only admins can open tickets for clients.");
  const { q } = parseInput(clientSearchSchema, input);
  // No stored name or address has control characters: such a search finds nobody (and is never sent).
  if (!isSafeText(q)) return [];
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const db = await getDb();
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(
      and(
        eq(users.roleKey, "client"),
        eq(users.active, true),
        q ? or(ilike(users.name, pattern), ilike(users.email, pattern)) : undefined,
      ),
    )
    .orderBy(asc(users.name), asc(users.email))
    .limit(50);
}
