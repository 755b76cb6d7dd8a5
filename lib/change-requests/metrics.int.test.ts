/**
 * The dashboard's change-request figures, exact, for a constructed month of requests driven through
 * the real workflow with a set clock: approvals timed from the (re)submission they answer,
 * completions from their approval, the rollback rate, the period's edges and visibility.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { resetClock, setClock } from "@/lib/clock";
import { refusal } from "@/lib/tickets/test-fixtures";
import { createChangeRequest } from "./create";
import { approveChangeRequest, rejectChangeRequest, resubmitChangeRequest } from "./decide";
import { assignChangeRequest, completeChangeRequest, deployChangeRequest, rollBackChangeRequest, startChangeRequest } from "./deliver";
import { getChangeMetrics, metricsQuery } from "./metrics";
import { changeInput, createChangeDesk, itemsOf, type ChangeDesk } from "./test-fixtures";

const NOW = new Date("2026-06-30T12:00:00Z");
const H = 3600;
let desk: ChangeDesk;

const at = (iso: string) => setClock(() => new Date(iso));

async function submitted(when: string, by = desk.client) {
  at(when);
  return (await createChangeRequest(by, changeInput(desk.orderId, { submit: true }))).id;
}
const approve = async (id: string, when: string) => (at(when), approveChangeRequest(desk.manager, { ticketId: id }));
async function deploy(id: string, when: string) {
  at(when);
  await assignChangeRequest(desk.manager, { ticketId: id, technicianId: desk.agent.id });
  await startChangeRequest(desk.agent, { ticketId: id });
  const items = await itemsOf(id);
  await deployChangeRequest(desk.agent, { ticketId: id, items: items.map((i) => ({ itemId: i.id, fulfilled: true })) });
}
async function complete(id: string, when: string) {
  await deploy(id, when);
  await completeChangeRequest(desk.agent, { ticketId: id });
}

beforeAll(async () => {
  desk = await createChangeDesk();
  // A: approved 2 h after submission, completed 24 h after approval.
  const a = await submitted("2026-06-01T00:00:00Z");
  await approve(a, "2026-06-01T02:00:00Z");
  await complete(a, "2026-06-02T02:00:00Z");
  // B: rejected, resubmitted a day later, approved 4 h after the resubmission, completed 36 h later.
  const b = await submitted("2026-06-10T00:00:00Z");
  at("2026-06-10T01:00:00Z");
  await rejectChangeRequest(desk.manager, { ticketId: b, reason: "Pick a quieter night" });
  at("2026-06-11T00:00:00Z");
  await resubmitChangeRequest(desk.client, { ticketId: b });
  await approve(b, "2026-06-11T04:00:00Z");
  await complete(b, "2026-06-12T16:00:00Z");
  // C: approved 6 h after submission, rolled back.
  const c = await submitted("2026-06-20T00:00:00Z");
  await approve(c, "2026-06-20T06:00:00Z");
  await deploy(c, "2026-06-21T06:00:00Z");
  await rollBackChangeRequest(desk.agent, { ticketId: c, reason: "The disks were not recognised" });
  // D: approved before the period (not counted), completed inside it 35 days minus an hour later.
  const d = await submitted("2026-05-01T00:00:00Z");
  await approve(d, "2026-05-01T01:00:00Z");
  await complete(d, "2026-06-05T00:00:00Z");
  // E: approved just before the period starts (not counted); F: approved at "now" (the end is exclusive).
  const e = await submitted("2026-05-31T10:00:00Z");
  await approve(e, "2026-05-31T11:59:59Z");
  const f = await submitted("2026-06-30T11:00:00Z");
  await approve(f, "2026-06-30T12:00:00Z");
  // Pending: one by the client, one by the admin (not the admin's to decide).
  await submitted("2026-06-25T00:00:00Z");
  await submitted("2026-06-26T00:00:00Z", desk.admin);
});
afterAll(() => resetClock());

describe("change-request metrics (last 30 days)", () => {
  it("counts and medians from the history rows", async () => {
    const m = await getChangeMetrics(desk.manager, { now: NOW });
    expect(m).toEqual({
      pendingApprovals: 2,
      approved: 3, // A, B, C
      medianApproveSeconds: 4 * H, // of 2 h, 4 h (from B's resubmission, not its first submission), 6 h
      completed: 3, // A, B, D
      medianCompleteSeconds: 36 * H, // of 24 h, 36 h, 35 days - 1 h
      rolledBack: 1,
      rollbackRate: 0.25,
      from: new Date("2026-05-31T12:00:00Z"),
      to: NOW,
    });
  });

  it("the approvals count leaves out one's own requests", async () => {
    expect((await getChangeMetrics(desk.admin, { now: NOW })).pendingApprovals).toBe(1);
  });

  it("a shorter window sees fewer steps; an empty one has no medians and no rate", async () => {
    const recent = await getChangeMetrics(desk.manager, { now: NOW, days: 11 }); // from 19 June, noon
    expect(recent).toMatchObject({ approved: 1, medianApproveSeconds: 6 * H, completed: 0, medianCompleteSeconds: null, rolledBack: 1, rollbackRate: 1 });
    const empty = await getChangeMetrics(desk.manager, { now: new Date("2027-06-30T00:00:00Z") });
    expect(empty).toMatchObject({ approved: 0, medianApproveSeconds: null, completed: 0, medianCompleteSeconds: null, rolledBack: 0, rollbackRate: null });
  });

  it("is for those who may see statistics", async () => {
    expect((await refusal(getChangeMetrics(desk.client, { now: NOW }))).code).toBe("forbidden");
    expect((await refusal(getChangeMetrics(desk.agent, { now: NOW }))).code).toBe("forbidden");
  });

  it("reads the period as index ranges of the change steps, and each prior step by ticket", async () => {
    const db = await getDb();
    const plan = await db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL enable_seqscan = off`);
      const r = await tx.execute(sql`EXPLAIN ${metricsQuery(tx, desk.manager, { from: new Date("2026-05-31T12:00:00Z"), to: NOW })}`);
      return (r as unknown as { rows?: Record<string, string>[] }).rows ?? (r as unknown as Record<string, string>[]);
    });
    const text = plan.map((row) => Object.values(row)[0]).join("\n");
    expect(text).toContain("ticket_history_change_steps_idx");
    expect(text).toMatch(/created_at >= .+created_at < /);
    expect(text).toContain("ticket_history_ticket_idx");
  });
});
