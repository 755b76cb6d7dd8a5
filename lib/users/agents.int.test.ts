import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { departmentMembers, departments, notifications, tickets, users } from "@/db/schema";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { authenticate } from "@/lib/auth/authenticate";
import { resetPassword } from "@/lib/auth/reset";
import { AppError } from "@/lib/errors";
import { createTicket } from "@/lib/tickets/create";
import { takeTicket } from "@/lib/tickets/transitions";
import { createUser, mailsTo, tokenFrom } from "@/lib/test/factories";
import { inviteAgent, resendAgentInvite, updateAgent } from "./agents";
import { getAgent, listAgents, searchClients } from "./queries";

const IP = "203.0.113.9";

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function department(name: string, isActive = true): Promise<string> {
  const db = await getDb();
  const [row] = await db.insert(departments).values({ name, isActive }).returning({ id: departments.id });
  return row!.id;
}

async function userRow(id: string) {
  const db = await getDb();
  const [row] = await db
    .select({ name: users.name, role: users.roleKey, active: users.active, sessionVersion: users.sessionVersion, hasPassword: users.passwordHash })
    .from(users)
    .where(eq(users.id, id));
  return row!;
}

async function memberships(userId: string) {
  const db = await getDb();
  const rows = await db.select({ id: departmentMembers.departmentId }).from(departmentMembers).where(eq(departmentMembers.userId, userId));
  return rows.map((r) => r.id).sort();
}

/** Everything a refused call could have touched: users, memberships, mail. */
async function snapshot() {
  const db = await getDb();
  const all = await db.select({ id: users.id, name: users.name, role: users.roleKey, active: users.active, sv: users.sessionVersion }).from(users);
  const members = await db.select().from(departmentMembers);
  const mail = await db.select({ id: notifications.id }).from(notifications);
  return { all: all.sort((a, b) => a.id.localeCompare(b.id)), members: members.length, mail: mail.length };
}

describe("inviting an agent", () => {
  it("creates a password-less agent and mails a set-password link that works with the reset flow", async () => {
    const manager = await createUser("manager");
    const support = await department("Support desk");
    const created = await inviteAgent(manager, { name: "Nina New", email: "Nina@Example.test", tier: "agent_l2", departmentIds: [support] });
    expect(created.email).toBe("nina@example.test");

    const row = await userRow(created.id);
    expect(row).toMatchObject({ name: "Nina New", role: "agent_l2", active: true, hasPassword: null });
    expect(await memberships(created.id)).toEqual([support]);
    const listed = (await listAgents(manager)).find((a) => a.id === created.id);
    expect(listed).toMatchObject({ tier: "agent_l2", active: true, hasPassword: false, activeTickets: 0, departments: [{ id: support, name: "Support desk" }] });

    const [mail] = await mailsTo("nina@example.test");
    expect(mail?.type).toBe("account.agent_invited");
    expect(mail?.subject).toMatch(/invited/i);
    expect(mail?.text).toContain("/reset-password?token=");

    // No password yet: nobody can sign in as the new agent.
    expect((await refusal(authenticate({ email: "nina@example.test", password: "nina-password-1" }, IP))).code).toBeDefined();
    await resetPassword({ token: tokenFrom(mail!.text), password: "nina-password-1", confirmPassword: "nina-password-1" });
    const signedIn = await authenticate({ email: "nina@example.test", password: "nina-password-1" }, IP);
    expect(signedIn.role).toBe("agent_l2");

    // The link is single use.
    const again = await refusal(resetPassword({ token: tokenFrom(mail!.text), password: "other-password-1", confirmPassword: "other-password-1" }));
    expect(again.message).toMatch(/not valid any more/);
  });

  it("refuses a taken address (any case, any role) with a field error and changes nothing", async () => {
    const manager = await createUser("manager");
    await createUser("client", { email: "taken@example.test" });
    const before = await snapshot();
    const error = await refusal(inviteAgent(manager, { name: "Copy", email: "TAKEN@example.test", tier: "agent", departmentIds: [] }));
    expect(error.fieldErrors?.email).toMatch(/already exists/);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses bad input, a manager or admin tier, unknown keys and inactive departments, and changes nothing", async () => {
    const manager = await createUser("manager");
    const closed = await department("Closed desk", false);
    const before = await snapshot();
    const bad = await refusal(inviteAgent(manager, { name: "", email: "nope", tier: "agent", departmentIds: ["x"] }));
    expect(bad.fieldErrors).toMatchObject({ name: expect.any(String), email: expect.stringMatching(/valid e-mail/), "departmentIds.0": expect.any(String) });
    for (const tier of ["manager", "admin", "client"]) {
      const error = await refusal(inviteAgent(manager, { name: "Boss", email: "boss@example.test", tier, departmentIds: [] }));
      expect(error.fieldErrors?.tier).toMatch(/first line or second line/);
    }
    const extra = await refusal(inviteAgent(manager, { name: "Sly", email: "sly@example.test", tier: "agent", departmentIds: [], role: "admin" }));
    expect(extra.fieldErrors?._form).toMatch(/may not set/);
    const inactive = await refusal(inviteAgent(manager, { name: "Ina", email: "ina@example.test", tier: "agent", departmentIds: [closed] }));
    expect(inactive.fieldErrors?.departmentIds).toMatch(/active departments/);
    expect(await snapshot()).toEqual(before);
    expect(await mailsTo("ina@example.test")).toHaveLength(0);
  });

  it("re-sends an invitation until the agent has a password; the old link stops working", async () => {
    const manager = await createUser("manager");
    const { id } = await inviteAgent(manager, { name: "Rob Resend", email: "rob@example.test", tier: "agent", departmentIds: [] });
    const first = tokenFrom((await mailsTo("rob@example.test"))[0]!.text);
    await resendAgentInvite(manager, { userId: id });
    const second = tokenFrom((await mailsTo("rob@example.test"))[0]!.text);
    expect(second).not.toBe(first);
    expect((await refusal(resetPassword({ token: first, password: "rob-password-1", confirmPassword: "rob-password-1" }))).code).toBe("invalid");
    await resetPassword({ token: second, password: "rob-password-1", confirmPassword: "rob-password-1" });
    expect((await refusal(resendAgentInvite(manager, { userId: id }))).message).toMatch(/already set a password/);
  });
});

describe("changing an agent", () => {
  it("a tier change ends the agent's sessions; a name or department change does not", async () => {
    const manager = await createUser("manager");
    const agent = await createUser("agent", { name: "Tia Tier" });
    const it1 = await department("Tier one");
    const r1 = await updateAgent(manager, { userId: agent.id, name: "Tia T.", departmentIds: [it1] });
    expect(r1).toMatchObject({ changed: ["name", "departments"], sessionsEnded: false });
    expect(await loadActor(agent.id, 0)).not.toBeNull();

    const r2 = await updateAgent(manager, { userId: agent.id, tier: "agent_l2" });
    expect(r2).toMatchObject({ changed: ["tier"], sessionsEnded: true });
    expect(await loadActor(agent.id, 0)).toBeNull();
    const fresh = await loadActor(agent.id, 1);
    expect(fresh?.role).toBe("agent_l2");
    expect(fresh?.permissions.has("ticket.view_escalated")).toBe(true);
    expect(fresh?.permissions.has("ticket.view_queue")).toBe(false);
  });

  it("deactivating ends sessions and returns the agent's active tickets to the queue", async () => {
    const manager = await createUser("manager");
    const client = await createUser("client");
    const agent = await createUser("agent", { name: "Dora Deactivated" });
    const ticket = await createTicket(client, { title: "Printer on fire", body: "Smoke everywhere." });
    await takeTicket(agent, { ticketId: ticket.id });
    await createTicket(client, { title: "Someone else's", body: "Not this agent's." });
    expect((await getAgent(manager, agent.id)).activeTickets).toBe(1);

    const result = await updateAgent(manager, { userId: agent.id, active: false });
    expect(result).toMatchObject({ changed: ["active"], sessionsEnded: true, releasedTickets: [ticket.number] });
    expect(await loadActor(agent.id, 0)).toBeNull();
    expect(await loadActor(agent.id, 1)).toBeNull(); // inactive: no session at all
    const db = await getDb();
    const [t] = await db.select({ status: tickets.status, assigneeId: tickets.assigneeId }).from(tickets).where(eq(tickets.id, ticket.id));
    expect(t).toEqual({ status: "open", assigneeId: null });
    expect((await refusal(authenticate({ email: agent.email, password: "correct horse battery" }, IP))).code).toBeDefined();

    const back = await updateAgent(manager, { userId: agent.id, active: true });
    expect(back).toMatchObject({ changed: ["active"], sessionsEnded: false });
    expect(await getAgent(manager, agent.id)).toMatchObject({ active: true, activeTickets: 0 });
  });

  it("a manager cannot touch clients, managers or admins, nor promote an agent", async () => {
    const manager = await createUser("manager");
    const agent = await createUser("agent");
    const others: Actor[] = [await createUser("client"), await createUser("manager"), await createUser("admin"), await createUser("accountant")];
    const before = await snapshot();
    for (const other of others) {
      const error = await refusal(updateAgent(manager, { userId: other.id, name: "Hijacked", tier: "agent" }));
      expect(error.code).toBe("not_found");
      expect((await refusal(getAgent(manager, other.id))).code).toBe("not_found");
      expect((await refusal(resendAgentInvite(manager, { userId: other.id }))).code).toBe("not_found");
    }
    for (const tier of ["manager", "admin"]) {
      const error = await refusal(updateAgent(manager, { userId: agent.id, tier }));
      expect(error.fieldErrors?.tier).toBeDefined();
    }
    const sneaky = await refusal(updateAgent(manager, { userId: agent.id, role: "admin" }));
    expect(sneaky.fieldErrors?._form).toMatch(/may not set/);
    expect(await snapshot()).toEqual(before);
    const listed = (await listAgents(manager)).map((a) => a.id);
    expect(listed).toContain(agent.id);
    for (const other of others) expect(listed).not.toContain(other.id);
  });

  it("an agent (or a client) cannot call any of it", async () => {
    const agent = await createUser("agent");
    const client = await createUser("client");
    const target = await createUser("agent");
    const before = await snapshot();
    for (const actor of [agent, client]) {
      expect((await refusal(inviteAgent(actor, { name: "X", email: "x@example.test", tier: "agent", departmentIds: [] }))).code).toBe("forbidden");
      expect((await refusal(updateAgent(actor, { userId: target.id, tier: "agent_l2" }))).code).toBe("forbidden");
      expect((await refusal(resendAgentInvite(actor, { userId: target.id }))).code).toBe("forbidden");
      expect((await refusal(listAgents(actor))).code).toBe("forbidden");
      expect((await refusal(searchClients(actor, { q: "" }))).code).toBe("forbidden");
    }
    expect(await snapshot()).toEqual(before);
  });

  it("bad input and no-op edits change nothing", async () => {
    const manager = await createUser("manager");
    const agent = await createUser("agent", { name: "Same Name" });
    const before = await snapshot();
    const bad = await refusal(updateAgent(manager, { userId: agent.id, name: " ", active: "yes", departmentIds: "all" }));
    expect(bad.fieldErrors).toMatchObject({ name: expect.any(String), active: expect.any(String), departmentIds: expect.any(String) });
    const noop = await refusal(updateAgent(manager, { userId: agent.id, name: "Same Name", tier: "agent", active: true, departmentIds: [] }));
    expect(noop.message).toMatch(/Nothing to change/);
    expect((await refusal(updateAgent(manager, { userId: "not-a-uuid", name: "X" }))).fieldErrors?.userId).toBeDefined();
    expect(await snapshot()).toEqual(before);
  });
});

describe("finding clients for an admin's ticket", () => {
  it("matches name or e-mail, active clients only, wildcards taken literally", async () => {
    const admin = await createUser("admin");
    await createUser("client", { name: "Carla Customer", email: "carla@example.test" });
    await createUser("agent", { name: "Carl Agent", email: "carl@example.test" });
    const gone = await createUser("client", { name: "Carlos Gone", email: "carlos@example.test" });
    const db = await getDb();
    await db.update(users).set({ active: false }).where(eq(users.id, gone.id));
    expect((await searchClients(admin, { q: "carl" })).map((c) => c.email)).toEqual(["carla@example.test"]);
    expect((await searchClients(admin, { q: "CUSTOMER" })).map((c) => c.name)).toEqual(["Carla Customer"]);
    expect(await searchClients(admin, { q: "%" })).toEqual([]);
  });
});
