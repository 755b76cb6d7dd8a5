import { eq } from "drizzle-orm";
import { getDb, type Conn } from "@/db";
import { tickets, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { recordHistory, statusEntry, type HistoryEntry, type RequestMeta } from "./history";
import { guardedUpdate, withTicketAction } from "./load";
import { notifyClientOfClose, notifyClientOfStatus, pingInApp } from "./notify";
import { parseInput } from "@/lib/input";
import { ticketRefSchema } from "./schemas";
import { reopenStatus } from "./workflow";

/**
 * The support workflow's own transitions (SPEC §3). Each: one transaction, visibility (unseen →
 * not_found), the rule from workflow.ts, a conditional update on the state the rule saw, history,
 * notifications. Input is `{ ticketId }`; `meta` carries ip / user agent / channel for the history.
 */
export type TransitionResult = { id: string; number: string; status: string };

/** An agent takes an open ticket of their line: assignee = self, → in_progress. Exactly one of two racing agents wins. */
export async function takeTicket(actor: Actor, input: unknown, meta: RequestMeta = {}): Promise<TransitionResult> {
  const { ticketId } = parseInput(ticketRefSchema, input);
  try {
    return await withTicketAction(actor, ticketId, "take", async (tx, t) => {
      try {
        await guardedUpdate(tx, t, { assigneeId: actor.id, status: "in_progress" });
      } catch (error) {
        // On PostgreSQL the loser waits for the winner's commit, then matches no row.
        if (error instanceof AppError && error.code === "conflict") throw (await lostTake(tx, ticketId, null)) ?? error;
        throw error;
      }
      await recordHistory(
        tx,
        t,
        actor.id,
        [
          { action: "taken", field: "assignee", oldValue: null, newValue: actor.name, extra: { assigneeId: actor.id } },
          statusEntry("taken", t.status, "in_progress"),
        ],
        meta,
      );
      await notifyClientOfStatus(tx, t, t.requester, "in_progress", `${actor.name} is now working on your ticket.`);
      return { id: t.id, number: t.number, status: "in_progress" };
    });
  } catch (error) {
    // Where transactions run one after another (PGlite), the loser starts after the winner's commit:
    // the ticket has left the queue and is invisible to it. Say what happened instead of "not found".
    if (error instanceof AppError && error.code === "not_found") throw (await lostTake(await getDb(), ticketId, actor)) ?? error;
    throw error;
  }
}

/**
 * "X took this ticket a moment ago", or null. With `sawQueue`, only for a ticket now assigned to
 * someone, of a line whose queue that actor works (so it could have been in their queue); anything
 * else stays "not found".
 */
async function lostTake(conn: Conn, ticketId: string, sawQueue: Actor | null): Promise<AppError | null> {
  const [row] = await conn
    .select({ type: tickets.type, escalated: tickets.escalated, assigneeName: users.name })
    .from(tickets)
    .leftJoin(users, eq(users.id, tickets.assigneeId))
    .where(eq(tickets.id, ticketId));
  if (!row?.assigneeName || row.type !== "support") return null;
  if (sawQueue && !sawQueue.permissions.has(row.escalated ? "ticket.view_escalated" : "ticket.view_queue")) return null;
  return new AppError("conflict", `${row.assigneeName} took this ticket a moment ago. Pick another one from the queue.`);
}

/** First line hands a ticket to second line: escalated, assignee cleared, → open in the second-line queue. */
export async function escalateTicket(actor: Actor, input: unknown, meta: RequestMeta = {}): Promise<TransitionResult> {
  const { ticketId } = parseInput(ticketRefSchema, input);
  return withTicketAction(actor, ticketId, "escalate", async (tx, t) => {
    await guardedUpdate(tx, t, { escalated: true, assigneeId: null, status: "open" });
    const entries: HistoryEntry[] = [{ action: "escalated", field: "escalated", oldValue: "false", newValue: "true" }];
    if (t.assignee) entries.push({ action: "escalated", field: "assignee", oldValue: t.assignee.name, newValue: null });
    if (t.status !== "open") entries.push(statusEntry("escalated", t.status, "open"));
    await recordHistory(tx, t, actor.id, entries, meta);
    await notifyClientOfStatus(tx, t, t.requester, "open", "Your ticket has been passed to our second-line team, who will pick it up shortly.");
    return { id: t.id, number: t.number, status: "open" };
  });
}

/** Closes a ticket that has a public agent reply: sets closed_at, mails the client (who may reopen within an hour). */
export async function closeTicket(actor: Actor, input: unknown, meta: RequestMeta = {}): Promise<TransitionResult> {
  const { ticketId } = parseInput(ticketRefSchema, input);
  return withTicketAction(actor, ticketId, "close", async (tx, t, at) => {
    await guardedUpdate(tx, t, { status: "closed", closedAt: at });
    await recordHistory(tx, t, actor.id, [statusEntry("closed", t.status, "closed")], meta);
    await notifyClientOfClose(tx, t, t.requester, at);
    if (t.assignee && t.assignee.id !== actor.id) await pingInApp(tx, t, t.assignee.id, "ticket.closed", `${actor.name} closed ${t.number}.`);
    return { id: t.id, number: t.number, status: "closed" };
  });
}

/** The client reopens a closed ticket within an hour of closing: back to its assignee (in_progress) or the queue (open). */
export async function reopenTicket(actor: Actor, input: unknown, meta: RequestMeta = {}): Promise<TransitionResult> {
  const { ticketId } = parseInput(ticketRefSchema, input);
  return withTicketAction(actor, ticketId, "reopen", async (tx, t) => {
    const status = reopenStatus(t);
    await guardedUpdate(tx, t, { status, closedAt: null, reopenCount: t.reopenCount + 1 });
    await recordHistory(tx, t, actor.id, [{ ...statusEntry("reopened", t.status, status), extra: { reopenCount: t.reopenCount + 1 } }], meta);
    await notifyClientOfStatus(tx, t, t.requester, status, "You reopened your ticket; we will get back to you.");
    if (t.assignee) await pingInApp(tx, t, t.assignee.id, "ticket.reopened", `${actor.name} reopened ${t.number}.`);
    return { id: t.id, number: t.number, status };
  });
}
