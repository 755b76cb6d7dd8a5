/**
 * Desk statistics are bounded by their period (the last `days` UTC days, today included): what an
 * agent closed, and the response and resolution times, count only inside it; open tickets count now.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { resetClock, setClock } from "@/lib/clock";
import { createUser } from "@/lib/test/factories";
import { editTicket } from "./admin";
import { addComment } from "./comments";
import { createTicket } from "./create";
import { getDeskStats } from "./stats";
import { closeTicket, reopenTicket, takeTicket } from "./transitions";

const NOW = new Date("2025-06-30T12:00:00.000Z");
const daysAgo = (days: number, minutes = 0) => new Date(NOW.getTime() - days * 86_400_000 + minutes * 60_000);

let client: Actor, agent: Actor, manager: Actor, admin: Actor;

async function closedTicket(day: number, replyMinutes: number, closeMinutes: number, again?: "reopen" | "admin edit") {
  setClock(() => daysAgo(day));
  const t = await createTicket(client, { title: `Case ${day}`, body: "Details" });
  await takeTicket(agent, { ticketId: t.id });
  setClock(() => daysAgo(day, replyMinutes));
  await addComment(agent, { ticketId: t.id, body: "Fixed.", visibility: "public" });
  setClock(() => daysAgo(day, closeMinutes));
  await closeTicket(agent, { ticketId: t.id });
  if (again) {
    setClock(() => daysAgo(day, closeMinutes + 10));
    if (again === "reopen") await reopenTicket(client, { ticketId: t.id });
    else await editTicket(admin, { ticketId: t.id, status: "in_progress" });
    setClock(() => daysAgo(day, closeMinutes + 20));
    await closeTicket(agent, { ticketId: t.id });
  }
}

beforeAll(async () => {
  client = await createUser("client");
  agent = await createUser("agent", { name: "Period Agent" });
  manager = await createUser("manager");
  admin = await createUser("admin");
  await closedTicket(45, 10, 100, "reopen"); // outside 30 days, inside 60: closed twice, reopened in between
  await closedTicket(5, 20, 200); // inside both
  await closedTicket(3, 30, 60, "admin edit"); // closed twice after an admin's status edit: one ticket, not reopened
  setClock(() => daysAgo(40));
  const open = await createTicket(client, { title: "Still open", body: "Details" });
  await takeTicket(agent, { ticketId: open.id }); // open for weeks: counts now, whatever the period
  resetClock();
});
afterAll(() => resetClock());

describe("desk statistics over a period", () => {
  it("count only the closes, responses and resolutions inside the last 30 days by default", async () => {
    const stats = await getDeskStats(manager, { now: NOW });
    expect(stats.period).toEqual({ days: 30, from: new Date("2025-06-01T00:00:00.000Z"), to: new Date("2025-07-01T00:00:00.000Z") });
    const row = stats.agents.find((a) => a.id === agent.id)!;
    expect(row).toMatchObject({ open: 1, closed: 2, reopened: 0, reopenRate: 0 });
    expect(row.firstResponse).toEqual({ median: 1500, p90: 1740 });
    expect(row.resolution.median).toBe((12000 + 4800) / 2); // the second close, at +80 min, counts (once)
    expect(stats.daily).toHaveLength(30);
    expect(stats.daily.filter((d) => d.opened || d.closed)).toEqual([
      { day: "2025-06-25", opened: 1, closed: 1 },
      { day: "2025-06-27", opened: 1, closed: 1 },
    ]);
  });

  it("reach further back with a longer period", async () => {
    const stats = await getDeskStats(manager, { now: NOW, days: 60 });
    const row = stats.agents.find((a) => a.id === agent.id)!;
    expect(row).toMatchObject({ open: 1, closed: 3, reopened: 1, reopenRate: 33.3 });
    expect(row.firstResponse.median).toBe(1200);
    expect(row.resolution.median).toBe(7200); // 4,800, 7,200 (reopened, closed again at +120 min), 12,000
    expect(stats.desk).toMatchObject({ open: 1, unassigned: 0 });
    expect(stats.daily.filter((d) => d.opened || d.closed).map((d) => d.day)).toEqual(["2025-05-16", "2025-05-21", "2025-06-25", "2025-06-27"]);
  });

  it("refuses a period that is not 1 to 366 whole days", async () => {
    for (const days of [0, 367, 1.5]) await expect(getDeskStats(manager, { now: NOW, days })).rejects.toMatchObject({ code: "invalid" });
  });
});
