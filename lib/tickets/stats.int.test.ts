/**
 * Desk statistics on a small fixed data set built through the real workflow with a moved clock.
 *
 * Day 2025-05-10 (T0 = 08:00 UTC) unless said otherwise; A and B are first-line agents.
 *   t1: A takes, replies at +10 min, closes at +60 min          → response 600 s, resolution 3,600 s
 *   t2: A takes, replies at +30 min, closes at +120 min, client reopens at +150 min,
 *       A replies and closes again at +200 min                    → response 1,800 s, resolution 12,000 s
 *   t3: B takes, replies at +20 min, stays waiting              → response 1,200 s (B's open ticket)
 *   t4: nobody takes it                                          → open, unassigned
 *   t5: created 2025-05-09 08:00, B replies after 40 min, closes exactly a day later (T0)
 *                                                                → response 2,400 s, resolution 86,400 s
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { resetClock, setClock } from "@/lib/clock";
import { createUser } from "@/lib/test/factories";
import { addComment } from "./comments";
import { createTicket } from "./create";
import { getDeskStats, type DeskStats } from "./stats";
import { closeTicket, reopenTicket, takeTicket } from "./transitions";

const T0 = Date.parse("2025-05-10T08:00:00.000Z");
const at = (minutes: number) => setClock(() => new Date(T0 + minutes * 60_000));

let client: Actor, a: Actor, b: Actor, manager: Actor;
let stats: DeskStats;

async function ticket(agent: Actor | null, createdAt: number, replyAt?: number, closeAt?: number) {
  at(createdAt);
  const t = await createTicket(client, { title: `Case at ${createdAt}`, body: "Details" });
  if (!agent) return t;
  await takeTicket(agent, { ticketId: t.id });
  if (replyAt === undefined) return t;
  at(replyAt);
  await addComment(agent, { ticketId: t.id, body: "Here is the fix.", visibility: "public" });
  if (closeAt === undefined) return t;
  at(closeAt);
  await closeTicket(agent, { ticketId: t.id });
  return t;
}

beforeAll(async () => {
  client = await createUser("client", { name: "Cleo Client" });
  a = await createUser("agent", { name: "Agent A" });
  b = await createUser("agent", { name: "Agent B" });
  manager = await createUser("manager", { name: "Mia Manager" });

  await ticket(a, 0, 10, 60);
  const t2 = await ticket(a, 0, 30, 120);
  at(150);
  await reopenTicket(client, { ticketId: t2.id });
  at(170);
  await addComment(a, { ticketId: t2.id, body: "Second attempt.", visibility: "public" });
  at(200);
  await closeTicket(a, { ticketId: t2.id });
  await ticket(b, 0, 20);
  await ticket(null, 0);
  await ticket(b, -24 * 60, -24 * 60 + 40, 0);

  resetClock();
  stats = await getDeskStats(manager, { now: new Date("2025-05-11T10:00:00.000Z") });
});
afterAll(() => resetClock());

describe("desk statistics", () => {
  it("per agent: open, closed, reopened and the reopened/closed percentage", () => {
    const row = (actor: Actor) => stats.agents.find((x) => x.id === actor.id)!;
    expect(row(a)).toMatchObject({ open: 0, closed: 2, reopened: 1, reopenRate: 50 });
    expect(row(b)).toMatchObject({ open: 1, closed: 1, reopened: 0, reopenRate: 0 });
    expect(row(manager)).toMatchObject({ open: 0, closed: 0, reopened: 0, reopenRate: null });
    expect(stats.agents.map((x) => x.name)).toEqual(["Agent A", "Agent B", "Mia Manager"]);
  });

  it("per agent: request → first response and request → close, median and p90", () => {
    const row = (actor: Actor) => stats.agents.find((x) => x.id === actor.id)!;
    expect(row(a).firstResponse.median).toBe(1200);
    expect(row(a).firstResponse.p90).toBeCloseTo(1680, 6);
    expect(row(a).resolution.median).toBe(7800);
    expect(row(a).resolution.p90).toBeCloseTo(11160, 6);
    expect(row(b).firstResponse.median).toBe(1800);
    expect(row(b).firstResponse.p90).toBeCloseTo(2280, 6);
    expect(row(b).resolution).toEqual({ median: 86400, p90: 86400 });
    expect(row(manager).firstResponse).toEqual({ median: null, p90: null });
  });

  it("for the whole desk", () => {
    expect(stats.desk.open).toBe(2);
    expect(stats.desk.unassigned).toBe(1);
    expect(stats.desk.firstResponse.median).toBe(1500);
    expect(stats.desk.firstResponse.p90).toBeCloseTo(2220, 6);
    expect(stats.desk.resolution.median).toBe(12000);
    expect(stats.desk.resolution.p90).toBeCloseTo(71520, 6);
  });

  it("opened and closed per day over the last 30 days", () => {
    expect(stats.daily).toHaveLength(30);
    expect(stats.daily[0]!.day).toBe("2025-04-12");
    expect(stats.daily.at(-1)).toEqual({ day: "2025-05-11", opened: 0, closed: 0 });
    const busy = stats.daily.filter((d) => d.opened || d.closed);
    expect(busy).toEqual([
      { day: "2025-05-09", opened: 1, closed: 0 },
      { day: "2025-05-10", opened: 4, closed: 3 },
    ]);
  });

  it("is for managers only", async () => {
    await expect(getDeskStats(a)).rejects.toMatchObject({ code: "forbidden" });
  });
});
