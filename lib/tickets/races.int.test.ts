/**
 * Concurrency. On PostgreSQL (DATABASE_URL) these run truly in parallel on a pool; PGlite runs
 * transactions one after another. The assertions hold for both: one winner, distinct consecutive numbers.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { counters, notifications, tickets } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { resetClock, setClock } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { createUser } from "@/lib/test/factories";
import { addComment } from "./comments";
import { createTicket } from "./create";
import { assignTicket } from "./manage";
import { closeTicket, takeTicket } from "./transitions";
import { createDesk, deskRollups, historyOf, insertTicket, type Desk } from "./test-fixtures";

let desk: Desk;
let agentB: Actor;
beforeAll(async () => {
  desk = await createDesk();
  agentB = await createUser("agent", { name: "Bea Agent" });
});
afterEach(() => resetClock());

describe("two agents take the same ticket at once", () => {
  it.each([1, 2, 3, 4, 5])("exactly one wins, the other is told who did (round %i)", async () => {
    const t = await insertTicket({ requester: desk.client });
    const results = await Promise.allSettled([takeTicket(desk.agent, { ticketId: t.id }), takeTicket(agentB, { ticketId: t.id })]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const error = lost[0]!.reason as AppError;
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("conflict");
    const winner = results[0]!.status === "fulfilled" ? desk.agent : agentB;
    expect(error.message).toBe(`${winner.name} took this ticket a moment ago. Pick another one from the queue.`);

    const db = await getDb();
    const [row] = await db.select().from(tickets).where(eq(tickets.id, t.id));
    expect(row).toMatchObject({ status: "in_progress", assigneeId: winner.id });
    expect((await historyOf(t.id)).filter((h) => h.action === "taken")).toHaveLength(2); // assignee + status, once
  });

  it("a manager's assignment racing an agent's take leaves one consistent outcome", async () => {
    const t = await insertTicket({ requester: desk.client });
    const results = await Promise.allSettled([
      takeTicket(desk.agent, { ticketId: t.id }),
      assignTicket(desk.manager, { ticketId: t.id, assigneeId: agentB.id }),
    ]);
    // Serialized, both may apply one after the other (take, then reassign); truly concurrent, the
    // later one may conflict. Either way the row agrees with the last assignment in the history.
    for (const r of results) if (r.status === "rejected") expect((r.reason as AppError).code).toBe("conflict");
    expect(results.some((r) => r.status === "fulfilled")).toBe(true);
    const db = await getDb();
    const [row] = await db.select().from(tickets).where(eq(tickets.id, t.id));
    const lastAssignment = (await historyOf(t.id)).filter((h) => h.field === "assignee").at(-1);
    expect(lastAssignment?.metadata.assigneeId).toBe(row!.assigneeId);
    expect(row!.status).toBe("in_progress");
  });
});

describe("statistics rollups under concurrent closes", () => {
  it("30 tickets closed at once by two agents are all counted, as a recount from scratch finds", async () => {
    setClock(() => new Date("2031-02-03T09:00:00.000Z"));
    const agents = [desk.agent, agentB];
    const open = [];
    for (let i = 0; i < 30; i++) {
      const agent = agents[i % 2]!;
      const t = await insertTicket({ requester: desk.client });
      await takeTicket(agent, { ticketId: t.id });
      await addComment(agent, { ticketId: t.id, body: "Fixed.", visibility: "public" });
      open.push({ agent, id: t.id });
    }
    setClock(() => new Date("2031-02-03T11:00:00.000Z"));
    await Promise.all(open.map((t) => closeTicket(t.agent, { ticketId: t.id })));

    const kept = await deskRollups();
    expect(kept.days.find((d) => d.day === "2031-02-03")).toMatchObject({ opened: 30, closed: 30 });
    const closes = (a: Actor) => kept.agents.filter((r) => r.agent_id === a.id && r.day === "2031-02-03").reduce((n, r) => n + Number(r.closes), 0);
    expect([closes(desk.agent), closes(agentB)]).toEqual([15, 15]);
    const resolutions = kept.durations.filter((r) => r.day === "2031-02-03").flatMap((r) => r.resolution.split(",").filter(Boolean));
    expect(resolutions).toHaveLength(30);
    await (await getDb()).execute(sql`SELECT rebuild_desk_stats()`);
    expect(await deskRollups()).toEqual(kept);
  });
});

describe("ticket numbers under load", () => {
  it("100 tickets created at once on one day get 100 distinct consecutive numbers", async () => {
    setClock(() => new Date("2031-01-02T10:00:00.000Z"));
    const created = await Promise.all(
      Array.from({ length: 100 }, (_, i) => createTicket(desk.client, { title: `Load test ${i}`, body: "Same day" })),
    );
    const sequence = created.map((c) => c.number).sort();
    expect(new Set(sequence).size).toBe(100);
    expect(sequence[0]).toBe("TKT-20310102-0001");
    expect(sequence[99]).toBe("TKT-20310102-0100");
    expect(sequence).toEqual(Array.from({ length: 100 }, (_, i) => `TKT-20310102-${String(i + 1).padStart(4, "0")}`));
    const db = await getDb();
    const [counter] = await db.select().from(counters).where(eq(counters.scope, "ticket:20310102"));
    expect(counter?.value).toBe(100);

    setClock(() => new Date("2031-01-03T00:00:00.000Z"));
    expect((await createTicket(desk.client, { title: "Next day", body: "New sequence" })).number).toBe("TKT-20310103-0001");
  });

  it("past the day's 9,999th ticket the number grows a digit, in the row, its history and its mails", async () => {
    setClock(() => new Date("2031-03-07T10:00:00.000Z"));
    const db = await getDb();
    await db
      .insert(counters)
      .values({ scope: "ticket:20310307", value: 9998 })
      .onConflictDoUpdate({ target: counters.scope, set: { value: 9998 } });
    const [a, b] = await Promise.all([
      createTicket(desk.client, { title: "Ticket 9999", body: "Four digits" }),
      createTicket(desk.client, { title: "Ticket 10000", body: "Five digits" }),
    ]);
    expect([a!.number, b!.number].sort()).toEqual(["TKT-20310307-10000", "TKT-20310307-9999"]);
    const [row] = await db.select({ number: tickets.number }).from(tickets).where(eq(tickets.id, b!.id));
    expect(row?.number).toBe(b!.number);
    expect((await historyOf(b!.id)).map((h) => h.ticketNumber)).toEqual([b!.number]);
    const mails = await db
      .select({ subject: notifications.subject, text: notifications.text, html: notifications.html })
      .from(notifications)
      .where(and(eq(notifications.ticketId, b!.id), eq(notifications.channel, "email")));
    expect(mails).toHaveLength(2);
    for (const m of mails) {
      expect(m.subject).toContain(b!.number);
      expect(m.text).toContain(b!.number);
      expect(m.html).toContain(b!.number);
      expect(m.text).not.toMatch(/TKT-20310307-[A-Z]{4}/);
    }
  });
});
