/**
 * Test helpers for the change-request suites (imported by *.int.test.ts only): a desk with an order,
 * requests in any state inserted directly, and a snapshot proving a refused step changed nothing.
 */
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { messages, notifications, ticketHistory, ticketItems, tickets } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { makeOrder, makeService } from "@/lib/billing/test-fixtures";
import { now } from "@/lib/clock";
import { createUser } from "@/lib/test/factories";
import { nextTicketNumber } from "@/lib/tickets/numbering";
import { createDesk, type Desk } from "@/lib/tickets/test-fixtures";
import type { ChangeStatus } from "./rules";

export type ChangeDesk = Desk & {
  /** The client's active order. */
  orderId: string;
  /** Another client, with an active order of their own. */
  otherClient: Actor;
  otherOrderId: string;
  /** A technician nobody acts as. */
  spareAgent: Actor;
};

export async function createChangeDesk(): Promise<ChangeDesk> {
  const desk = await createDesk();
  const service = await makeService({ name: `Server ${Math.random()}` });
  const otherClient = await createUser("client", { name: "Olga Other" });
  const spareAgent = await createUser("agent", { name: "Tim Technician" });
  const orderId = await makeOrder(desk.client.id, service.id, { instanceName: "db-01" });
  const otherOrderId = await makeOrder(otherClient.id, service.id, { instanceName: "web-07" });
  return { ...desk, orderId, otherClient, otherOrderId, spareAgent };
}

/** A valid request body for createChangeRequest / editChangeRequest (without ticketId). */
export function changeInput(orderId: string, over: Record<string, unknown> = {}) {
  return {
    title: "Add two SSDs",
    body: "The database needs more room.",
    changeType: "component_addition",
    priority: "normal",
    orderId,
    scheduledFor: "2025-06-10T22:00:00Z",
    estimatedMinutes: 60,
    implementationPlan: "Power down, insert, extend the volume.",
    backoutPlan: "Remove the disks.",
    items: [
      { action: "add", componentType: "storage", quantity: 2, specifications: [{ key: "model", value: "Samsung 980 Pro" }, { key: "size", value: "2 TB" }] },
      { action: "replace", componentType: "network", quantity: 1, currentValue: "1 GbE", requestedValue: "10 GbE" },
    ],
    ...over,
  };
}

export type ChangeSeed = {
  requester: Actor;
  orderId: string;
  status?: ChangeStatus;
  assignee?: Actor | null;
  /** Who decided (approved or rejected) a request past pending: never the requester. */
  decidedBy?: Actor;
  scheduledFor?: Date | null;
  estimatedMinutes?: number | null;
  items?: number;
};

const DECIDED: readonly string[] = ["approved", "in_progress", "deployed", "completed", "rolled_back"];

/** Inserts a change request in any state, bypassing the workflow (for fixtures). */
export async function insertChange(s: ChangeSeed): Promise<{ id: string; number: string }> {
  const db = await getDb();
  const at = now();
  const status = s.status ?? "pending";
  const decider = s.decidedBy?.id ?? null;
  return db.transaction(async (tx) => {
    const number = await nextTicketNumber(tx, at);
    const [row] = await tx
      .insert(tickets)
      .values({
        number,
        type: "change_request",
        title: `Change ${number}`,
        body: "Swap the disks.",
        status,
        requesterId: s.requester.id,
        assigneeId: s.assignee?.id ?? null,
        targetOrderId: s.orderId,
        orderId: s.orderId,
        changeType: "component_addition",
        companyId: s.requester.companyId,
        submittedAt: status === "draft" ? null : at,
        approvedById: DECIDED.includes(status) ? decider : null,
        approvedAt: DECIDED.includes(status) ? at : null,
        rejectedById: status === "rejected" ? decider : null,
        rejectedAt: status === "rejected" ? at : null,
        rejectionReason: status === "rejected" ? "Not this week" : null,
        scheduledFor: s.scheduledFor === undefined ? null : s.scheduledFor,
        estimatedMinutes: s.estimatedMinutes ?? null,
        createdAt: at,
        updatedAt: at,
        lastActivityAt: at,
      })
      .returning({ id: tickets.id });
    const n = s.items ?? 2;
    if (n > 0) {
      await tx.insert(ticketItems).values(
        Array.from({ length: n }, (_, i) => ({ ticketId: row!.id, position: i, action: "add" as const, componentType: `disk-${i}`, quantity: 1, createdAt: at })),
      );
    }
    return { id: row!.id, number };
  });
}

export async function itemsOf(ticketId: string) {
  const db = await getDb();
  return db.select().from(ticketItems).where(eq(ticketItems.ticketId, ticketId)).orderBy(asc(ticketItems.position), asc(ticketItems.id));
}

/** Everything a refused step must leave untouched: the row, its items, history, messages, every notification. */
export async function changeSnapshot(ticketId: string) {
  const db = await getDb();
  const [row] = await db.select().from(tickets).where(eq(tickets.id, ticketId));
  const history = await db.select().from(ticketHistory).where(eq(ticketHistory.ticketId, ticketId)).orderBy(ticketHistory.id);
  const msgs = await db.select().from(messages).where(eq(messages.ticketId, ticketId));
  const notes = await db.select({ id: notifications.id }).from(notifications).orderBy(notifications.id);
  return { row, items: await itemsOf(ticketId), history, messages: msgs, notifications: notes.map((n) => n.id) };
}
