import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { bytea, createdAt, id, tstz, tsvector, updatedAt } from "./columns";
import { users } from "./auth";
import { companies, departments, projects, tasks } from "./org";
import { orders, services } from "./billing";

export const ticketType = pgEnum("ticket_type", ["support", "change_request"]);

/** One status column for both workflows: support (SPEC §3) and change requests (SPEC §4). */
export const ticketStatus = pgEnum("ticket_status", [
  "open",
  "in_progress",
  "waiting_for_customer",
  "closed",
  "wont_fix",
  "draft",
  "pending",
  "approved",
  "rejected",
  "deployed",
  "completed",
  "cancelled",
  "rolled_back",
]);

/** Declared low → critical so that `ORDER BY priority DESC` puts critical first. */
export const ticketPriority = pgEnum("ticket_priority", ["low", "normal", "high", "critical"]);
/**
 * Priority as an ascending number, critical 0 … low 3: the queue order (critical first, then oldest)
 * becomes one ascending row (rank, created_at, id), so an index on it serves keyset row comparisons.
 * The list sort and the indexes below use this same expression (an index only matches it verbatim).
 */
export const priorityRank = (priority: AnyPgColumn) =>
  sql`(CASE ${priority} WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END)`;
export const ticketChannel = pgEnum("ticket_channel", ["web", "email", "api"]);
export const changeType = pgEnum("change_type", [
  "component_addition",
  "component_removal",
  "component_replacement",
  "configuration_change",
]);

export const tickets = pgTable(
  "tickets",
  {
    id: id(),
    number: text().notNull(),
    type: ticketType().notNull().default("support"),
    title: text().notNull(),
    body: text().notNull(),
    status: ticketStatus().notNull(),
    priority: ticketPriority().notNull().default("normal"),
    departmentId: uuid().references(() => departments.id, { onDelete: "set null" }),
    requesterId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    assigneeId: uuid().references(() => users.id, { onDelete: "set null" }),
    escalated: boolean().notNull().default(false),
    orderId: uuid().references(() => orders.id, { onDelete: "set null" }),
    serviceId: uuid().references(() => services.id, { onDelete: "set null" }),
    companyId: uuid().references(() => companies.id, { onDelete: "set null" }),
    projectId: uuid().references(() => projects.id, { onDelete: "set null" }),
    taskId: uuid().references(() => tasks.id, { onDelete: "set null" }),
    channel: ticketChannel().notNull().default("web"),
    /** Request time (seed 003). */
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    /** The client's "last activity": creation, public messages, status changes — never staff-only events. */
    lastActivityAt: createdAt(),
    firstResponseAt: tstz(),
    /** Response time (seed 003). */
    closedAt: tstz(),
    reopenCount: integer().notNull().default(0),
    wontFixReason: text(),
    // Change requests (seed 004)
    targetOrderId: uuid().references(() => orders.id, { onDelete: "set null" }),
    changeType: changeType(),
    submittedAt: tstz(),
    approvedById: uuid().references(() => users.id, { onDelete: "set null" }),
    approvedAt: tstz(),
    rejectedById: uuid().references(() => users.id, { onDelete: "set null" }),
    rejectedAt: tstz(),
    rejectionReason: text(),
    implementationPlan: text(),
    backoutPlan: text(),
    cancelledAt: tstz(),
    rolledBackAt: tstz(),
    rollbackReason: text(),
    deployedAt: tstz(),
    completedAt: tstz(),
    scheduledFor: tstz(),
    estimatedMinutes: integer(),
    deploymentNotes: text(),
    /** Weighted full-text document: title (A), body (B), public messages (C). Maintained by lib/tickets. */
    searchVector: tsvector().notNull().default(sql`''::tsvector`),
  },
  (t) => [
    uniqueIndex("tickets_number_key").on(t.number),
    // Lists (keyset pages): the queues, "all tickets" by priority and by date, "my tickets".
    index("tickets_queue_idx").on(t.status, t.escalated, priorityRank(t.priority), t.createdAt, t.id),
    index("tickets_priority_idx").on(t.type, priorityRank(t.priority), t.createdAt, t.id),
    index("tickets_created_idx").on(t.type, t.createdAt, t.id),
    // "All tickets" by recent activity (the manager's default): ORDER BY last_activity_at DESC, id ASC.
    index("tickets_activity_idx").on(t.type, t.lastActivityAt.desc().nullsFirst(), t.id),
    // DESC NULLS FIRST is what ORDER BY … DESC means; an index DESC NULLS LAST cannot serve it.
    index("tickets_requester_idx").on(t.requesterId, t.lastActivityAt.desc().nullsFirst(), t.id),
    index("tickets_assignee_idx").on(t.assigneeId, t.status),
    // Desk statistics: index-only ranges over a period, and the active tickets per agent.
    index("tickets_closed_idx").on(t.closedAt, t.createdAt, t.assigneeId).where(sql`${t.type} = 'support'`),
    index("tickets_first_response_idx").on(t.firstResponseAt, t.createdAt, t.assigneeId).where(sql`${t.type} = 'support'`),
    // Active tickets per agent (statistics) and the manager's dashboard counts, index-only (the
    // trailing columns stand in for INCLUDE, which drizzle-kit cannot write).
    index("tickets_active_idx")
      .on(t.assigneeId, t.status, t.escalated, t.priority, t.createdAt)
      .where(sql`${t.type} = 'support' AND ${t.status} IN ('open', 'in_progress', 'waiting_for_customer')`),
    // "All tickets" filtered by department or assignee, in the default order (recent activity): the
    // filter's rows in list order, so a page reads its 25 rows however rare or old the value's
    // tickets are (walking tickets_activity_idx and filtering reads the whole index for a former
    // agent). The leading column also serves the foreign keys' ON DELETE SET NULL lookups.
    index("tickets_department_activity_idx").on(t.departmentId, t.type, t.lastActivityAt.desc().nullsFirst(), t.id),
    index("tickets_assignee_activity_idx").on(t.assigneeId, t.type, t.lastActivityAt.desc().nullsFirst(), t.id),
    // The same order for the work still to do: the active statuses (status open / active / in
    // progress / waiting filters) and the unassigned tickets (assignee "none": an IS NULL cannot put
    // the assignee index in order). Small: only those rows are in it.
    // An agent's own active tickets in queue order (critical first, then oldest): the desk's default
    // tab, a page of them rather than all of a busy agent's active tickets sorted. Active rows only.
    index("tickets_my_work_idx")
      .on(t.assigneeId, priorityRank(t.priority), t.createdAt, t.id)
      .where(sql`${t.type} = 'support' AND ${t.status} IN ('open', 'in_progress', 'waiting_for_customer')`),
    index("tickets_open_work_idx")
      .on(t.lastActivityAt.desc().nullsFirst(), t.id)
      .where(sql`${t.type} = 'support' AND (${t.status} IN ('open', 'in_progress', 'waiting_for_customer') OR ${t.assigneeId} IS NULL)`),
    index("tickets_search_idx").using("gin", t.searchVector),
    // The change calendar (lib/change-requests/calendar.ts): a range of scheduled starts among the
    // changes it shows. Queries spell the predicate as literals so a generic plan still matches it.
    index("tickets_change_schedule_idx")
      .on(t.scheduledFor, t.id)
      .where(sql`${t.type} = 'change_request' AND ${t.status} IN ('approved', 'in_progress')`),
    // The change-request lists (lib/change-requests/queries.ts), newest or oldest first by creation:
    // the requester's own, the technician's, and the approvals queue / status filters.
    index("tickets_change_requester_idx")
      .on(t.requesterId, t.createdAt, t.id)
      .where(sql`${t.type} = 'change_request'`),
    index("tickets_change_assignee_idx")
      .on(t.assigneeId, t.createdAt, t.id)
      .where(sql`${t.type} = 'change_request'`),
    index("tickets_change_status_idx")
      .on(t.status, t.createdAt, t.id)
      .where(sql`${t.type} = 'change_request'`),
    // Separation of duties (SPEC §10), the database's half: nobody approves or rejects a change
    // request they requested, an admin neither, not even by a direct UPDATE. The rule
    // (lib/change-requests/rules.ts) and the guarded UPDATE's WHERE are the other two halves.
    check("tickets_approver_not_requester", sql`${t.approvedById} IS NULL OR ${t.approvedById} <> ${t.requesterId}`),
    check("tickets_rejecter_not_requester", sql`${t.rejectedById} IS NULL OR ${t.rejectedById} <> ${t.requesterId}`),
  ],
);

export const itemAction = pgEnum("item_action", ["add", "remove", "replace", "modify"]);
export const itemValidation = pgEnum("item_validation", ["pending", "valid", "invalid", "warning"]);

/** Seed 004: the line items of a change request. */
export const ticketItems = pgTable(
  "ticket_items",
  {
    id: id(),
    ticketId: uuid()
      .notNull()
      .references(() => tickets.id, { onDelete: "cascade" }),
    /** The requester's order of the lines (0, 1, …): lists and deployment go by it. */
    position: integer().notNull().default(0),
    action: itemAction().notNull(),
    componentType: text().notNull(),
    quantity: integer().notNull().default(1),
    specifications: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    currentValue: text(),
    requestedValue: text(),
    validationStatus: itemValidation().notNull().default("pending"),
    /** Why an item was marked invalid or warned about, by the approver or technician reviewing it. */
    validationMessage: text(),
    fulfilled: boolean().notNull().default(false),
    fulfilledAt: tstz(),
    notes: text(),
    createdAt: createdAt(),
  },
  (t) => [index("ticket_items_ticket_idx").on(t.ticketId)],
);

export const messageVisibility = pgEnum("message_visibility", ["public", "internal"]);
export const messageKind = pgEnum("message_kind", ["comment", "system"]);

export const messages = pgTable(
  "messages",
  {
    id: id(),
    ticketId: uuid()
      .notNull()
      .references(() => tickets.id, { onDelete: "cascade" }),
    authorId: uuid().references(() => users.id, { onDelete: "set null" }),
    body: text().notNull(),
    visibility: messageVisibility().notNull().default("public"),
    kind: messageKind().notNull().default("comment"),
    /** RFC 5322 Message-ID when the message came or went by mail: replies thread back by it. */
    emailMessageId: text(),
    createdAt: createdAt(),
    editedAt: tstz(),
  },
  (t) => [
    index("messages_ticket_idx").on(t.ticketId, t.createdAt),
    uniqueIndex("messages_email_message_id_key").on(t.emailMessageId),
  ],
);

export const attachments = pgTable(
  "attachments",
  {
    id: id(),
    ticketId: uuid()
      .notNull()
      .references(() => tickets.id, { onDelete: "cascade" }),
    messageId: uuid().references(() => messages.id, { onDelete: "cascade" }),
    /** Metadata only: never used as a path. */
    filename: text().notNull(),
    storageKey: text().notNull(),
    size: integer().notNull(),
    mimeType: text().notNull(),
    uploaderId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("attachments_storage_key").on(t.storageKey),
    index("attachments_ticket_idx").on(t.ticketId),
    index("attachments_message_idx").on(t.messageId),
  ],
);

/** The default storage driver keeps bytes in PostgreSQL, so a serverless deployment needs only its database. */
export const attachmentBlobs = pgTable("attachment_blobs", {
  key: text().primaryKey(),
  data: bytea().notNull(),
  createdAt: createdAt(),
});

/** Append-only. Survives the ticket's deletion (ticket_id set null, number kept). */
export const ticketHistory = pgTable(
  "ticket_history",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    ticketId: uuid().references(() => tickets.id, { onDelete: "set null" }),
    ticketNumber: text().notNull(),
    actorId: uuid().references(() => users.id, { onDelete: "set null" }),
    action: text().notNull(),
    field: text(),
    oldValue: text(),
    newValue: text(),
    comment: text(),
    metadata: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [
    index("ticket_history_ticket_idx").on(t.ticketId, t.createdAt),
    index("ticket_history_actor_idx").on(t.actorId, t.action, t.createdAt),
    // Desk statistics (lib/tickets/stats.ts): the few status changes of a period that take a ticket
    // out of closed / won't fix (reopens, admin edits), then those tickets' closes, index-only.
    index("ticket_history_left_final_idx")
      .on(t.createdAt, t.ticketId, t.id, t.action)
      .where(sql`${t.field} = 'status' AND ${t.oldValue} IN ('closed', 'wont_fix')`),
    // Change-request metrics (lib/change-requests/metrics.ts): the approvals, completions and
    // rollbacks of a period, a range on created_at. Those statuses are change requests' own.
    index("ticket_history_change_steps_idx")
      .on(t.action, t.createdAt, t.ticketId)
      .where(sql`${t.field} = 'status' AND ${t.action} IN ('approved', 'completed', 'rolled_back')`),
    index("ticket_history_closes_idx")
      .on(t.ticketId, t.createdAt, t.actorId, t.id)
      .where(sql`${t.field} = 'status' AND ${t.action} = 'closed'`),
  ],
);
