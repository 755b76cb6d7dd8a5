import { eq } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
import { ticketItems, tickets } from "@/db/schema";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { fieldError, parseInput } from "@/lib/input";
import { findRequester } from "@/lib/tickets/create";
import { recordHistory, statusEntry, type HistoryEntry, type RequestMeta } from "@/lib/tickets/history";
import { guardedUpdate } from "@/lib/tickets/load";
import { nextTicketNumber } from "@/lib/tickets/numbering";
import { newTicketSearchVector, refreshSearchVector } from "@/lib/tickets/search";
import { findOrder, withChangeAction } from "./load";
import { notifyApprovers } from "./notify";
import { mayRequestOn } from "./rules";
import { createChangeSchema, editChangeSchema, specsToJson, type ChangeFields, type ItemInput } from "./schemas";

export type ChangeResult = { id: string; number: string; status: string };

/** The order a request targets, checked against who asks: unknown or not theirs is the same field error. */
async function checkOrder(tx: Tx, actor: Actor, orderId: string) {
  const order = await findOrder(tx, orderId);
  const notYours = "Choose one of your services.";
  if (!order) throw fieldError("orderId", notYours);
  const verdict = mayRequestOn(actor, order);
  if (!verdict.ok) throw verdict.code === "forbidden" ? new AppError("forbidden", verdict.reason) : fieldError("orderId", verdict.reason);
  return order;
}

function requestColumns(data: Omit<ChangeFields, "submit" | "items">, order: { id: string; serviceId: string }) {
  return {
    title: data.title,
    body: data.body,
    changeType: data.changeType,
    priority: data.priority,
    targetOrderId: order.id,
    // The shared link columns, so the support-side filters by order and service find the request too.
    orderId: order.id,
    serviceId: order.serviceId,
    scheduledFor: data.scheduledFor ?? null,
    estimatedMinutes: data.estimatedMinutes ?? null,
    implementationPlan: data.implementationPlan ?? null,
    backoutPlan: data.backoutPlan ?? null,
  };
}

async function insertItems(tx: Tx, ticketId: string, items: ItemInput[], at: Date) {
  await tx.insert(ticketItems).values(
    items.map((item, position) => ({
      ticketId,
      position,
      action: item.action,
      componentType: item.componentType,
      quantity: item.quantity,
      specifications: specsToJson(item.specifications),
      currentValue: item.currentValue ?? null,
      requestedValue: item.requestedValue ?? null,
      createdAt: at,
    })),
  );
}

/**
 * A client (on their own active order) or a staff member (on any order) requests a change: a number
 * from the same daily sequence as support tickets, the line items, history; saved as a draft or
 * submitted at once (→ pending, the approvers are mailed). One transaction.
 */
export async function createChangeRequest(actor: Actor, input: unknown, meta: RequestMeta = {}): Promise<ChangeResult> {
  assertCan(actor, "ticket.create", "You are not allowed to request changes.");
  const { submit, items, ...data } = parseInput(createChangeSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const requester = await findRequester(tx, actor.id);
    if (!requester?.active) throw new Error("actor without an active user row");
    const order = await checkOrder(tx, actor, data.orderId);
    const at = now();
    const status = submit ? "pending" : "draft";
    const number = await nextTicketNumber(tx, at);
    const [row] = await tx
      .insert(tickets)
      .values({
        ...requestColumns(data, order),
        number,
        type: "change_request",
        status,
        requesterId: requester.id,
        companyId: requester.companyId,
        channel: meta.channel ?? "web",
        submittedAt: submit ? at : null,
        createdAt: at,
        updatedAt: at,
        lastActivityAt: at,
        searchVector: newTicketSearchVector(data.title, data.body),
      })
      .returning({ id: tickets.id });
    const ref = { id: row!.id, number, title: data.title };
    await insertItems(tx, ref.id, items, at);
    const entries: HistoryEntry[] = [
      { action: "created", field: "status", newValue: "draft", comment: data.title, extra: { changeType: data.changeType, items: items.length, orderId: order.id } },
    ];
    if (submit) entries.push(statusEntry("submitted", "draft", "pending"));
    await recordHistory(tx, ref, actor.id, entries, meta);
    if (submit) await notifyApprovers(tx, ref, requester, false);
    return { id: ref.id, number, status };
  });
}

/**
 * The requester edits a draft or a rejected request: every field and the line items are sent again
 * (the items replace the old ones). The status stays; a rejected request is then resubmitted.
 */
export async function editChangeRequest(actor: Actor, input: unknown, meta: RequestMeta = {}): Promise<ChangeResult> {
  const { ticketId, items, ...data } = parseInput(editChangeSchema, input);
  return withChangeAction(actor, ticketId, "edit", async (tx, c, at) => {
    const order = await checkOrder(tx, actor, data.orderId);
    await guardedUpdate(tx, c, { ...requestColumns(data, order), lastActivityAt: at });
    await refreshSearchVector(tx, c.id);
    await tx.delete(ticketItems).where(eq(ticketItems.ticketId, c.id));
    await insertItems(tx, c.id, items, at);
    await recordHistory(tx, c, actor.id, [{ action: "edited", comment: data.title !== c.title ? `Title was: ${c.title}` : null, extra: { items: items.length } }], meta);
    return { id: c.id, number: c.number, status: c.status };
  });
}
