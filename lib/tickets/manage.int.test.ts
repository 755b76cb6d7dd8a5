import { randomBytes } from "node:crypto";
import { count, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { attachmentBlobs, attachments, companies, counters, orders, projects, services, tasks, ticketHistory, tickets, users } from "@/db/schema";
import { createUser, mailsTo } from "@/lib/test/factories";
import { createTicketForClient, deleteTicket, editTicket } from "./admin";
import { addComment } from "./comments";
import { createTicket } from "./create";
import { assignTicket, deassignAll, markWontFix, setTicketPriority } from "./manage";
import { createDesk, historyOf, insertTicket, notificationsOf, refusal, snapshot, type Desk } from "./test-fixtures";

let desk: Desk;
beforeAll(async () => {
  desk = await createDesk();
});

const ticketCount = async () => {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(tickets);
  return row!.n;
};

describe("mass assignment", () => {
  it.each([
    ["assigneeId", { assigneeId: "00000000-0000-4000-8000-000000000000" }],
    ["status", { status: "closed" }],
    ["requesterId", { requesterId: "00000000-0000-4000-8000-000000000000" }],
    ["escalated", { escalated: true }],
    ["internal", { internal: true }],
  ])("a client sending %s is refused and nothing is created", async (_key, extra) => {
    const db = await getDb();
    const before = { tickets: await ticketCount(), counters: await db.select().from(counters) };
    const error = await refusal(createTicket(desk.client, { title: "Sneaky", body: "Let me pick", ...extra }));
    expect(error.code).toBe("invalid");
    expect(error.fieldErrors?._form).toBe("The form sent fields it may not set.");
    expect(await ticketCount()).toBe(before.tickets);
    expect(await db.select().from(counters)).toEqual(before.counters);
  });

  it("a client reply with visibility or internal flags is refused", async () => {
    const t = await insertTicket({ requester: desk.client });
    const before = await snapshot(t.id);
    for (const extra of [{ visibility: "internal" }, { visibility: "public" }, { internal: true }, { authorId: desk.agent.id }]) {
      expect((await refusal(addComment(desk.client, { ticketId: t.id, body: "hi", ...extra }))).code).toBe("invalid");
    }
    expect(await snapshot(t.id)).toEqual(before);
  });

  it("checks links against the requester: other clients' orders and other companies' projects are refused", async () => {
    const db = await getDb();
    const stranger = await createUser("client");
    const [service] = await db.insert(services).values({ name: "VPS small", type: "vps", billingPeriod: "monthly", priceMinor: 500 }).returning();
    const [mine] = await db.insert(orders).values({ serviceId: service!.id, clientId: desk.client.id, instanceName: "vps-1" }).returning();
    const [theirs] = await db.insert(orders).values({ serviceId: service!.id, clientId: stranger.id, instanceName: "vps-2" }).returning();
    const [company] = await db.insert(companies).values({ name: "Elsewhere Ltd" }).returning();
    const [foreign] = await db.insert(projects).values({ companyId: company!.id, name: "Their project" }).returning();
    const [own] = await db.insert(projects).values({ companyId: desk.companyId, name: "Our project" }).returning();
    const [task] = await db.insert(tasks).values({ projectId: own!.id, name: "Our task" }).returning();

    const bad = await refusal(createTicket(desk.client, { title: "Links", body: "x", orderId: theirs!.id, projectId: foreign!.id }));
    expect(bad.fieldErrors).toEqual({ orderId: "Choose one of your orders.", projectId: "Choose a project of your company." });

    const ok = await createTicket(desk.client, { title: "Links", body: "x", orderId: mine!.id, taskId: task!.id, departmentId: "" });
    const [row] = await db.select().from(tickets).where(eq(tickets.id, ok.id));
    expect(row).toMatchObject({ orderId: mine!.id, serviceId: service!.id, projectId: own!.id, taskId: task!.id, companyId: desk.companyId, departmentId: null });
  });
});

describe("manager tools", () => {
  it("won't fix needs a reason; with one, the client is mailed it and the ticket is final", async () => {
    const t = await insertTicket({ requester: desk.client, status: "in_progress", assignee: desk.agent });
    const before = await snapshot(t.id);
    for (const reason of [undefined, "", "   ", "no"]) {
      const error = await refusal(markWontFix(desk.manager, { ticketId: t.id, ...(reason === undefined ? {} : { reason }) }));
      expect(error.fieldErrors?.reason).toBeTruthy();
    }
    expect(await snapshot(t.id)).toEqual(before);

    await markWontFix(desk.manager, { ticketId: t.id, reason: "The legacy module is retired next month." });
    const mail = (await mailsTo(desk.client.email)).find((m) => m.type === "ticket.wont_fix");
    expect(mail?.text).toContain("The legacy module is retired next month.");
    const [h] = (await historyOf(t.id)).slice(-1);
    expect(h).toMatchObject({ action: "wont_fix", oldValue: "in_progress", newValue: "wont_fix", comment: "The legacy module is retired next month." });
    expect((await refusal(setTicketPriority(desk.manager, { ticketId: t.id, priority: "high" }))).code).toBe("invalid");
  });

  it("reassigns only to an active agent of the ticket's line and mails the new assignee", async () => {
    const t = await insertTicket({ requester: desk.client, status: "in_progress", assignee: desk.agent });
    const second = await createUser("agent_l2");
    const idle = await createUser("agent", { name: "Ida Idle" });
    const gone = await createUser("agent");
    const db = await getDb();
    await db.update(users).set({ active: false }).where(eq(users.id, gone.id));
    for (const wrong of [second.id, gone.id, desk.client.id, desk.accountant.id]) {
      const error = await refusal(assignTicket(desk.manager, { ticketId: t.id, assigneeId: wrong }));
      expect(error.fieldErrors?.assigneeId).toMatch(/first-line agent/);
    }
    expect((await refusal(assignTicket(desk.manager, { ticketId: t.id, assigneeId: desk.agent.id }))).message).toMatch(/already assigned/);

    await assignTicket(desk.manager, { ticketId: t.id, assigneeId: idle.id });
    expect((await mailsTo(idle.email)).map((m) => m.type)).toEqual(["ticket.assigned"]);
    expect((await notificationsOf(idle.id)).map((n) => n.channel).sort()).toEqual(["email", "in_app"]);
    expect((await notificationsOf(desk.agent.id)).some((n) => n.type === "ticket.unassigned")).toBe(true);

    await assignTicket(desk.manager, { ticketId: t.id, assigneeId: desk.manager.id });
    expect(await mailsTo(desk.manager.email)).toEqual([]); // assigning oneself mails nobody
  });

  it("sets priority with a history row", async () => {
    const t = await insertTicket({ requester: desk.client, priority: "low" });
    await setTicketPriority(desk.manager, { ticketId: t.id, priority: "critical" });
    expect((await historyOf(t.id)).map((h) => [h.field, h.oldValue, h.newValue])).toEqual([["priority", "low", "critical"]]);
    expect((await refusal(setTicketPriority(desk.manager, { ticketId: t.id, priority: "critical" }))).message).toMatch(/already/);
  });

  it("de-assigns every ticket in progress or waiting in one go, one history row each", async () => {
    const a = await insertTicket({ requester: desk.client, status: "in_progress", assignee: desk.agent });
    const b = await insertTicket({ requester: desk.client, status: "waiting_for_customer", assignee: desk.agent_l2, escalated: true, publicReplyBy: desk.agent_l2 });
    const open = await insertTicket({ requester: desk.client });
    const closed = await insertTicket({ requester: desk.client, status: "closed", assignee: desk.agent });
    const result = await deassignAll(desk.manager, { ip: "192.0.2.1" });
    expect(result.numbers).toEqual(expect.arrayContaining([a.number, b.number]));
    expect(result.numbers).not.toContain(open.number);
    expect(result.numbers).not.toContain(closed.number);
    const db = await getDb();
    const rows = await db.select().from(tickets).where(inArray(tickets.id, [a.id, b.id, closed.id]));
    expect(rows.find((r) => r.id === a.id)).toMatchObject({ status: "open", assigneeId: null });
    expect(rows.find((r) => r.id === b.id)).toMatchObject({ status: "open", assigneeId: null, escalated: true });
    expect(rows.find((r) => r.id === closed.id)).toMatchObject({ status: "closed", assigneeId: desk.agent.id });
    const [h] = await historyOf(b.id);
    expect(h).toMatchObject({ action: "deassigned", oldValue: "waiting_for_customer", newValue: "open", actorId: desk.manager.id });
    expect(h!.metadata).toMatchObject({ ip: "192.0.2.1", previousAssigneeId: desk.agent_l2.id });
    expect((await historyOf(a.id))).toHaveLength(1);
    expect((await deassignAll(desk.manager)).count).toBe(0);
  });
});

describe("admin tools", () => {
  it("creates a ticket on behalf of a client, who gets the auto-reply", async () => {
    const created = await createTicketForClient(desk.admin, { requesterId: desk.client.id, title: "Called in by phone", body: "Needs a reset", priority: "critical" });
    const db = await getDb();
    const [row] = await db.select().from(tickets).where(eq(tickets.id, created.id));
    expect(row).toMatchObject({ requesterId: desk.client.id, priority: "critical", status: "open" });
    const [h] = await historyOf(created.id);
    expect(h).toMatchObject({ action: "created", actorId: desk.admin.id });
    expect(h!.metadata).toMatchObject({ onBehalfOf: desk.client.id });
    expect((await mailsTo(desk.client.email)).some((m) => m.subject.includes(created.number))).toBe(true);
    expect((await refusal(createTicketForClient(desk.manager, { requesterId: desk.client.id, title: "No", body: "No" }))).code).toBe("forbidden");
  });

  it("edits fields with one history row each, mails a status change, refuses a no-op", async () => {
    const t = await insertTicket({ requester: desk.client, title: "Old title", status: "in_progress", assignee: desk.agent });
    const result = await editTicket(desk.admin, { ticketId: t.id, title: "New title", priority: "high", status: "closed" });
    expect(result.changed.sort()).toEqual(["priority", "status", "title"]);
    expect((await historyOf(t.id)).map((h) => [h.field, h.oldValue, h.newValue])).toEqual([
      ["title", "Old title", "New title"],
      ["priority", "normal", "high"],
      ["status", "in_progress", "closed"],
    ]);
    expect((await mailsTo(desk.client.email)).some((m) => m.type === "ticket.closed" && m.subject.includes(t.number))).toBe(true);
    const error = await refusal(editTicket(desk.admin, { ticketId: t.id, title: "New title" }));
    expect(error.message).toMatch(/Nothing to change/);
  });

  it("deletes a ticket with its attachments' bytes; the history survives without the ticket", async () => {
    const t = await insertTicket({ requester: desk.client });
    await addComment(desk.agent, { ticketId: t.id, body: "internal", visibility: "internal" });
    const db = await getDb();
    const key = () => `att/${randomBytes(8).toString("hex")}`;
    const [k1, k2, unrelated] = [key(), key(), key()];
    await db.insert(attachmentBlobs).values([k1, k2, unrelated].map((k) => ({ key: k, data: Buffer.from("bytes") })));
    await db.insert(attachments).values([
      { ticketId: t.id, filename: "a.png", storageKey: k1, size: 5, mimeType: "image/png" },
      { ticketId: t.id, filename: "b.pdf", storageKey: k2, size: 5, mimeType: "application/pdf" },
    ]);

    expect((await refusal(deleteTicket(desk.manager, { ticketId: t.id }))).code).toBe("forbidden");
    expect(await deleteTicket(desk.admin, { ticketId: t.id })).toEqual({ number: t.number });

    expect(await db.select().from(tickets).where(eq(tickets.id, t.id))).toEqual([]);
    expect((await db.select({ key: attachmentBlobs.key }).from(attachmentBlobs)).map((b) => b.key)).toEqual([unrelated]);
    const history = await db.select().from(ticketHistory).where(eq(ticketHistory.ticketNumber, t.number)).orderBy(ticketHistory.id);
    expect(history.map((h) => [h.action, h.ticketId])).toEqual([
      ["internal_note", null],
      ["attachments_purged", null],
      ["deleted", null],
    ]);
    expect(history[2]!.actorId).toBe(desk.admin.id);
  });
});
