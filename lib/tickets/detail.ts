import "server-only";
import { and, asc, eq, isNull, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db";
import { attachments, departments, messages, orders, projects, services, tasks, ticketHistory, tickets, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { AppError, notFound } from "@/lib/errors";
import { assignableAgents } from "./agents";
import { hasPublicAgentReplySql } from "./load";
import { parseTicketNumber } from "./numbering";
import { ticketRefSchema } from "./schemas";
import { seesInternal, ticketVisibility } from "./visibility";
import { allowedActions, REOPEN_WINDOW_MS, type TicketAction, type Verdict } from "./workflow";

const requester = alias(users, "requester");
const assignee = alias(users, "assignee");
const author = alias(users, "author");

/** Loads the ticket row of a detail page, through the actor's visibility. */
async function loadDetailRow(actor: Actor, number: string) {
  const db = await getDb();
  const [row] = await db
    .select({
      id: tickets.id,
      number: tickets.number,
      type: tickets.type,
      title: tickets.title,
      body: tickets.body,
      status: tickets.status,
      priority: tickets.priority,
      escalated: tickets.escalated,
      channel: tickets.channel,
      createdAt: tickets.createdAt,
      lastActivityAt: tickets.lastActivityAt,
      firstResponseAt: tickets.firstResponseAt,
      closedAt: tickets.closedAt,
      reopenCount: tickets.reopenCount,
      wontFixReason: tickets.wontFixReason,
      requesterId: tickets.requesterId,
      requesterName: requester.name,
      requesterEmail: requester.email,
      assigneeId: tickets.assigneeId,
      assigneeName: assignee.name,
      department: { id: departments.id, name: departments.name },
      order: { id: orders.id, instanceName: orders.instanceName },
      service: { id: services.id, name: services.name },
      project: { id: projects.id, name: projects.name },
      task: { id: tasks.id, name: tasks.name },
      hasPublicAgentReply: hasPublicAgentReplySql,
    })
    .from(tickets)
    .innerJoin(requester, eq(requester.id, tickets.requesterId))
    .leftJoin(assignee, eq(assignee.id, tickets.assigneeId))
    .leftJoin(departments, eq(departments.id, tickets.departmentId))
    .leftJoin(orders, eq(orders.id, tickets.orderId))
    .leftJoin(services, eq(services.id, tickets.serviceId))
    .leftJoin(projects, eq(projects.id, tickets.projectId))
    .leftJoin(tasks, eq(tasks.id, tickets.taskId))
    .where(and(eq(tickets.number, number), ticketVisibility(actor)));
  return row ?? null;
}

export type TicketDetail = NonNullable<Awaited<ReturnType<typeof getTicketDetail>>>;

/**
 * Everything the ticket page shows, for this actor: the ticket, the thread (internal notes only for
 * staff), attachments (none of an internal note's for clients), the history (staff only) and which
 * actions the actor may take now (`actions.close.ok` etc.; `reason` explains a refusal).
 * Throws not_found when the actor may not see the ticket (or the number does not exist).
 */
export async function getTicketDetail(actor: Actor, numberInput: string) {
  const number = parseTicketNumber(numberInput);
  if (!number) throw notFound("This ticket");
  const row = await loadDetailRow(actor, number);
  if (!row) throw notFound("This ticket");
  const staff = seesInternal(actor);
  const db = await getDb();

  const visibleMessage: SQL | undefined = staff ? undefined : eq(messages.visibility, "public");
  const thread = await db
    .select({
      id: messages.id,
      body: messages.body,
      visibility: messages.visibility,
      kind: messages.kind,
      createdAt: messages.createdAt,
      editedAt: messages.editedAt,
      authorId: messages.authorId,
      authorName: author.name,
    })
    .from(messages)
    .leftJoin(author, eq(author.id, messages.authorId))
    .where(and(eq(messages.ticketId, row.id), visibleMessage))
    .orderBy(asc(messages.createdAt), asc(messages.id));

  const files = await db
    .select({
      id: attachments.id,
      messageId: attachments.messageId,
      filename: attachments.filename,
      size: attachments.size,
      mimeType: attachments.mimeType,
      createdAt: attachments.createdAt,
    })
    .from(attachments)
    .leftJoin(messages, eq(messages.id, attachments.messageId))
    .where(and(eq(attachments.ticketId, row.id), staff ? undefined : or(isNull(attachments.messageId), eq(messages.visibility, "public"))))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));

  const history = staff
    ? await db
        .select({
          id: ticketHistory.id,
          action: ticketHistory.action,
          field: ticketHistory.field,
          oldValue: ticketHistory.oldValue,
          newValue: ticketHistory.newValue,
          comment: ticketHistory.comment,
          channel: sql<string | null>`${ticketHistory.metadata}->>'channel'`,
          createdAt: ticketHistory.createdAt,
          actorName: author.name,
        })
        .from(ticketHistory)
        .leftJoin(author, eq(author.id, ticketHistory.actorId))
        .where(eq(ticketHistory.ticketId, row.id))
        .orderBy(asc(ticketHistory.createdAt), asc(ticketHistory.id))
    : [];

  const at = now();
  const { requesterEmail, hasPublicAgentReply, ...ticket } = row;
  const rule = { ...row, hasPublicAgentReply: Boolean(hasPublicAgentReply) };
  const actions = allowedActions(actor, rule, at) as Record<TicketAction, Verdict>;
  return {
    ticket: { ...ticket, requesterEmail: staff ? requesterEmail : null },
    thread: thread.map((m) => ({ ...m, fromRequester: m.authorId === row.requesterId })),
    attachments: files,
    history,
    actions,
    /** Until when the client may reopen (closed tickets only). */
    reopenUntil: row.status === "closed" && row.closedAt ? new Date(row.closedAt.getTime() + REOPEN_WINDOW_MS) : null,
    seesInternal: staff,
  };
}

/** For the assign dropdown: agents who may take this ticket (its line), with their current load. Needs ticket.assign. */
export async function listAssignableAgents(actor: Actor, input: { ticketId: string }) {
  if (!actor.permissions.has("ticket.assign")) throw new AppError("forbidden", "Only managers and admins can assign tickets.");
  // Compared as uuid, so the primary key finds the row (id::text = $1 read every ticket); an id
  // that is not a uuid finds nothing, as before.
  const ref = ticketRefSchema.safeParse({ ticketId: input.ticketId });
  if (!ref.success) throw notFound("This ticket");
  const db = await getDb();
  const [t] = await db
    .select({ escalated: tickets.escalated })
    .from(tickets)
    .where(and(eq(tickets.id, ref.data.ticketId), ticketVisibility(actor)));
  if (!t) throw notFound("This ticket");
  return assignableAgents(db, t.escalated);
}
