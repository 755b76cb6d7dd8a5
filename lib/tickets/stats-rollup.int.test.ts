/**
 * The desk-statistics rollups (desk_days, desk_agent_days) are kept by triggers at commit. After a
 * workflow that touches every way a count can move — create, close, reopen, re-close, won't fix,
 * an admin's status edit, a delete, a rolled-back transaction, a ticket on another day — the rows
 * must equal a recount from scratch, and the statistics must equal PostgreSQL's own percentile_cont.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, rawRows } from "@/db";
import { NOBODY, tickets } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { resetClock, setClock } from "@/lib/clock";
import { createUser } from "@/lib/test/factories";
import { editTicket, deleteTicket } from "./admin";
import { addComment } from "./comments";
import { createTicket } from "./create";
import { assignTicket, markWontFix } from "./manage";
import { getDeskStats } from "./stats";
import { deskRollups } from "./test-fixtures";
import { closeTicket, reopenTicket, takeTicket } from "./transitions";

const NOW = Date.parse("2025-08-20T09:00:00.000Z");
const at = (minutes: number) => setClock(() => new Date(NOW + minutes * 60_000));

let client: Actor, a: Actor, b: Actor, manager: Actor, admin: Actor;

async function handled(agent: Actor, minutes: number, reply: number, close: number) {
  at(minutes);
  const t = await createTicket(client, { title: `Case ${minutes}`, body: "Details" });
  await takeTicket(agent, { ticketId: t.id });
  at(minutes + reply);
  await addComment(agent, { ticketId: t.id, body: "Try this.", visibility: "public" });
  at(minutes + close);
  await closeTicket(agent, { ticketId: t.id });
  return t;
}

beforeAll(async () => {
  client = await createUser("client");
  a = await createUser("agent", { name: "Rollup A" });
  b = await createUser("agent", { name: "Rollup B" });
  manager = await createUser("manager");
  admin = await createUser("admin");

  // Yesterday: closed today just after midnight — opened and closed fall on different days.
  await handled(a, -10 * 60, 17, 9 * 60 + 2);
  // Today: several with different times, one reopened and closed again by the same agent.
  await handled(a, 0, 7, 95);
  await handled(a, 5, 41, 300);
  const again = await handled(b, 10, 3, 61);
  at(90);
  await reopenTicket(client, { ticketId: again.id });
  at(100);
  await closeTicket(b, { ticketId: again.id });
  // An admin takes a closed ticket back to in progress: its close no longer counts for the day.
  const edited = await handled(b, 20, 13, 45);
  at(50);
  await editTicket(admin, { ticketId: edited.id, status: "in_progress" });
  // Won't fix by the manager (closed_at set, no "closed" history row).
  at(30);
  const refused = await createTicket(client, { title: "Not possible", body: "Details" });
  at(33);
  await markWontFix(manager, { ticketId: refused.id, reason: "Out of scope." });
  // Answered by A, then the manager hands it to B: its response time moves to B.
  const handed = await createTicket(client, { title: "Handed over", body: "Details" });
  await takeTicket(a, { ticketId: handed.id });
  at(37);
  await addComment(a, { ticketId: handed.id, body: "Looking.", visibility: "public" });
  await assignTicket(manager, { ticketId: handed.id, assigneeId: b.id });
  // Deleted after being closed: its counts go away.
  const gone = await handled(b, 40, 5, 70);
  at(80);
  await deleteTicket(admin, { ticketId: gone.id });
  // A transaction that fails after changing a ticket counts nothing.
  const db = await getDb();
  await expect(
    db.transaction(async (tx) => {
      await tx.update(tickets).set({ closedAt: new Date(NOW), status: "closed" }).where(sql`${tickets.id} = ${edited.id}`);
      throw new Error("rolled back");
    }),
  ).rejects.toThrow("rolled back");
  resetClock();
});
afterAll(() => resetClock());

describe("desk statistics rollups", () => {
  it("equal a recount from scratch after every kind of change", async () => {
    const kept = await deskRollups();
    expect(kept.days.length).toBeGreaterThan(0);
    await (await getDb()).execute(sql`SELECT rebuild_desk_stats()`);
    expect(await deskRollups()).toEqual(kept);
  });

  it("count what the workflow did", async () => {
    const { days, agents, durations } = await deskRollups();
    // yesterday: 1 opened; today: 7 opened, one since deleted. Closed today: yesterday's, A's two,
    // the reopened one once, the won't fix; the admin-edited one is no longer closed.
    expect(days).toEqual([
      { day: "2025-08-19", opened: 1, closed: 0 },
      { day: "2025-08-20", opened: 6, closed: 5 },
    ]);
    const closes = (actor: Actor) => agents.filter((r) => r.agent_id === actor.id).reduce((n, r) => n + Number(r.closes), 0);
    // Close events: A 3 (yesterday's ticket, two of today's); B 4 (the reopened one twice, the
    // edited one, the deleted one: history survives a delete).
    expect(closes(a)).toBe(3);
    expect(closes(b)).toBe(4);
    // Durations sit with the current assignee: B has the handed-over ticket's 4 minutes (created at
    // +33, answered by A at +37), A keeps the 17-minute reply to yesterday's ticket.
    const of = (actor: Actor, day: string) => durations.find((r) => r.assignee_id === actor.id && r.day === day);
    expect(of(a, "2025-08-19")).toMatchObject({ response: "1020", resolution: "" });
    expect(of(b, "2025-08-20")!.response.split(",")).toContain("240");
    expect(of(a, "2025-08-20")!.response.split(",")).not.toContain("240");
    // The won't fix had no assignee: its resolution time is nobody's.
    expect(durations.find((r) => r.assignee_id === NOBODY)).toMatchObject({ day: "2025-08-20", resolution: "180" });
  });

  it("give the statistics page the same figures as counting the tickets and PostgreSQL's percentile_cont", async () => {
    const stats = await getDeskStats(manager, { now: new Date(NOW), days: 7 });
    const db = await getDb();
    const from = stats.period.from.toISOString();
    const to = stats.period.to.toISOString();
    const [expected] = await rawRows<{ opened: number; closed: number; rm: number; rp: number; sm: number; sp: number }>(
      db,
      sql`SELECT
        (SELECT count(*)::int FROM tickets WHERE type = 'support' AND created_at >= ${from}::timestamptz AND created_at < ${to}::timestamptz) AS opened,
        (SELECT count(*)::int FROM tickets WHERE type = 'support' AND closed_at >= ${from}::timestamptz AND closed_at < ${to}::timestamptz) AS closed,
        (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY date_part('epoch', first_response_at - created_at)) FROM tickets
          WHERE type = 'support' AND first_response_at >= ${from}::timestamptz AND first_response_at < ${to}::timestamptz) AS rm,
        (SELECT percentile_cont(0.9) WITHIN GROUP (ORDER BY date_part('epoch', first_response_at - created_at)) FROM tickets
          WHERE type = 'support' AND first_response_at >= ${from}::timestamptz AND first_response_at < ${to}::timestamptz) AS rp,
        (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY date_part('epoch', closed_at - created_at)) FROM tickets
          WHERE type = 'support' AND closed_at >= ${from}::timestamptz AND closed_at < ${to}::timestamptz) AS sm,
        (SELECT percentile_cont(0.9) WITHIN GROUP (ORDER BY date_part('epoch', closed_at - created_at)) FROM tickets
          WHERE type = 'support' AND closed_at >= ${from}::timestamptz AND closed_at < ${to}::timestamptz) AS sp`,
    );
    expect(stats.daily.reduce((n, d) => n + d.opened, 0)).toBe(expected!.opened);
    expect(stats.daily.reduce((n, d) => n + d.closed, 0)).toBe(expected!.closed);
    expect(stats.desk.firstResponse.median).toBeCloseTo(Number(expected!.rm), 6);
    expect(stats.desk.firstResponse.p90).toBeCloseTo(Number(expected!.rp), 6);
    expect(stats.desk.resolution.median).toBeCloseTo(Number(expected!.sm), 6);
    expect(stats.desk.resolution.p90).toBeCloseTo(Number(expected!.sp), 6);
    const perAgent = await rawRows<{ assignee_id: string; median: number; p90: number }>(
      db,
      sql`SELECT assignee_id, percentile_cont(0.5) WITHIN GROUP (ORDER BY date_part('epoch', closed_at - created_at)) AS median,
          percentile_cont(0.9) WITHIN GROUP (ORDER BY date_part('epoch', closed_at - created_at)) AS p90
        FROM tickets WHERE type = 'support' AND assignee_id IS NOT NULL AND closed_at >= ${from}::timestamptz AND closed_at < ${to}::timestamptz
        GROUP BY assignee_id`,
    );
    expect(perAgent.length).toBe(2);
    for (const r of perAgent) {
      const row = stats.agents.find((x) => x.id === r.assignee_id)!;
      expect(row.resolution.median).toBeCloseTo(Number(r.median), 6);
      expect(row.resolution.p90).toBeCloseTo(Number(r.p90), 6);
    }
  });
});
