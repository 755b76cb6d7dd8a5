import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { departments, tickets, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { resetClock, setClock } from "@/lib/clock";
import { encodeCursor } from "@/lib/pagination";
import { createUser } from "@/lib/test/factories";
import { createTicket } from "./create";
import { getTicketDetail, listAssignableAgents } from "./detail";
import { countTicketsUpTo, formatCount } from "./bounded-count";
import { countTickets, listTickets } from "./list";
import { takeTicket } from "./transitions";
import { createDesk, insertTicket, refusal, type Desk } from "./test-fixtures";

let desk: Desk;
const T0 = Date.parse("2025-02-03T08:00:00.000Z");
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
afterAll(() => resetClock());
beforeAll(async () => {
  setClock(() => at(0));
  desk = await createDesk();
});

describe("queues", () => {
  it("sort critical first, then oldest first, and page with a keyset cursor without gaps or repeats", async () => {
    const q = [
      await insertTicket({ requester: desk.client, priority: "low", createdAt: at(1) }),
      await insertTicket({ requester: desk.client, priority: "critical", createdAt: at(5) }),
      await insertTicket({ requester: desk.client, priority: "normal", createdAt: at(2) }),
      await insertTicket({ requester: desk.client, priority: "critical", createdAt: at(3) }),
      await insertTicket({ requester: desk.client, priority: "high", createdAt: at(4) }),
      await insertTicket({ requester: desk.client, priority: "normal", createdAt: at(2) }), // same time as q[2]
    ];
    await insertTicket({ requester: desk.client, escalated: true, priority: "critical" }); // second line: not in this queue
    await insertTicket({ requester: desk.client, status: "in_progress", assignee: desk.agent }); // taken: not in the queue

    const sameTime = [q[2]!, q[5]!].sort((a, b) => (a.id < b.id ? -1 : 1)).map((t) => t.number);
    const expected = [q[3]!.number, q[1]!.number, q[4]!.number, ...sameTime, q[0]!.number];

    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 5; page++) {
      const result = await listTickets(desk.agent, { scope: "queue", limit: 2, cursor });
      expect(result.sort).toBe("priority");
      seen.push(...result.items.map((t) => t.number));
      if (!result.nextCursor) break;
      cursor = result.nextCursor;
      if (page === 0) await insertTicket({ requester: desk.client, priority: "critical", createdAt: at(0) }); // lands before the cursor
    }
    expect(seen).toEqual(expected);
    expect(await countTickets(desk.agent, "queue")).toEqual({ n: 7, more: false });
    // Badges stop counting past the cap and say so.
    const queue = and(eq(tickets.type, "support"), eq(tickets.status, "open"), eq(tickets.escalated, false));
    expect(await countTicketsUpTo(await getDb(), queue, 7)).toEqual({ n: 7, more: false });
    expect(await countTicketsUpTo(await getDb(), queue, 6)).toEqual({ n: 6, more: true });
    expect(formatCount({ n: 1000, more: true })).toBe("1,000+");
  });

  it("second line sees only escalated tickets; first line cannot list them", async () => {
    const items = (await listTickets(desk.agent_l2, { scope: "escalated" })).items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((t) => t.escalated && t.status === "open")).toBe(true);
    expect((await refusal(listTickets(desk.agent, { scope: "escalated" }))).code).toBe("forbidden");
    expect((await refusal(listTickets(desk.agent_l2, { scope: "queue" }))).code).toBe("forbidden");
  });

  it("a tampered cursor reads as the first page", async () => {
    const first = await listTickets(desk.agent, { scope: "queue", limit: 2 });
    const bad = [encodeCursor({ s: "priority", v: ["critical", "not-a-date", "x"] }), "%%%", encodeCursor({ s: "newest", v: [] })];
    for (const cursor of bad) expect((await listTickets(desk.agent, { scope: "queue", limit: 2, cursor })).items).toEqual(first.items);
  });
});

describe("filters and scopes", () => {
  it("filter by department, status and priority; mine sorts by last activity", async () => {
    const db = await getDb();
    const [dept] = await db.insert(departments).values({ name: "Networks" }).returning();
    setClock(() => at(100));
    const net = await createTicket(desk.client, { title: "Switch down", body: "Port 3", departmentId: dept!.id, priority: "high" });
    setClock(() => at(101));
    await takeTicket(desk.agent, { ticketId: net.id });

    const byDept = await listTickets(desk.manager, { scope: "all", departmentId: dept!.id });
    expect(byDept.items.map((t) => [t.number, t.department, t.assigneeName])).toEqual([[net.number, "Networks", desk.agent.name]]);
    expect((await listTickets(desk.agent, { scope: "assigned", status: "active" })).items.map((t) => t.number)).toContain(net.number);
    expect((await listTickets(desk.agent, { scope: "assigned", status: "done" })).items.map((t) => t.number)).not.toContain(net.number);
    expect((await listTickets(desk.manager, { scope: "all", priority: "high", status: "in_progress" })).items.map((t) => t.number)).toEqual([net.number]);

    const mine = await listTickets(desk.client, { scope: "mine" });
    expect(mine.sort).toBe("activity");
    expect(mine.items[0]!.number).toBe(net.number);
  });

  it("refuses unknown filter keys", async () => {
    expect((await refusal(listTickets(desk.client, { scope: "mine", requesterId: desk.agent.id }))).code).toBe("invalid");
  });
});

describe("ticket detail", () => {
  it("gives staff the history and the actions they may take", async () => {
    const t = await insertTicket({ requester: desk.client });
    const forAgent = await getTicketDetail(desk.agent, t.number);
    expect(forAgent.actions.take).toEqual({ ok: true });
    expect(forAgent.actions.close.ok).toBe(false);
    expect(forAgent.actions.delete.ok).toBe(false);
    expect(forAgent.ticket.requesterEmail).toBe(desk.client.email);
    await takeTicket(desk.agent, { ticketId: t.id });
    const after = await getTicketDetail(desk.agent, t.number.toLowerCase());
    expect(after.history.map((h) => h.action)).toEqual(["taken", "taken"]);
    expect(after.actions.take.ok).toBe(false);
    expect(after.actions.reply.ok).toBe(true);
    expect((await refusal(getTicketDetail(desk.agent, "not-a-number"))).code).toBe("not_found");
  });
});

describe("assignable agents", () => {
  it("lists the line's agents, managers and admins, active only", async () => {
    const gone = await createUser("agent", { name: "Gone Agent" });
    const db = await getDb();
    await db.update(users).set({ active: false }).where(eq(users.id, gone.id));
    const first = await insertTicket({ requester: desk.client });
    const second = await insertTicket({ requester: desk.client, escalated: true });
    const names = async (ticketId: string, a: Actor = desk.manager) => (await listAssignableAgents(a, { ticketId })).map((u) => u.role).sort();
    expect(await names(first.id)).toEqual(["admin", "agent", "manager"]);
    expect(await names(second.id)).toEqual(["admin", "agent_l2", "manager"]);
    expect((await refusal(listAssignableAgents(desk.agent, { ticketId: first.id }))).code).toBe("forbidden");
  });

  it("counts each agent's own active tickets (not the ticket's)", async () => {
    const ticket = await insertTicket({ requester: desk.client });
    await takeTicket(desk.agent, { ticketId: ticket.id });
    const load = async () =>
      Object.fromEntries((await listAssignableAgents(desk.manager, { ticketId: ticket.id })).map((u) => [u.id, u.activeTickets]));
    const before = await load();
    const another = await insertTicket({ requester: desk.client });
    await takeTicket(desk.agent, { ticketId: another.id });
    const after = await load();
    expect(after[desk.agent.id]).toBe((before[desk.agent.id] ?? 0) + 1);
    expect(after[desk.manager.id]).toBe(before[desk.manager.id]);
  });
});
