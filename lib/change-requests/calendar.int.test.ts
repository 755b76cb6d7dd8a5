/**
 * The change calendar's query: which changes a period shows (approved and in progress, by window
 * overlap), in what order, filtered by service, seen only by who may see them, and served by a
 * range on tickets_change_schedule_idx.
 */
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { makeOrder, makeService } from "@/lib/billing/test-fixtures";
import { calendarQuery, listCalendarEntries, listCalendarServices } from "./calendar";
import { createChangeDesk, insertChange, type ChangeDesk } from "./test-fixtures";

const at = (s: string) => new Date(s);
// The week of Monday 2026-11-30.
const week = { start: at("2026-11-30T00:00:00Z"), end: at("2026-12-07T00:00:00Z") };

let desk: ChangeDesk;
let n: Record<string, string>;
let otherServiceId: string;
beforeAll(async () => {
  desk = await createChangeDesk();
  const other = await makeService({ name: `Mail ${Math.random()}` });
  otherServiceId = other.id;
  const mailOrder = await makeOrder(desk.client.id, other.id, { instanceName: "mail-02" });
  const c = { requester: desk.client, decidedBy: desk.manager };
  const seeds = {
    // Shown: approved and in progress, overlapping the week.
    tuesday: { ...c, orderId: desk.orderId, status: "approved", scheduledFor: at("2026-12-01T22:00:00Z"), estimatedMinutes: 90 },
    monday: { ...c, orderId: mailOrder, status: "in_progress", assignee: desk.agent, scheduledFor: at("2026-11-30T08:00:00Z"), estimatedMinutes: 30 },
    // Starts the Sunday before and runs two days into the week: shown.
    spanning: { ...c, orderId: desk.orderId, status: "approved", scheduledFor: at("2026-11-29T12:00:00Z"), estimatedMinutes: 2 * 24 * 60 },
    // No estimate: taken as an hour, from Sunday 23:30 into Monday 00:30: shown.
    noEstimate: { ...c, orderId: desk.orderId, status: "approved", scheduledFor: at("2026-11-29T23:30:00Z"), estimatedMinutes: null },
    otherClient: { requester: desk.otherClient, decidedBy: desk.manager, orderId: desk.otherOrderId, status: "approved", scheduledFor: at("2026-12-03T10:00:00Z"), estimatedMinutes: 60 },
    // Not shown: ends exactly as the week starts, starts exactly as it ends, the wrong states, no window.
    endsAtStart: { ...c, orderId: desk.orderId, status: "approved", scheduledFor: at("2026-11-29T23:00:00Z"), estimatedMinutes: 60 },
    startsAtEnd: { ...c, orderId: desk.orderId, status: "approved", scheduledFor: at("2026-12-07T00:00:00Z"), estimatedMinutes: 60 },
    pending: { requester: desk.client, orderId: desk.orderId, status: "pending", scheduledFor: at("2026-12-02T10:00:00Z"), estimatedMinutes: 60 },
    completed: { ...c, orderId: desk.orderId, status: "completed", scheduledFor: at("2026-12-02T10:00:00Z"), estimatedMinutes: 60 },
    deployed: { ...c, orderId: desk.orderId, status: "deployed", scheduledFor: at("2026-12-02T10:00:00Z"), estimatedMinutes: 60 },
    unscheduled: { ...c, orderId: desk.orderId, status: "approved", scheduledFor: null },
  } as const;
  n = {};
  for (const [k, s] of Object.entries(seeds)) n[k] = (await insertChange(s)).number;
});

const numbers = async (...a: Parameters<typeof listCalendarEntries>) => (await listCalendarEntries(...a)).entries.map((e) => e.number);

describe("the change calendar", () => {
  it("shows approved and in-progress changes whose window overlaps the period, earliest first", async () => {
    expect(await numbers(desk.manager, week)).toEqual([n.spanning, n.noEstimate, n.monday, n.tuesday, n.otherClient]);
  });

  it("gives each entry its window's end (an hour when there is no estimate) and its service", async () => {
    const { entries, truncated } = await listCalendarEntries(desk.manager, week);
    expect(truncated).toBe(false);
    const byNumber = new Map(entries.map((e) => [e.number, e]));
    expect(byNumber.get(n.tuesday!)).toMatchObject({ status: "approved", end: at("2026-12-01T23:30:00Z"), instanceName: "db-01" });
    expect(byNumber.get(n.noEstimate!)?.end).toEqual(at("2026-11-30T00:30:00Z"));
    expect(byNumber.get(n.monday!)).toMatchObject({ status: "in_progress", instanceName: "mail-02", assigneeName: desk.agent.name });
  });

  it("filters by service; an unknown or malformed service shows nothing", async () => {
    expect(await numbers(desk.manager, { ...week, serviceId: otherServiceId })).toEqual([n.monday]);
    expect(await numbers(desk.manager, { ...week, serviceId: "00000000-0000-4000-8000-000000000000" })).toEqual([]);
    expect(await numbers(desk.manager, { ...week, serviceId: "not-a-uuid" })).toEqual([]);
  });

  it("shows each actor only the changes they may see", async () => {
    expect(await numbers(desk.client, week)).toEqual([n.spanning, n.noEstimate, n.monday, n.tuesday]);
    expect(await numbers(desk.otherClient, week)).toEqual([n.otherClient]);
    expect(await numbers(desk.admin, week)).toHaveLength(5);
    // An agent sees the changes assigned to them, an accountant none.
    expect(await numbers(desk.agent, week)).toEqual([n.monday]);
    expect(await numbers(desk.accountant, week)).toEqual([]);
  });

  it("is empty for a period without changes", async () => {
    expect(await numbers(desk.manager, { start: at("2027-03-01T00:00:00Z"), end: at("2027-04-05T00:00:00Z") })).toEqual([]);
  });

  it("offers staff every service and a client the services of their orders", async () => {
    const staff = (await listCalendarServices(desk.manager)).map((s) => s.id);
    expect(staff).toContain(otherServiceId);
    expect((await listCalendarServices(desk.client)).map((s) => s.id)).toHaveLength(2);
    expect((await listCalendarServices(desk.otherClient)).map((s) => s.id)).not.toContain(otherServiceId);
  });

  it("reads a bounded range of the schedule index", async () => {
    const db = await getDb();
    const plan = await db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL enable_seqscan = off`);
      const r = await tx.execute(sql`EXPLAIN ${calendarQuery(tx, desk.manager, week)}`);
      return (r as unknown as { rows?: Record<string, string>[] }).rows ?? (r as unknown as Record<string, string>[]);
    });
    const text = plan.map((row) => Object.values(row)[0]).join("\n");
    expect(text).toContain("tickets_change_schedule_idx");
    expect(text).toMatch(/Index Cond: \(\(scheduled_for >= .+\) AND \(scheduled_for < .+\)\)/);
  });
});
