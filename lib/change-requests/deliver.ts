import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { rolePermissions, ticketItems, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { fieldError, parseInput } from "@/lib/input";
import { recordHistory, statusEntry, type HistoryEntry, type RequestMeta } from "@/lib/tickets/history";
import { guardedUpdate, type Person } from "@/lib/tickets/load";
import type { ChangeResult } from "./create";
import { withChangeAction } from "./load";
import { notifyAboutChange } from "./notify";
import { assignChangeSchema, changeRefSchema, completeChangeSchema, deployChangeSchema, rollBackChangeSchema } from "./schemas";

/**
 * After approval: an approver assigns a technician, who starts, deploys (per-item fulfilment),
 * then completes or rolls back. Same shape as decide.ts: one transaction, rule, guarded UPDATE,
 * history, outbox.
 */

/** An active user whose role may deploy changes (ticket.deploy), or null. */
async function findTechnician(tx: Tx, userId: string): Promise<Person | null> {
  const [row] = await tx
    .select({ id: users.id, name: users.name, email: users.email, active: users.active })
    .from(users)
    .innerJoin(rolePermissions, and(eq(rolePermissions.roleKey, users.roleKey), eq(rolePermissions.permissionKey, "ticket.deploy")))
    .where(and(eq(users.id, userId), eq(users.active, true)));
  return row ?? null;
}

/** An approver hands an approved request to a technician (an active user with ticket.deploy), who is mailed. */
export async function assignChangeRequest(actor: Actor, input: unknown, meta: RequestMeta = {}): Promise<ChangeResult> {
  const { ticketId, technicianId } = parseInput(assignChangeSchema, input);
  return withChangeAction(actor, ticketId, "assign", async (tx, c) => {
    const tech = await findTechnician(tx, technicianId);
    if (!tech) throw fieldError("technicianId", "Choose a technician who can deploy changes.");
    if (tech.id === c.assigneeId) throw fieldError("technicianId", `${tech.name} is already assigned to this change.`);
    await guardedUpdate(tx, c, { assigneeId: tech.id });
    await recordHistory(
      tx,
      c,
      actor.id,
      [{ action: "assigned", field: "assignee", oldValue: c.assignee?.name ?? null, newValue: tech.name, extra: { assigneeId: tech.id } }],
      meta,
    );
    if (tech.id !== actor.id) {
      await notifyAboutChange(tx, c, tech, {
        type: "change.assigned",
        event: "Assigned to you",
        summary: `${actor.name} assigned the approved change request ${c.number} to you: ${c.title}`,
        inApp: `${actor.name} assigned ${c.number} to you.`,
      });
    }
    return { id: c.id, number: c.number, status: c.status };
  });
}

/** The assigned technician starts the work: approved → in_progress. */
export async function startChangeRequest(actor: Actor, input: unknown, meta: RequestMeta = {}): Promise<ChangeResult> {
  const { ticketId } = parseInput(changeRefSchema, input);
  return withChangeAction(actor, ticketId, "start", async (tx, c) => {
    await guardedUpdate(tx, c, { status: "in_progress" });
    await recordHistory(tx, c, actor.id, [statusEntry("started", c.status, "in_progress")], meta);
    return { id: c.id, number: c.number, status: "in_progress" };
  });
}

/**
 * The technician marks the change deployed: every line item fulfilled or not, each with an optional
 * note, and deployment notes. Every item of the request must be accounted for, exactly once.
 */
export async function deployChangeRequest(actor: Actor, input: unknown, meta: RequestMeta = {}): Promise<ChangeResult> {
  const data = parseInput(deployChangeSchema, input);
  return withChangeAction(actor, data.ticketId, "deploy", async (tx, c, at) => {
    const items = await tx
      .select({ id: ticketItems.id, action: ticketItems.action, componentType: ticketItems.componentType })
      .from(ticketItems)
      .where(eq(ticketItems.ticketId, c.id))
      .orderBy(ticketItems.position, ticketItems.id);
    const marks = new Map(data.items.map((m) => [m.itemId, m]));
    if (marks.size !== data.items.length || items.length !== marks.size || items.some((i) => !marks.has(i.id))) {
      throw new AppError("invalid", "Mark every line item of this change as fulfilled or not, once each.", { items: "Mark every line item once." });
    }
    await guardedUpdate(tx, c, { status: "deployed", deployedAt: at, deploymentNotes: data.notes ?? null });
    const entries: HistoryEntry[] = [];
    for (const item of items) {
      const mark = marks.get(item.id)!;
      await tx
        .update(ticketItems)
        .set({ fulfilled: mark.fulfilled, fulfilledAt: mark.fulfilled ? at : null, notes: mark.note ?? null })
        .where(eq(ticketItems.id, item.id));
      entries.push({
        action: mark.fulfilled ? "item_fulfilled" : "item_not_fulfilled",
        field: "item",
        newValue: `${item.action} ${item.componentType}: ${mark.fulfilled ? "fulfilled" : "not fulfilled"}`,
        comment: mark.note ?? null,
        extra: { itemId: item.id },
      });
    }
    entries.push(statusEntry("deployed", c.status, "deployed", data.notes));
    await recordHistory(tx, c, actor.id, entries, meta);
    const done = data.items.filter((m) => m.fulfilled).length;
    await notifyAboutChange(tx, c, c.requester, {
      type: "change.deployed",
      event: "Deployed",
      summary: `${actor.name} deployed your change request ${c.number}: ${done} of ${items.length} line items fulfilled.`,
      inApp: `${actor.name} deployed ${c.number}.`,
      quote: data.notes,
    });
    return { id: c.id, number: c.number, status: "deployed" };
  });
}

/** The technician confirms a deployed change: → completed, the requester is told. */
export async function completeChangeRequest(actor: Actor, input: unknown, meta: RequestMeta = {}): Promise<ChangeResult> {
  const { ticketId, comment } = parseInput(completeChangeSchema, input);
  return withChangeAction(actor, ticketId, "complete", async (tx, c, at) => {
    await guardedUpdate(tx, c, { status: "completed", completedAt: at });
    await recordHistory(tx, c, actor.id, [statusEntry("completed", c.status, "completed", comment)], meta);
    await notifyAboutChange(tx, c, c.requester, {
      type: "change.completed",
      event: "Completed",
      summary: `${actor.name} completed your change request ${c.number}.`,
      inApp: `${c.number} is completed.`,
      quote: comment,
    });
    return { id: c.id, number: c.number, status: "completed" };
  });
}

/** The technician undoes a deployed change, with a reason: → rolled_back, the requester is told. */
export async function rollBackChangeRequest(actor: Actor, input: unknown, meta: RequestMeta = {}): Promise<ChangeResult> {
  const { ticketId, reason } = parseInput(rollBackChangeSchema, input);
  return withChangeAction(actor, ticketId, "roll_back", async (tx, c, at) => {
    await guardedUpdate(tx, c, { status: "rolled_back", rolledBackAt: at, rollbackReason: reason });
    await recordHistory(tx, c, actor.id, [statusEntry("rolled_back", c.status, "rolled_back", reason)], meta);
    await notifyAboutChange(tx, c, c.requester, {
      type: "change.rolled_back",
      event: "Rolled back",
      summary: `${actor.name} rolled back your change request ${c.number}, for this reason:`,
      inApp: `${c.number} was rolled back.`,
      quote: reason,
    });
    return { id: c.id, number: c.number, status: "rolled_back" };
  });
}
