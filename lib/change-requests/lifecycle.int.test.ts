/**
 * A change request end to end through the domain functions: numbering from the support tickets'
 * daily sequence, who may request on which order, the full road to completed, rejection →
 * resubmission as the same record, roll back, the notifications of SPEC §5, conflicts, visibility.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { notifications, tickets } from "@/db/schema";
import { makeOrder, makeService } from "@/lib/billing/test-fixtures";
import { resetClock, setClock } from "@/lib/clock";
import { createUser } from "@/lib/test/factories";
import { addComment } from "@/lib/tickets/comments";
import { createTicket } from "@/lib/tickets/create";
import { listTickets } from "@/lib/tickets/list";
import { historyOf, refusal } from "@/lib/tickets/test-fixtures";
import { listConflicts } from "./conflicts";
import { createChangeRequest, editChangeRequest } from "./create";
import { approveChangeRequest, cancelChangeRequest, rejectChangeRequest, resubmitChangeRequest, submitChangeRequest } from "./decide";
import { assignChangeRequest, completeChangeRequest, deployChangeRequest, rollBackChangeRequest, startChangeRequest } from "./deliver";
import { changeInput, changeSnapshot, createChangeDesk, insertChange, itemsOf, type ChangeDesk } from "./test-fixtures";

let desk: ChangeDesk;
beforeAll(async () => {
  setClock(() => new Date("2025-06-02T12:00:00.000Z"));
  desk = await createChangeDesk();
});
afterAll(() => resetClock());

async function noticesOf(ticketId: string) {
  const db = await getDb();
  const rows = await db
    .select({ to: notifications.recipientId, type: notifications.type, channel: notifications.channel, text: notifications.text, subject: notifications.subject })
    .from(notifications)
    .where(eq(notifications.ticketId, ticketId))
    .orderBy(notifications.createdAt, notifications.id);
  return rows.filter((n) => n.channel === "email");
}

describe("requesting", () => {
  it("takes its number from the same daily sequence as support tickets", async () => {
    const support = await createTicket(desk.client, { title: "Printer jammed", body: "Again." });
    const change = await createChangeRequest(desk.client, changeInput(desk.orderId));
    const seq = (n: string) => Number(n.slice(-4));
    expect(change.number).toMatch(/^TKT-20250602-\d{4}$/);
    expect(seq(change.number)).toBe(seq(support.number) + 1);
  });

  it("a draft mails nobody; submitting mails every approver but the requester", async () => {
    const { id, status } = await createChangeRequest(desk.client, changeInput(desk.orderId));
    expect(status).toBe("draft");
    expect(await noticesOf(id)).toEqual([]);
    await submitChangeRequest(desk.client, { ticketId: id });
    const sent = await noticesOf(id);
    expect(sent.map((n) => n.to).sort()).toEqual([desk.manager.id, desk.admin.id].sort());
    expect(sent.every((n) => n.type === "change.submitted")).toBe(true);
  });

  it("stores the items with their specifications as JSON", async () => {
    const { id } = await createChangeRequest(desk.client, changeInput(desk.orderId));
    const items = await itemsOf(id);
    expect(items.map((i) => [i.action, i.componentType, i.quantity, i.specifications, i.currentValue, i.requestedValue])).toEqual([
      ["add", "storage", 2, { model: "Samsung 980 Pro", size: "2 TB" }, null, null],
      ["replace", "network", 1, {}, "1 GbE", "10 GbE"],
    ]);
  });

  it("a client only on their own active orders; staff on any order", async () => {
    const other = await refusal(createChangeRequest(desk.client, changeInput(desk.otherOrderId)));
    expect(other.fieldErrors).toEqual({ orderId: "Choose one of your services." });
    const service = await makeService();
    const suspended = await makeOrder(desk.client.id, service.id, { status: "suspended" });
    const notActive = await refusal(createChangeRequest(desk.client, changeInput(suspended)));
    expect(notActive.fieldErrors?.orderId).toMatch(/active services only/);
    const missing = await refusal(createChangeRequest(desk.client, changeInput("00000000-0000-4000-8000-000000000000")));
    expect(missing.fieldErrors).toEqual({ orderId: "Choose one of your services." });
    expect((await createChangeRequest(desk.agent, changeInput(desk.otherOrderId))).status).toBe("draft");
    expect((await createChangeRequest(desk.manager, changeInput(suspended))).status).toBe("draft");
  });

  it("bad items are field errors and nothing is written", async () => {
    const db = await getDb();
    const count = async () => (await db.select({ id: tickets.id }).from(tickets)).length;
    const before = await count();
    const bad = changeInput(desk.orderId, {
      items: [
        { action: "add", componentType: "storage", quantity: 0 },
        { action: "modify", componentType: "memory", quantity: 1, specifications: { size: "8 GB" }, currentValue: "4 GB", requestedValue: "8 GB" },
      ],
    });
    const e = await refusal(createChangeRequest(desk.client, bad));
    expect(e.fieldErrors).toEqual({ "items.0.quantity": "The quantity is at least 1.", "items.1.specifications": expect.any(String) });
    expect(await count()).toBe(before);
  });

  it("refuses keys the requester may not set", async () => {
    const e = await refusal(createChangeRequest(desk.client, { ...changeInput(desk.orderId), status: "approved" }));
    expect(e.code).toBe("invalid");
    const e2 = await refusal(createChangeRequest(desk.client, { ...changeInput(desk.orderId), approvedById: desk.client.id }));
    expect(e2.code).toBe("invalid");
  });
});

describe("the road to completed", () => {
  it("submit → approve → assign → start → deploy (per item) → complete, with history and mails", async () => {
    const { id, number } = await createChangeRequest(desk.client, changeInput(desk.orderId, { submit: true }));
    await approveChangeRequest(desk.manager, { ticketId: id, comment: "Go ahead" });
    await assignChangeRequest(desk.manager, { ticketId: id, technicianId: desk.agent.id });
    await startChangeRequest(desk.agent, { ticketId: id });
    const [first, second] = await itemsOf(id);
    await deployChangeRequest(desk.agent, {
      ticketId: id,
      notes: "Deployed 22:30",
      items: [
        { itemId: first!.id, fulfilled: true, note: "Both disks in" },
        { itemId: second!.id, fulfilled: false, note: "NIC on back-order" },
      ],
    });
    expect((await completeChangeRequest(desk.agent, { ticketId: id })).status).toBe("completed");

    const db = await getDb();
    const [row] = await db.select().from(tickets).where(eq(tickets.id, id));
    expect(row).toMatchObject({ number, status: "completed", approvedById: desk.manager.id, assigneeId: desk.agent.id, deploymentNotes: "Deployed 22:30" });
    expect(row!.completedAt).not.toBeNull();
    const items = await itemsOf(id);
    expect(items.map((i) => [i.fulfilled, i.notes, i.fulfilledAt !== null])).toEqual([
      [true, "Both disks in", true],
      [false, "NIC on back-order", false],
    ]);
    const history = await historyOf(id);
    expect(history.map((h) => h.action)).toEqual([
      "created",
      "submitted",
      "approved",
      "assigned",
      "started",
      "item_fulfilled",
      "item_not_fulfilled",
      "deployed",
      "completed",
    ]);
    expect(history.find((h) => h.action === "approved")).toMatchObject({ actorId: desk.manager.id, oldValue: "pending", newValue: "approved", comment: "Go ahead" });
    expect(history.find((h) => h.action === "item_not_fulfilled")!.comment).toBe("NIC on back-order");

    const sent = await noticesOf(id);
    const to = (type: string) => sent.filter((n) => n.type === type).map((n) => n.to);
    expect(to("change.submitted").sort()).toEqual([desk.manager.id, desk.admin.id].sort());
    expect(to("change.approved")).toEqual([desk.client.id]);
    expect(to("change.assigned")).toEqual([desk.agent.id]);
    expect(to("change.deployed")).toEqual([desk.client.id]);
    expect(to("change.completed")).toEqual([desk.client.id]);
    expect(sent.find((n) => n.type === "change.deployed")!.text).toContain("1 of 2 line items fulfilled");
  });

  it("assigning needs a technician who may deploy; deploying needs every item once", async () => {
    const { id } = await insertChange({ requester: desk.client, orderId: desk.orderId, status: "approved", decidedBy: desk.manager });
    const notTech = await refusal(assignChangeRequest(desk.manager, { ticketId: id, technicianId: desk.accountant.id }));
    expect(notTech.fieldErrors?.technicianId).toMatch(/technician/);
    await assignChangeRequest(desk.manager, { ticketId: id, technicianId: desk.agent.id });
    await startChangeRequest(desk.agent, { ticketId: id });
    const [first] = await itemsOf(id);
    const before = await changeSnapshot(id);
    const partial = await refusal(deployChangeRequest(desk.agent, { ticketId: id, items: [{ itemId: first!.id, fulfilled: true }] }));
    expect(partial.code).toBe("invalid");
    const twice = await refusal(
      deployChangeRequest(desk.agent, { ticketId: id, items: [{ itemId: first!.id, fulfilled: true }, { itemId: first!.id, fulfilled: false }] }),
    );
    expect(twice.code).toBe("invalid");
    expect(await changeSnapshot(id)).toEqual(before);
  });

  it("a deployed change rolls back only with a reason, and the requester is told why", async () => {
    const { id } = await insertChange({ requester: desk.client, orderId: desk.orderId, status: "deployed", assignee: desk.agent, decidedBy: desk.manager });
    const before = await changeSnapshot(id);
    const noReason = await refusal(rollBackChangeRequest(desk.agent, { ticketId: id, reason: "   " }));
    expect(noReason.fieldErrors?.reason).toBeDefined();
    expect(await changeSnapshot(id)).toEqual(before);
    await rollBackChangeRequest(desk.agent, { ticketId: id, reason: "RAID controller rejected the disks" });
    const db = await getDb();
    const [row] = await db.select().from(tickets).where(eq(tickets.id, id));
    expect(row).toMatchObject({ status: "rolled_back", rollbackReason: "RAID controller rejected the disks" });
    const sent = await noticesOf(id);
    expect(sent.map((n) => [n.type, n.to])).toEqual([["change.rolled_back", desk.client.id]]);
    expect(sent[0]!.text).toContain("RAID controller rejected the disks");
  });
});

describe("rejection and resubmission", () => {
  it("keeps the number, clears the decision, keeps the rejection in the history, asks the approvers again", async () => {
    const { id, number } = await createChangeRequest(desk.client, changeInput(desk.orderId, { submit: true }));
    const noReason = await refusal(rejectChangeRequest(desk.manager, { ticketId: id, reason: "" }));
    expect(noReason.fieldErrors?.reason).toBe("Say why the change is rejected.");
    await rejectChangeRequest(desk.manager, { ticketId: id, reason: "Pick a window outside business hours" });
    const db = await getDb();
    const [rejected] = await db.select().from(tickets).where(eq(tickets.id, id));
    expect(rejected).toMatchObject({ status: "rejected", rejectedById: desk.manager.id, rejectionReason: "Pick a window outside business hours" });
    expect((await noticesOf(id)).filter((n) => n.type === "change.rejected").map((n) => n.to)).toEqual([desk.client.id]);

    await editChangeRequest(desk.client, { ticketId: id, ...changeInput(desk.orderId, { title: "Add two SSDs at night", scheduledFor: "2025-06-10T02:00:00Z" }) });
    const again = await resubmitChangeRequest(desk.client, { ticketId: id });
    expect(again).toEqual({ id, number, status: "pending" });
    const [row] = await db.select().from(tickets).where(eq(tickets.id, id));
    expect(row).toMatchObject({ number, title: "Add two SSDs at night", status: "pending", rejectedById: null, rejectedAt: null, rejectionReason: null, approvedById: null });
    const history = await historyOf(id);
    expect(history.map((h) => h.action)).toEqual(["created", "submitted", "rejected", "edited", "resubmitted"]);
    expect(history[2]!.comment).toBe("Pick a window outside business hours");
    const asked = (await noticesOf(id)).filter((n) => n.type === "change.resubmitted").map((n) => n.to);
    expect(asked.sort()).toEqual([desk.manager.id, desk.admin.id].sort());
    // …and the same record can now be approved by someone else.
    expect((await approveChangeRequest(desk.admin, { ticketId: id })).status).toBe("approved");
  });

  it("an approved request cannot be edited (nor resubmitted), and nothing changes", async () => {
    const { id } = await insertChange({ requester: desk.client, orderId: desk.orderId, status: "approved", decidedBy: desk.manager });
    const before = await changeSnapshot(id);
    const edit = await refusal(editChangeRequest(desk.client, { ticketId: id, ...changeInput(desk.orderId, { title: "Sneaky change after approval" }) }));
    expect(edit.code).toBe("invalid");
    expect(edit.message).toMatch(/only as a draft or after a rejection/);
    expect((await refusal(resubmitChangeRequest(desk.client, { ticketId: id }))).code).toBe("invalid");
    expect(await changeSnapshot(id)).toEqual(before);
  });

  it("an approver may cancel a pending request but not someone's draft; the requester is told", async () => {
    const draft = await insertChange({ requester: desk.client, orderId: desk.orderId, status: "draft" });
    expect((await refusal(cancelChangeRequest(desk.manager, { ticketId: draft.id }))).code).toBe("forbidden");
    const pending = await insertChange({ requester: desk.client, orderId: desk.orderId, status: "pending" });
    await cancelChangeRequest(desk.manager, { ticketId: pending.id, comment: "Superseded by another change" });
    expect((await noticesOf(pending.id)).map((n) => [n.type, n.to])).toEqual([["change.cancelled", desk.client.id]]);
  });
});

describe("conflicts", () => {
  it("lists other approved or in-progress changes on the same order whose windows overlap", async () => {
    const service = await makeService();
    const orderId = await makeOrder(desk.client.id, service.id, { instanceName: "conflicts" });
    const at = (hhmm: string) => new Date(`2025-06-20T${hhmm}:00Z`);
    const base = { requester: desk.client, orderId, decidedBy: desk.manager, estimatedMinutes: 60 };
    const mine = await insertChange({ ...base, status: "pending", scheduledFor: at("22:00") });
    const overlapping = await insertChange({ ...base, status: "approved", scheduledFor: at("22:30") });
    const running = await insertChange({ ...base, status: "in_progress", scheduledFor: at("21:30"), assignee: desk.agent });
    await insertChange({ ...base, status: "approved", scheduledFor: at("23:00") }); // starts as mine ends
    await insertChange({ ...base, status: "pending", scheduledFor: at("22:15") }); // not approved yet
    await insertChange({ ...base, status: "completed", scheduledFor: at("22:15") });
    await insertChange({ ...base, orderId: desk.orderId, status: "approved", scheduledFor: at("22:15") }); // another order
    const found = await listConflicts(desk.manager, mine.id);
    expect(found.map((c) => c.number)).toEqual([running.number, overlapping.number]);
    // A requester without a window has nothing to compare.
    const windowless = await insertChange({ ...base, status: "pending", scheduledFor: null });
    expect(await listConflicts(desk.manager, windowless.id)).toEqual([]);
    expect((await refusal(listConflicts(desk.otherClient, mine.id))).code).toBe("not_found");
  });
});

describe("visibility", () => {
  it("requesters see their own, approvers all, technicians what is assigned to them, others nothing", async () => {
    const byAgent = await createChangeRequest(desk.agent, changeInput(desk.orderId, { submit: true }));
    const byClient = await insertChange({ requester: desk.client, orderId: desk.orderId, status: "approved", decidedBy: desk.manager });
    // The agent requester sees (and may cancel) their own request, though agents have no ticket.view_own.
    expect((await cancelChangeRequest(desk.agent, { ticketId: byAgent.id })).status).toBe("cancelled");
    // Another client, and an agent not assigned, are told it does not exist.
    expect((await refusal(cancelChangeRequest(desk.otherClient, { ticketId: byClient.id }))).code).toBe("not_found");
    expect((await refusal(startChangeRequest(desk.agent_l2, { ticketId: byClient.id }))).code).toBe("not_found");
    await assignChangeRequest(desk.admin, { ticketId: byClient.id, technicianId: desk.agent_l2.id });
    expect((await startChangeRequest(desk.agent_l2, { ticketId: byClient.id })).status).toBe("in_progress");
  });

  it("comments work on a change request through the shared core, internal notes stay staff-only", async () => {
    const { id } = await insertChange({ requester: desk.client, orderId: desk.orderId, status: "pending" });
    await addComment(desk.client, { ticketId: id, body: "Any news?" });
    await addComment(desk.manager, { ticketId: id, body: "Checking the window", visibility: "internal" });
    await addComment(desk.manager, { ticketId: id, body: "Looking at it today", visibility: "public" });
    const db = await getDb();
    const [row] = await db.select({ status: tickets.status }).from(tickets).where(eq(tickets.id, id));
    expect(row!.status).toBe("pending"); // a comment never moves a change request's status
    const clientMail = await db.select({ text: notifications.text }).from(notifications).where(eq(notifications.recipientId, desk.client.id));
    expect(clientMail.some((n) => n.text?.includes("Checking the window"))).toBe(false);
  });

  it("change requests never show up in the support lists", async () => {
    const newcomer = await createUser("client", { name: "Nina New", companyId: desk.companyId });
    const service = await makeService();
    const orderId = await makeOrder(newcomer.id, service.id);
    await createChangeRequest(newcomer, changeInput(orderId, { submit: true }));
    expect((await listTickets(newcomer, { scope: "mine" })).items).toEqual([]);
  });
});
