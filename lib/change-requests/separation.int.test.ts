/**
 * Separation of duties (SPEC §10): nobody approves or rejects a change request they created, an admin
 * neither — refused by the rule through the domain function, and by the database's CHECK for a
 * direct UPDATE. Plus the race of two approvers deciding the same request at once.
 */
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { notifications, ticketHistory, tickets } from "@/db/schema";
import { refusal } from "@/lib/tickets/test-fixtures";
import { createChangeRequest } from "./create";
import { approveChangeRequest, rejectChangeRequest } from "./decide";
import { SELF_APPROVAL, SELF_REJECTION } from "./rules";
import { changeSnapshot, createChangeDesk, insertChange, type ChangeDesk } from "./test-fixtures";
import { changeInput } from "./test-fixtures";

let desk: ChangeDesk;
beforeAll(async () => {
  desk = await createChangeDesk();
});

const ROLES = ["client", "agent", "agent_l2", "manager", "admin"] as const;

describe("nobody decides on their own request", () => {
  it.each(ROLES)("%s: approve and reject of their own pending request are refused and change nothing", async (role) => {
    const actor = desk[role];
    const { id } = await createChangeRequest(actor, changeInput(desk.orderId, { submit: true }));
    const before = await changeSnapshot(id);
    const approve = await refusal(approveChangeRequest(actor, { ticketId: id, comment: "LGTM" }));
    const reject = await refusal(rejectChangeRequest(actor, { ticketId: id, reason: "Nope" }));
    expect(approve.code).toBe("forbidden");
    expect(reject.code).toBe("forbidden");
    if (actor.permissions.has("ticket.approve")) {
      // an approver is refused for being the requester, not for lacking the permission
      expect(approve.message).toBe(SELF_APPROVAL);
      expect(reject.message).toBe(SELF_REJECTION);
    }
    expect(await changeSnapshot(id)).toEqual(before);
  });

  it("the admin, who holds every permission, is refused too — and another approver is not", async () => {
    expect(desk.admin.permissions.has("ticket.approve")).toBe(true);
    const { id } = await createChangeRequest(desk.admin, changeInput(desk.orderId, { submit: true }));
    expect((await refusal(approveChangeRequest(desk.admin, { ticketId: id }))).message).toBe(SELF_APPROVAL);
    expect((await approveChangeRequest(desk.manager, { ticketId: id })).status).toBe("approved");
  });

  it("the submitted request's approval mails go to the other approvers, never to the requester", async () => {
    const db = await getDb();
    const { id } = await createChangeRequest(desk.manager, changeInput(desk.orderId, { submit: true }));
    const asked = await db.select({ to: notifications.recipientId, type: notifications.type }).from(notifications).where(eq(notifications.ticketId, id));
    expect(asked.some((n) => n.to === desk.admin.id && n.type === "change.submitted")).toBe(true);
    expect(asked.some((n) => n.to === desk.manager.id)).toBe(false);
  });
});

describe("the database refuses a self-approval written by hand", () => {
  it("UPDATE … SET approved_by_id = requester_id fails on the CHECK constraint", async () => {
    const db = await getDb();
    const { id } = await insertChange({ requester: desk.manager, orderId: desk.orderId, status: "pending" });
    const before = await changeSnapshot(id);
    const approve = sql`UPDATE tickets SET status = 'approved', approved_by_id = requester_id, approved_at = now() WHERE id = ${id}`;
    await expect(db.execute(approve)).rejects.toThrow();
    const reject = sql`UPDATE tickets SET status = 'rejected', rejected_by_id = requester_id, rejected_at = now() WHERE id = ${id}`;
    await expect(db.execute(reject)).rejects.toThrow();
    expect(await changeSnapshot(id)).toEqual(before);
  });

  it("names the constraint (so the failure is the rule, not something else)", async () => {
    const db = await getDb();
    const { id } = await insertChange({ requester: desk.manager, orderId: desk.orderId, status: "pending" });
    const error = await db
      .execute(sql`UPDATE tickets SET approved_by_id = requester_id WHERE id = ${id}`)
      .then(() => null, (e: unknown) => e as Error & { cause?: Error });
    expect(String(error?.message) + String(error?.cause?.message)).toMatch(/tickets_approver_not_requester/);
    // Another approver is fine for the same constraint.
    await db.execute(sql`UPDATE tickets SET approved_by_id = ${desk.admin.id} WHERE id = ${id}`);
    const [row] = await db.select({ by: tickets.approvedById }).from(tickets).where(eq(tickets.id, id));
    expect(row!.by).toBe(desk.admin.id);
  });

  it("an INSERT of a request approved by its own requester fails too", async () => {
    await expect(insertChange({ requester: desk.manager, orderId: desk.orderId, status: "approved", decidedBy: desk.manager })).rejects.toThrow();
  });
});

describe("two approvers decide the same request at once", () => {
  it.each([1, 2, 3, 4])("exactly one wins; the other is told who decided (round %i)", async () => {
    const db = await getDb();
    const { id } = await insertChange({ requester: desk.client, orderId: desk.orderId, status: "pending" });
    const results = await Promise.allSettled([
      approveChangeRequest(desk.manager, { ticketId: id, comment: "Go" }),
      rejectChangeRequest(desk.admin, { ticketId: id, reason: "Stop" }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason.code).toBe("conflict");
    const [row] = await db.select().from(tickets).where(eq(tickets.id, id));
    const winner = row!.status === "approved" ? desk.manager : desk.admin;
    expect(lost[0]!.reason.message).toBe(`${winner.name} ${row!.status} this request a moment ago: it is no longer pending.`);
    // One decision in the row, in the history and in the requester's mail.
    expect([row!.approvedById, row!.rejectedById].filter(Boolean)).toEqual([winner.id]);
    const decisions = await db.select().from(ticketHistory).where(eq(ticketHistory.ticketId, id));
    expect(decisions.map((h) => h.action)).toEqual([row!.status]);
    const told = await db.select().from(notifications).where(eq(notifications.ticketId, id));
    expect(told.filter((n) => n.recipientId === desk.client.id && n.channel === "email")).toHaveLength(1);
  });
});
