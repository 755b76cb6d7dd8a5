import { sql } from "drizzle-orm";
import { getDb, rawRows } from "@/db";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { queueInApp } from "@/lib/mail/outbox";
import { findAssignable } from "./agents";
import { recordHistory, recordHistoryMany, statusEntry, type HistoryEntry, type RequestMeta } from "./history";
import { guardedUpdate, withTicketAction } from "./load";
import { notifyAssigned, notifyClientOfStatus, notifyClientOfWontFix, pingInApp } from "./notify";
import { assignSchema, setPrioritySchema, wontFixSchema } from "./schemas";
import { parseInput } from "@/lib/input";
import { ticketVisibility } from "./visibility";
import type { TransitionResult } from "./transitions";

/**
 * Managers' and admins' tools (SPEC §3): (re)assign, priority, won't fix, de-assign all.
 */

/**
 * Assigns an active ticket to an agent of its line (agent for first line, agent_l2 for escalated;
 * managers and admins qualify for both). An open ticket moves to in_progress. The new assignee is
 * mailed unless they assigned themselves. Input `{ ticketId, assigneeId }`.
 */
export async function assignTicket(actor: Actor, input: unknown, meta: RequestMeta = {}): Promise<TransitionResult> {
  const { ticketId, assigneeId } = parseInput(assignSchema, input);
  return withTicketAction(actor, ticketId, "assign", async (tx, t) => {
    if (t.assigneeId === assigneeId) throw new AppError("invalid", `This ticket is already assigned to ${t.assignee?.name ?? "that agent"}.`);
    const target = await findAssignable(tx, assigneeId, t.escalated);
    if (!target) {
      const line = t.escalated ? "a second-line agent" : "a first-line agent";
      throw new AppError("invalid", "Check the highlighted fields.", { assigneeId: `Choose an active agent who works this line (${line}, a manager or an admin).` });
    }
    const status = t.status === "open" ? "in_progress" : t.status;
    await guardedUpdate(tx, t, { assigneeId: target.id, status: status as "in_progress" });
    const entries: HistoryEntry[] = [
      { action: "assigned", field: "assignee", oldValue: t.assignee?.name ?? null, newValue: target.name, extra: { assigneeId: target.id } },
    ];
    if (status !== t.status) entries.push(statusEntry("assigned", t.status, status));
    await recordHistory(tx, t, actor.id, entries, meta);
    if (target.id !== actor.id) await notifyAssigned(tx, t, target, actor.name);
    if (t.assignee && t.assignee.id !== actor.id) {
      await pingInApp(tx, t, t.assignee.id, "ticket.unassigned", `${actor.name} reassigned ${t.number} to ${target.name}.`);
    }
    if (status !== t.status) await notifyClientOfStatus(tx, t, t.requester, status, `${target.name} is now working on your ticket.`);
    return { id: t.id, number: t.number, status };
  });
}

/** Sets the priority queues sort by. Input `{ ticketId, priority }`. */
export async function setTicketPriority(actor: Actor, input: unknown, meta: RequestMeta = {}): Promise<TransitionResult> {
  const { ticketId, priority } = parseInput(setPrioritySchema, input);
  return withTicketAction(actor, ticketId, "set_priority", async (tx, t) => {
    if (t.priority === priority) throw new AppError("invalid", `The priority already is ${priority}.`);
    await guardedUpdate(tx, t, { priority });
    await recordHistory(tx, t, actor.id, [{ action: "priority_changed", field: "priority", oldValue: t.priority, newValue: priority }], meta);
    if (t.assignee && t.assignee.id !== actor.id) {
      await pingInApp(tx, t, t.assignee.id, "ticket.priority", `${actor.name} set ${t.number} to ${priority} priority.`);
    }
    return { id: t.id, number: t.number, status: t.status };
  });
}

/** Closes a ticket for good with a required reason; the client is mailed the reason and cannot reopen. Input `{ ticketId, reason }`. */
export async function markWontFix(actor: Actor, input: unknown, meta: RequestMeta = {}): Promise<TransitionResult> {
  const { ticketId, reason } = parseInput(wontFixSchema, input);
  return withTicketAction(actor, ticketId, "wont_fix", async (tx, t, at) => {
    await guardedUpdate(tx, t, { status: "wont_fix", wontFixReason: reason, closedAt: at });
    await recordHistory(tx, t, actor.id, [statusEntry("wont_fix", t.status, "wont_fix", reason)], meta);
    await notifyClientOfWontFix(tx, t, t.requester, reason);
    if (t.assignee && t.assignee.id !== actor.id) await pingInApp(tx, t, t.assignee.id, "ticket.wont_fix", `${actor.name} closed ${t.number} as won't fix.`);
    return { id: t.id, number: t.number, status: "wont_fix" };
  });
}

export type DeassignAllResult = { count: number; numbers: string[] };

/**
 * End of the working day: every in_progress / waiting_for_customer support ticket (that the actor
 * can see) goes back to open without assignee — one statement, one history row per ticket, one
 * transaction. Each agent gets one in-app note; clients are not mailed (nothing changed for them).
 */
export async function deassignAll(actor: Actor, meta: RequestMeta = {}): Promise<DeassignAllResult> {
  assertCan(actor, "ticket.deassign_all", "Only managers can de-assign every ticket.");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const at = now();
    const rows = await rawRows<{ id: string; number: string; status: string; assignee_id: string | null; assignee_name: string | null }>(
      tx,
      sql`WITH old AS (
            SELECT tickets.id, tickets.status::text AS status, tickets.assignee_id, u.name AS assignee_name
            FROM tickets LEFT JOIN users u ON u.id = tickets.assignee_id
            WHERE tickets.type = 'support' AND tickets.status IN ('in_progress', 'waiting_for_customer')
              AND ${ticketVisibility(actor)}
            FOR UPDATE OF tickets
          )
          UPDATE tickets SET status = 'open', assignee_id = NULL, updated_at = ${at.toISOString()}::timestamptz
          FROM old WHERE tickets.id = old.id
          RETURNING tickets.id, tickets.number, old.status, old.assignee_id, old.assignee_name`,
    );
    if (rows.length === 0) return { count: 0, numbers: [] };
    await recordHistoryMany(
      tx,
      rows.map((r) => ({
        ticket: { id: r.id, number: r.number },
        entry: {
          ...statusEntry("deassigned", r.status, "open", r.assignee_name ? `Unassigned from ${r.assignee_name} (de-assign all).` : "De-assign all."),
          extra: { previousAssigneeId: r.assignee_id },
        },
      })),
      actor.id,
      meta,
    );
    const perAgent = new Map<string, string[]>();
    for (const r of rows) if (r.assignee_id) perAgent.set(r.assignee_id, [...(perAgent.get(r.assignee_id) ?? []), r.number]);
    for (const [agentId, numbers] of perAgent) {
      if (agentId === actor.id) continue;
      await queueInApp(tx, {
        type: "ticket.deassigned",
        recipientId: agentId,
        subject: `${numbers.length} ticket(s) returned to the queue`,
        text: `${actor.name} de-assigned all tickets: ${numbers.join(", ")} are open again.`,
        link: "/desk",
      });
    }
    return { count: rows.length, numbers: rows.map((r) => r.number).sort() };
  });
}
