import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { tickets } from "@/db/schema";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { purgeTicketAttachments } from "@/lib/attachments/purge";
import { AppError } from "@/lib/errors";
import { findRequester, openTicketTx, type CreatedTicket } from "./create";
import { recordHistory, type HistoryEntry, type RequestMeta } from "./history";
import { resolveLinks, type LinkInput } from "./links";
import { guardedUpdate, withTicketAction } from "./load";
import { notifyClientOfClose, notifyClientOfStatus } from "./notify";
import { createTicketForClientSchema, editTicketSchema, ticketRefSchema } from "./schemas";
import { parseInput } from "@/lib/input";
import { refreshSearchVector } from "./search";
import { needsAssignee } from "./workflow";

/** Admin tools (SPEC §3): create on behalf of a client, edit any field, delete. Assigning is manage.ts's assignTicket. */

/** Opens a ticket for a client (ticket.manage). Input: the client form's fields plus `requesterId`. */
export async function createTicketForClient(actor: Actor, input: unknown, meta: RequestMeta = {}): Promise<CreatedTicket> {
  assertCan(actor, "ticket.manage", "Only admins can open tickets for clients.");
  const { requesterId, ...data } = parseInput(createTicketForClientSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const requester = await findRequester(tx, requesterId);
    if (!requester?.active) throw new AppError("invalid", "Check the highlighted fields.", { requesterId: "Choose an active client." });
    return openTicketTx(tx, { requester, actorId: actor.id, data, meta, linksChosenBy: "staff" });
  });
}

const LINK_KEYS = ["departmentId", "orderId", "serviceId", "projectId", "taskId"] as const;

export const NEEDS_ASSIGNEE =
  "Nobody is assigned to this ticket: assign an agent first (that moves it to In progress), or keep it Open for the queue.";

/**
 * Edits any field of a ticket (ticket.manage): title, body, priority, status (open / in progress /
 * waiting / closed; won't fix has its own action), department and links. `undefined` leaves a field
 * alone, `null` or "" clears a link. Setting status open returns the ticket to the queue (assignee
 * cleared); in progress or waiting needs an assignee (else the ticket would be in no queue and no
 * agent's list), which the Assign form sets. A task belongs to one project: moving the ticket to
 * another project (or none) drops its task unless the edit names a task of the new project.
 * One history row per changed field; a status change is mailed to the client.
 */
export async function editTicket(actor: Actor, input: unknown, meta: RequestMeta = {}): Promise<{ id: string; number: string; changed: string[] }> {
  const { ticketId, ...data } = parseInput(editTicketSchema, input);
  return withTicketAction(actor, ticketId, "edit", async (tx, t, at) => {
    const [current] = await tx
      .select({
        title: tickets.title,
        body: tickets.body,
        companyId: tickets.companyId,
        departmentId: tickets.departmentId,
        orderId: tickets.orderId,
        serviceId: tickets.serviceId,
        projectId: tickets.projectId,
        taskId: tickets.taskId,
      })
      .from(tickets)
      .where(eq(tickets.id, t.id));
    const before: Record<string, string | null> = { ...current!, priority: t.priority, status: t.status, assigneeId: t.assigneeId };
    const set: Partial<typeof tickets.$inferInsert> = {};
    if (data.title !== undefined) set.title = data.title;
    if (data.body !== undefined) set.body = data.body;
    if (data.priority !== undefined) set.priority = data.priority;

    const asked: LinkInput = {};
    for (const key of LINK_KEYS) if (data[key] !== undefined) asked[key] = data[key];
    const resolved = await resolveLinks(tx, { id: t.requesterId, companyId: current!.companyId }, asked, "the client's");
    for (const key of LINK_KEYS) {
      if (data[key] === null) set[key] = null;
      else if (data[key] !== undefined || resolved[key]) set[key] = resolved[key]; // a task implies its project, an order its service
    }
    // The kept task was checked against the old project only.
    if (set.projectId !== undefined && set.projectId !== current!.projectId && set.taskId === undefined) set.taskId = null;

    if (data.status !== undefined && data.status !== t.status) {
      if (needsAssignee(data.status) && !t.assigneeId) throw new AppError("invalid", "Check the highlighted fields.", { status: NEEDS_ASSIGNEE });
      set.status = data.status;
      if (data.status === "closed") set.closedAt = at;
      else if (t.status === "closed" || t.status === "wont_fix") Object.assign(set, { closedAt: null, wontFixReason: null });
      if (data.status === "open") set.assigneeId = null;
    }

    const changed = Object.keys(set).filter((k) => k !== "closedAt" && k !== "wontFixReason" && String(set[k as keyof typeof set] ?? "") !== String(before[k] ?? ""));
    if (changed.length === 0) throw new AppError("invalid", "Nothing to change: the ticket already looks like that.");
    await guardedUpdate(tx, t, set);

    const entries: HistoryEntry[] = changed.map((field) => ({
      action: "edited",
      field,
      oldValue: field === "assigneeId" ? (t.assignee?.name ?? null) : (before[field] ?? null),
      newValue: (set[field as keyof typeof set] as string | null) ?? null,
    }));
    await recordHistory(tx, t, actor.id, entries, meta);
    if (set.title !== undefined || set.body !== undefined) await refreshSearchVector(tx, t.id);
    if (set.status === "closed") await notifyClientOfClose(tx, t, t.requester, at);
    else if (set.status) await notifyClientOfStatus(tx, t, t.requester, set.status, "Our team updated your ticket.");
    return { id: t.id, number: t.number, changed };
  });
}

/**
 * Deletes a ticket (ticket.delete) with its messages, attachments and their stored bytes, in one
 * transaction. The history survives (ticket_id set null, number kept) with a "deleted" row.
 */
export async function deleteTicket(actor: Actor, input: unknown, meta: RequestMeta = {}): Promise<{ number: string }> {
  const { ticketId } = parseInput(ticketRefSchema, input);
  return withTicketAction(actor, ticketId, "delete", async (tx, t) => {
    // Rows and bytes (attachment_blobs with the Postgres driver, in this transaction), before the
    // cascade would drop the rows and lose the storage keys.
    await purgeTicketAttachments(tx, t.id, actor.id);
    await recordHistory(tx, t, actor.id, [{ action: "deleted", oldValue: t.status, comment: t.title, extra: { requesterId: t.requesterId } }], meta);
    await tx.delete(tickets).where(eq(tickets.id, t.id));
    return { number: t.number };
  });
}
