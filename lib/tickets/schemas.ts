/**
 * One zod schema per form, used by react-hook-form in the browser and parsed again by the domain
 * function. Every schema is `.strict()`: a client who adds `assigneeId`, `status`, `requesterId` or
 * `visibility` to a request is refused, not silently ignored.
 */
import { z } from "zod";
import { cursorParam, safeLine, safeText, searchText, uuid } from "@/lib/input";
import { COMMENT_MAX, RULE_MESSAGES as M, WONT_FIX_MAX, WONT_FIX_MIN } from "./form-rules";
import { ACTIVE_STATUSES, PRIORITIES, SUPPORT_STATUSES } from "./workflow";

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const blankToNull = (v: unknown) => (v === "" ? null : v);

const ticketId = uuid("This ticket was not found.");
/** A select whose "none" option sends "": optional id. */
const optionalId = (message: string) => z.preprocess(blankToUndefined, uuid(message).optional());
/** For edits: undefined = unchanged, "" or null = clear. */
const clearableId = (message: string) => z.preprocess(blankToNull, uuid(message).nullable().optional());

export const titleField = safeLine()
  .min(3, "Give the ticket a short title (at least 3 characters).")
  .max(200, "Use at most 200 characters.");
export const bodyField = safeText()
  .min(1, "Describe the problem.")
  .max(20_000, "Use at most 20,000 characters.");
export const commentBodyField = safeText().min(1, M.commentEmpty).max(COMMENT_MAX, M.commentTooLong);
export const priorityField = z.enum(PRIORITIES, M.priority);

const ticketFields = {
  title: titleField,
  body: bodyField,
  /** The client's suggestion; staff may change it later. */
  priority: priorityField.default("normal"),
  departmentId: optionalId("Choose a department."),
  orderId: optionalId("Choose one of your orders."),
  serviceId: optionalId("Choose one of your services."),
  projectId: optionalId("Choose one of your company's projects."),
  taskId: optionalId("Choose a task of that project."),
};

/** A client (or anyone with ticket.create) opens a ticket for themselves. */
export const createTicketSchema = z.object(ticketFields).strict();
/** An admin opens a ticket on behalf of a client. */
export const createTicketForClientSchema = z
  .object({ ...ticketFields, requesterId: uuid("Choose the client.") })
  .strict();

export const ticketRefSchema = z.object({ ticketId }).strict();

/** The client's reply box: no visibility, clients only ever write public messages. */
export const clientCommentSchema = z.object({ ticketId, body: commentBodyField }).strict();
/** The staff composer: public reply or internal note. */
export const staffCommentSchema = z
  .object({ ticketId, body: commentBodyField, visibility: z.enum(["public", "internal"], M.visibility) })
  .strict();

export const assignSchema = z.object({ ticketId, assigneeId: uuid(M.agent) }).strict();
export const setPrioritySchema = z.object({ ticketId, priority: priorityField }).strict();
export const wontFixSchema = z
  .object({
    ticketId,
    reason: safeText().min(WONT_FIX_MIN, M.wontFixShort).max(WONT_FIX_MAX, M.wontFixLong),
  })
  .strict();

/**
 * Admin edit: every field optional; undefined leaves it alone, "" clears a link. No `escalated`:
 * escalating is a transition with its own rules (assignee cleared, second-line queue, client told),
 * so it is the ticket page's Escalate button, never a flag flipped by an edit.
 */
export const editTicketSchema = z
  .object({
    ticketId,
    title: titleField.optional(),
    body: bodyField.optional(),
    priority: priorityField.optional(),
    status: z.enum([...ACTIVE_STATUSES, "closed"], "Choose a status (won't fix has its own action).").optional(),
    departmentId: clearableId("Choose a department."),
    orderId: clearableId("Choose an order of the client."),
    serviceId: clearableId("Choose a service."),
    projectId: clearableId("Choose a project of the client's company."),
    taskId: clearableId("Choose a task of that project."),
  })
  .strict();

export const LIST_SCOPES = ["mine", "queue", "escalated", "assigned", "all"] as const;
export const LIST_SORTS = ["priority", "newest", "oldest", "activity", "relevance"] as const;
export const STATUS_FILTERS = [...SUPPORT_STATUSES, "active", "done"] as const;

export const listTicketsSchema = z
  .object({
    scope: z.enum(LIST_SCOPES),
    status: z.preprocess(blankToUndefined, z.enum(STATUS_FILTERS).optional()),
    priority: z.preprocess(blankToUndefined, priorityField.optional()),
    departmentId: optionalId("Unknown department."),
    /** An agent's id, or "none" for unassigned tickets. */
    assigneeId: z.preprocess(blankToUndefined, z.union([z.literal("none"), uuid("Unknown agent.")]).optional()),
    /** Never an error: text with control characters simply matches nothing (see searchFilter). */
    q: z.preprocess(blankToUndefined, searchText(200).optional()),
    sort: z.preprocess(blankToUndefined, z.enum(LIST_SORTS).optional()),
    cursor: z.preprocess(blankToUndefined, cursorParam.optional()),
    limit: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();

export type CreateTicketInput = z.input<typeof createTicketSchema>;
export type TicketRefInput = z.input<typeof ticketRefSchema>;
export type AssignInput = z.input<typeof assignSchema>;
export type SetPriorityInput = z.input<typeof setPrioritySchema>;
export type WontFixInput = z.input<typeof wontFixSchema>;
export type CreateTicketForClientInput = z.input<typeof createTicketForClientSchema>;
export type StaffCommentInput = z.input<typeof staffCommentSchema>;
export type ClientCommentInput = z.input<typeof clientCommentSchema>;
export type EditTicketInput = z.input<typeof editTicketSchema>;
export type ListTicketsInput = z.input<typeof listTicketsSchema>;
export type TicketFields = z.output<typeof createTicketSchema>;
