import { and, eq, inArray, sql } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import { getDb, type Conn } from "@/db";
import { departmentMembers, users } from "@/db/schema";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { endAllSessions } from "@/lib/auth/sessions";
import { issueToken } from "@/lib/auth/tokens";
import { findUserByEmail } from "@/lib/auth/users";
import { now } from "@/lib/clock";
import { env } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import { queueEmail } from "@/lib/mail/outbox";
import { setPasswordMail } from "@/lib/mail/templates/account";
import { checkDepartments, releaseTickets } from "./agent-effects";
import { AGENT_TIERS, agentRefSchema, inviteAgentSchema, updateAgentSchema } from "./schemas";
import { parseInput } from "@/lib/input";

/**
 * Agent management (seed 002, permission agent.manage). A manager only ever touches users whose
 * role is one of the two agent tiers, and only ever gives them one of those tiers: clients,
 * accountants, managers and admins are "not found" here, and no input can promote anyone.
 */

const DUPLICATE_EMAIL = "An account with this e-mail address already exists.";
const isAgentRow = inArray(users.roleKey, [...AGENT_TIERS]);

async function queueInvite(tx: Conn, user: { id: string; name: string; email: string }) {
  const token = await issueToken(tx, user.id, "set_password", now());
  await queueEmail(tx, {
    type: "account.agent_invited",
    to: user.email,
    recipientId: user.id,
    template: setPasswordMail({ name: user.name, link: `${env.appUrl}/reset-password?token=${token}`, reason: "invite" }),
  });
}

/**
 * Creates an agent without a password and mails a single-use link to set one (the reset flow's
 * set_password token). Input `{ name, email, tier, departmentIds }`. A taken address is a field error.
 */
export async function inviteAgent(actor: Actor, input: unknown): Promise<{ id: string; email: string }> {
  assertCan(actor, "agent.manage", "Only managers can invite agents.");
  const data = parseInput(inviteAgentSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    if (await findUserByEmail(tx, data.email)) throw new AppError("conflict", "Check the highlighted fields.", { email: DUPLICATE_EMAIL });
    await checkDepartments(tx, data.departmentIds, []);
    const [user] = await tx
      .insert(users)
      .values({ name: data.name, email: data.email, roleKey: data.tier, passwordHash: null, createdAt: now(), updatedAt: now() })
      .onConflictDoNothing()
      .returning({ id: users.id, name: users.name, email: users.email });
    // Lost a race with another account of the same address.
    if (!user) throw new AppError("conflict", "Check the highlighted fields.", { email: DUPLICATE_EMAIL });
    if (data.departmentIds.length) {
      await tx.insert(departmentMembers).values(data.departmentIds.map((departmentId) => ({ departmentId, userId: user.id })));
    }
    await queueInvite(tx, user);
    return { id: user.id, email: user.email };
  });
}

export type UpdatedAgent = { id: string; changed: string[]; sessionsEnded: boolean; releasedTickets: string[] };

/**
 * Changes an agent's name, tier, departments or active flag. A tier change or a deactivation bumps
 * the session version, so the agent's open sessions end at once; a deactivated agent's active
 * tickets go back to the queue (history written). Input `{ userId, name?, tier?, departmentIds?, active? }`.
 */
export async function updateAgent(actor: Actor, input: unknown): Promise<UpdatedAgent> {
  assertCan(actor, "agent.manage", "Only managers can change agents.");
  const { userId, ...data } = parseInput(updateAgentSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [agent] = await tx
      .select({ id: users.id, name: users.name, role: users.roleKey, active: users.active })
      .from(users)
      .where(and(eq(users.id, userId), isAgentRow))
      .for("update");
    if (!agent) throw notFound("This agent");

    const changed: string[] = [];
    const set: PgUpdateSetSource<typeof users> = {};
    if (data.name !== undefined && data.name !== agent.name) {
      set.name = data.name;
      changed.push("name");
    }
    if (data.tier !== undefined && data.tier !== agent.role) {
      set.roleKey = data.tier;
      changed.push("tier");
    }
    if (data.active !== undefined && data.active !== agent.active) {
      set.active = data.active;
      changed.push("active");
    }

    if (data.departmentIds !== undefined) {
      const current = await tx
        .select({ id: departmentMembers.departmentId })
        .from(departmentMembers)
        .where(eq(departmentMembers.userId, agent.id));
      const before = new Set(current.map((r) => r.id));
      const after = new Set(data.departmentIds);
      if (before.size !== after.size || [...after].some((id) => !before.has(id))) {
        await checkDepartments(tx, [...after], [...before]);
        await tx.delete(departmentMembers).where(eq(departmentMembers.userId, agent.id));
        if (after.size) await tx.insert(departmentMembers).values([...after].map((departmentId) => ({ departmentId, userId: agent.id })));
        changed.push("departments");
      }
    }
    if (changed.length === 0) throw new AppError("invalid", "Nothing to change: the agent already looks like that.");

    const sessionsEnded = set.roleKey !== undefined || set.active === false;
    if (sessionsEnded) set.sessionVersion = sql`${users.sessionVersion} + 1`;
    if (Object.keys(set).length) {
      // The role condition again: the row cannot have been promoted meanwhile (it is locked), but the
      // update itself must never reach a non-agent.
      await tx.update(users).set({ ...set, updatedAt: now() }).where(and(eq(users.id, agent.id), isAgentRow));
    }
    if (sessionsEnded) await endAllSessions(tx, agent.id);
    const releasedTickets = set.active === false ? await releaseTickets(tx, actor, agent) : [];
    return { id: agent.id, changed, sessionsEnded, releasedTickets };
  });
}

/** Mails a fresh set-password link to an invited agent who has not set a password yet (the old link stops working). */
export async function resendAgentInvite(actor: Actor, input: unknown): Promise<{ email: string }> {
  assertCan(actor, "agent.manage", "Only managers can invite agents.");
  const { userId } = parseInput(agentRefSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [agent] = await tx
      .select({ id: users.id, name: users.name, email: users.email, active: users.active, hasPassword: sql<boolean>`${users.passwordHash} is not null` })
      .from(users)
      .where(and(eq(users.id, userId), isAgentRow));
    if (!agent) throw notFound("This agent");
    if (!agent.active) throw new AppError("invalid", "This agent is deactivated. Activate the account first.");
    if (agent.hasPassword) throw new AppError("invalid", "This agent has already set a password. They can use “Forgot password” if they lost it.");
    await queueInvite(tx, agent);
    return { email: agent.email };
  });
}
