import { eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db";
import { tickets, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/input";
import { recordHistory, statusEntry, type RequestMeta } from "@/lib/tickets/history";
import { guardedUpdate } from "@/lib/tickets/load";
import type { ChangeResult } from "./create";
import { withChangeAction } from "./load";
import { notifyAboutChange, notifyApprovers } from "./notify";
import { approveChangeSchema, cancelChangeSchema, changeRefSchema, rejectChangeSchema } from "./schemas";

/**
 * The requester's and the approvers' steps: submit, resubmit, approve, reject, cancel. Each is one
 * transaction: visibility, the rule (rules.ts), a guarded UPDATE on the status the rule saw, history,
 * outbox. Approve and reject add `requester_id <> actor` to the UPDATE's WHERE (separation of duties
 * again, beside the rule and the database's CHECK).
 */

/** The requester sends a draft for approval: → pending, every approver is mailed. */
export async function submitChangeRequest(actor: Actor, input: unknown, meta: RequestMeta = {}): Promise<ChangeResult> {
  const { ticketId } = parseInput(changeRefSchema, input);
  return withChangeAction(actor, ticketId, "submit", async (tx, c, at) => {
    await guardedUpdate(tx, c, { status: "pending", submittedAt: at });
    await recordHistory(tx, c, actor.id, [statusEntry("submitted", c.status, "pending")], meta);
    await notifyApprovers(tx, c, c.requester, false);
    return { id: c.id, number: c.number, status: "pending" };
  });
}

/**
 * After a rejection (and usually an edit), the same record and number go back to pending: the
 * decision is cleared (the rejection stays in the history) and the approvers are asked again.
 */
export async function resubmitChangeRequest(actor: Actor, input: unknown, meta: RequestMeta = {}): Promise<ChangeResult> {
  const { ticketId } = parseInput(changeRefSchema, input);
  return withChangeAction(actor, ticketId, "resubmit", async (tx, c, at) => {
    await guardedUpdate(tx, c, {
      status: "pending",
      submittedAt: at,
      approvedById: null,
      approvedAt: null,
      rejectedById: null,
      rejectedAt: null,
      rejectionReason: null,
    });
    await recordHistory(tx, c, actor.id, [statusEntry("resubmitted", c.status, "pending")], meta);
    await notifyApprovers(tx, c, c.requester, true);
    return { id: c.id, number: c.number, status: "pending" };
  });
}

const decider = alias(users, "decider");

/**
 * When a decision lost a race: who decided, as a clear conflict ("Mona Manager approved this request
 * a moment ago."), or null when the request was not decided meanwhile.
 */
async function decidedMeanwhile(ticketId: string): Promise<AppError | null> {
  const db = await getDb();
  const [row] = await db
    .select({ status: tickets.status, name: decider.name })
    .from(tickets)
    .leftJoin(decider, sql`${decider.id} = coalesce(${tickets.approvedById}, ${tickets.rejectedById})`)
    .where(eq(tickets.id, ticketId));
  if (!row || (row.status !== "approved" && row.status !== "rejected")) return null;
  return new AppError("conflict", `${row.name ?? "Another approver"} ${row.status} this request a moment ago: it is no longer pending.`);
}

/** A decision either wins, or says who decided first (PostgreSQL: the guarded UPDATE; PGlite: the rule). */
async function decide<T>(ticketId: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof AppError && (error.code === "conflict" || error.code === "invalid")) throw (await decidedMeanwhile(ticketId)) ?? error;
    throw error;
  }
}

/** An approver (never the requester, an admin neither) approves a pending request, with an optional comment. */
export async function approveChangeRequest(actor: Actor, input: unknown, meta: RequestMeta = {}): Promise<ChangeResult> {
  const { ticketId, comment } = parseInput(approveChangeSchema, input);
  return decide(ticketId, () =>
    withChangeAction(actor, ticketId, "approve", async (tx, c, at) => {
      await guardedUpdate(tx, c, { status: "approved", approvedById: actor.id, approvedAt: at }, undefined, [
        sql`${tickets.requesterId} <> ${actor.id}`,
      ]);
      await recordHistory(tx, c, actor.id, [{ ...statusEntry("approved", c.status, "approved", comment), extra: { approvedById: actor.id } }], meta);
      await notifyAboutChange(tx, c, c.requester, {
        type: "change.approved",
        event: "Approved",
        summary: `${actor.name} approved your change request ${c.number}. It will be scheduled with a technician.`,
        inApp: `${actor.name} approved ${c.number}.`,
        quote: comment,
      });
      return { id: c.id, number: c.number, status: "approved" };
    }),
  );
}

/** An approver (never the requester) rejects a pending request with a reason; the requester may edit and resubmit. */
export async function rejectChangeRequest(actor: Actor, input: unknown, meta: RequestMeta = {}): Promise<ChangeResult> {
  const { ticketId, reason } = parseInput(rejectChangeSchema, input);
  return decide(ticketId, () =>
    withChangeAction(actor, ticketId, "reject", async (tx, c, at) => {
      await guardedUpdate(tx, c, { status: "rejected", rejectedById: actor.id, rejectedAt: at, rejectionReason: reason }, undefined, [
        sql`${tickets.requesterId} <> ${actor.id}`,
      ]);
      await recordHistory(tx, c, actor.id, [{ ...statusEntry("rejected", c.status, "rejected", reason), extra: { rejectedById: actor.id } }], meta);
      await notifyAboutChange(tx, c, c.requester, {
        type: "change.rejected",
        event: "Rejected",
        summary: `${actor.name} rejected your change request ${c.number}, for this reason. You can edit it and submit it again.`,
        inApp: `${actor.name} rejected ${c.number}.`,
        quote: reason,
      });
      return { id: c.id, number: c.number, status: "rejected" };
    }),
  );
}

/** The requester (or an approver, once submitted) cancels a draft, pending or approved request. */
export async function cancelChangeRequest(actor: Actor, input: unknown, meta: RequestMeta = {}): Promise<ChangeResult> {
  const { ticketId, comment } = parseInput(cancelChangeSchema, input);
  return withChangeAction(actor, ticketId, "cancel", async (tx, c, at) => {
    await guardedUpdate(tx, c, { status: "cancelled", cancelledAt: at });
    await recordHistory(tx, c, actor.id, [statusEntry("cancelled", c.status, "cancelled", comment)], meta);
    const note = { type: "change.cancelled", event: "Cancelled", summary: `${actor.name} cancelled the change request ${c.number}.`, inApp: `${actor.name} cancelled ${c.number}.`, quote: comment };
    if (c.requester.id !== actor.id) await notifyAboutChange(tx, c, c.requester, note);
    if (c.assignee && c.assignee.id !== actor.id) await notifyAboutChange(tx, c, c.assignee, note);
    return { id: c.id, number: c.number, status: "cancelled" };
  });
}
