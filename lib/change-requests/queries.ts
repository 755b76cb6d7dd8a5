import "server-only";
import { and, asc, count, desc, eq, ne, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { z } from "zod";
import { getDb } from "@/db";
import { orders, rolePermissions, services, ticketHistory, ticketItems, tickets, users } from "@/db/schema";
import { can, type Actor } from "@/lib/auth/actor";
import { forbidden, notFound } from "@/lib/errors";
import { timeIdCursor } from "@/lib/input";
import { decodeCursor, encodeCursor } from "@/lib/pagination";
import { parseTicketNumber } from "@/lib/tickets/numbering";
import { ticketVisibility } from "@/lib/tickets/visibility";
import { listConflicts, type ChangeConflict } from "./conflicts";
import { allowedChangeActions, CHANGE_STATUSES, type ChangeAction, type ChangeStatus } from "./rules";

/**
 * What the change-request screens read: the lists (mine, the approvals queue, the technician's,
 * all), keyset-paged, and one request with its items, history and the buttons the rules allow.
 */
export const CHANGE_SCOPES = ["mine", "approvals", "assigned", "all"] as const;
export type ChangeScope = (typeof CHANGE_SCOPES)[number];
const PAGE = 25;

export type ChangeListItem = {
  id: string;
  number: string;
  title: string;
  status: ChangeStatus;
  changeType: string | null;
  priority: string;
  requesterName: string;
  instanceName: string | null;
  scheduledFor: Date | null;
  createdAt: Date;
};

const requester = alias(users, "list_requester");
const createdIso = sql<string>`to_char(${tickets.createdAt} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

function scopeCondition(actor: Actor, scope: ChangeScope): SQL {
  switch (scope) {
    case "mine":
      return eq(tickets.requesterId, actor.id);
    case "approvals":
      if (!can(actor, "ticket.approve")) throw forbidden("Only approvers see the approvals queue.");
      // Requests one made oneself are not one's to decide (separation of duties).
      return and(eq(tickets.status, "pending"), ne(tickets.requesterId, actor.id))!;
    case "assigned":
      return eq(tickets.assigneeId, actor.id);
    case "all":
      if (!can(actor, "ticket.approve") && !can(actor, "ticket.view_all")) throw forbidden("Only approvers see every change request.");
      return sql`true`;
  }
}

/** One page of a list; the approvals queue runs oldest first, the others newest first. */
export async function listChangeRequests(
  actor: Actor,
  p: { scope: ChangeScope; status?: string; cursor?: string | null },
): Promise<{ items: ChangeListItem[]; nextCursor: string | null }> {
  const db = await getDb();
  const oldestFirst = p.scope === "approvals";
  const after = decodeCursor(p.cursor, timeIdCursor);
  // The type as a literal, so even a generic plan matches the partial list indexes (db/schema/tickets.ts).
  const where: SQL[] = [sql`${tickets.type} = 'change_request'`, ticketVisibility(actor), scopeCondition(actor, p.scope)];
  const status = (CHANGE_STATUSES as readonly string[]).includes(p.status ?? "") ? (p.status as ChangeStatus) : null;
  if (status) where.push(eq(tickets.status, status));
  if (after) {
    where.push(
      oldestFirst
        ? sql`(${tickets.createdAt}, ${tickets.id}) > (${after.t}::timestamptz, ${after.id}::uuid)`
        : sql`(${tickets.createdAt}, ${tickets.id}) < (${after.t}::timestamptz, ${after.id}::uuid)`,
    );
  }
  const rows = await db
    .select({
      id: tickets.id,
      number: tickets.number,
      title: tickets.title,
      status: tickets.status,
      changeType: tickets.changeType,
      priority: tickets.priority,
      requesterName: requester.name,
      instanceName: orders.instanceName,
      scheduledFor: tickets.scheduledFor,
      createdAt: tickets.createdAt,
      cursorTime: createdIso,
    })
    .from(tickets)
    .innerJoin(requester, eq(requester.id, tickets.requesterId))
    .leftJoin(orders, eq(orders.id, tickets.targetOrderId))
    .where(and(...where))
    .orderBy(...(oldestFirst ? [asc(tickets.createdAt), asc(tickets.id)] : [desc(tickets.createdAt), desc(tickets.id)]))
    .limit(PAGE + 1);
  const page = rows.slice(0, PAGE);
  const last = page[page.length - 1];
  return {
    items: page.map(({ cursorTime: _, ...r }) => ({ ...r, status: r.status as ChangeStatus })),
    nextCursor: rows.length > PAGE && last ? encodeCursor({ t: last.cursorTime, id: last.id }) : null,
  };
}

/** The navigation's count: pending requests the approver may decide (not their own). */
export async function countPendingApprovals(actor: Actor): Promise<number> {
  if (!can(actor, "ticket.approve")) return 0;
  const db = await getDb();
  const [row] = await db
    .select({ n: count() })
    .from(tickets)
    .where(and(eq(tickets.type, "change_request"), eq(tickets.status, "pending"), ne(tickets.requesterId, actor.id), ticketVisibility(actor)));
  return row?.n ?? 0;
}

const numberParam = z.string().max(40);
const approver = alias(users, "detail_approver");
const tech = alias(users, "detail_technician");
const actorUser = alias(users, "history_actor");

/** One change request for its page, or not_found (unseen = does not exist). */
export async function getChangeRequest(actor: Actor, numberInput: string) {
  const number = parseTicketNumber(numberParam.catch("").parse(numberInput));
  if (!number) throw notFound("This change request");
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
      changeType: tickets.changeType,
      requesterId: tickets.requesterId,
      requesterName: requester.name,
      assigneeId: tickets.assigneeId,
      assigneeName: tech.name,
      orderId: tickets.targetOrderId,
      instanceName: orders.instanceName,
      scheduledFor: tickets.scheduledFor,
      estimatedMinutes: tickets.estimatedMinutes,
      implementationPlan: tickets.implementationPlan,
      backoutPlan: tickets.backoutPlan,
      approvedByName: approver.name,
      approvedAt: tickets.approvedAt,
      rejectedAt: tickets.rejectedAt,
      rejectionReason: tickets.rejectionReason,
      deploymentNotes: tickets.deploymentNotes,
      rollbackReason: tickets.rollbackReason,
      createdAt: tickets.createdAt,
    })
    .from(tickets)
    .innerJoin(requester, eq(requester.id, tickets.requesterId))
    .leftJoin(tech, eq(tech.id, tickets.assigneeId))
    .leftJoin(approver, eq(approver.id, tickets.approvedById))
    .leftJoin(orders, eq(orders.id, tickets.targetOrderId))
    .where(and(eq(tickets.number, number), eq(tickets.type, "change_request"), ticketVisibility(actor)));
  if (!row) throw notFound("This change request");
  const items = await db
    .select({
      id: ticketItems.id,
      action: ticketItems.action,
      componentType: ticketItems.componentType,
      quantity: ticketItems.quantity,
      specifications: ticketItems.specifications,
      currentValue: ticketItems.currentValue,
      requestedValue: ticketItems.requestedValue,
      validationStatus: ticketItems.validationStatus,
      fulfilled: ticketItems.fulfilled,
      notes: ticketItems.notes,
    })
    .from(ticketItems)
    .where(eq(ticketItems.ticketId, row.id))
    .orderBy(asc(ticketItems.position), asc(ticketItems.id));
  const history = await db
    .select({ id: ticketHistory.id, action: ticketHistory.action, field: ticketHistory.field, oldValue: ticketHistory.oldValue, newValue: ticketHistory.newValue, comment: ticketHistory.comment, actorName: actorUser.name, createdAt: ticketHistory.createdAt })
    .from(ticketHistory)
    .leftJoin(actorUser, eq(actorUser.id, ticketHistory.actorId))
    .where(eq(ticketHistory.ticketId, row.id))
    .orderBy(asc(ticketHistory.id));
  const rule = { type: row.type, status: row.status, requesterId: row.requesterId, assigneeId: row.assigneeId, hasInvalidItem: items.some((i) => i.validationStatus === "invalid") };
  const verdicts = allowedChangeActions(actor, rule);
  const allowed = (Object.keys(verdicts) as ChangeAction[]).filter((a) => verdicts[a].ok);
  const conflicts: ChangeConflict[] = row.status === "pending" || row.status === "approved" ? await listConflicts(actor, row.id) : [];
  return { ...row, status: row.status as ChangeStatus, items, history, allowed, conflicts };
}
export type ChangeRequestDetail = Awaited<ReturnType<typeof getChangeRequest>>;

/** The orders the form offers: a client's own active ones; any active order for staff (with its client). */
export async function listRequestableOrders(actor: Actor): Promise<{ id: string; label: string }[]> {
  if (!can(actor, "ticket.create")) return [];
  const db = await getDb();
  const staff = can(actor, "ticket.view_internal");
  const client = alias(users, "order_client");
  const rows = await db
    .select({ id: orders.id, instanceName: orders.instanceName, service: services.name, clientName: client.name })
    .from(orders)
    .innerJoin(services, eq(services.id, orders.serviceId))
    .innerJoin(client, eq(client.id, orders.clientId))
    .where(and(eq(orders.status, "active"), staff ? sql`true` : eq(orders.clientId, actor.id)))
    .orderBy(asc(orders.instanceName), asc(orders.id))
    .limit(500);
  return rows.map((r) => ({ id: r.id, label: staff ? `${r.instanceName} (${r.service}) — ${r.clientName}` : `${r.instanceName} (${r.service})` }));
}

/** Who an approver may assign: active users whose role may deploy changes. */
export async function listTechnicians(actor: Actor): Promise<{ id: string; name: string }[]> {
  if (!can(actor, "ticket.approve")) return [];
  const db = await getDb();
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .innerJoin(rolePermissions, and(eq(rolePermissions.roleKey, users.roleKey), eq(rolePermissions.permissionKey, "ticket.deploy")))
    .where(eq(users.active, true))
    .orderBy(asc(users.name), asc(users.id))
    .limit(500);
}
