/**
 * The support workflow (SPEC §3) as pure rules: who may do what to a ticket in which state. No
 * database here, so the whole matrix is unit-testable; the transitions call `assertAllowed` inside
 * their transaction, and the detail query uses `allowedActions` so the UI shows only valid buttons.
 */
import { AppError } from "@/lib/errors";

export const SUPPORT_STATUSES = ["open", "in_progress", "waiting_for_customer", "closed", "wont_fix"] as const;
export type SupportStatus = (typeof SUPPORT_STATUSES)[number];
export const ACTIVE_STATUSES = ["open", "in_progress", "waiting_for_customer"] as const;
export const FINAL_STATUSES = ["closed", "wont_fix"] as const;
export const PRIORITIES = ["low", "normal", "high", "critical"] as const;
export type Priority = (typeof PRIORITIES)[number];

export const STATUS_LABELS: Record<string, string> = {
  open: "Open",
  in_progress: "In progress",
  waiting_for_customer: "Waiting for customer",
  closed: "Closed",
  wont_fix: "Won't fix",
};

/** A client may reopen a closed ticket for this long after closed_at (inclusive). */
export const REOPEN_WINDOW_MS = 60 * 60 * 1000;

export const TICKET_ACTIONS = [
  "take",
  "reply",
  "note",
  "escalate",
  "close",
  "reopen",
  "assign",
  "set_priority",
  "wont_fix",
  "edit",
  "delete",
] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

export type RuleActor = { id: string; permissions: ReadonlySet<string> };
export type RuleTicket = {
  type: string;
  status: string;
  requesterId: string;
  assigneeId: string | null;
  escalated: boolean;
  closedAt: Date | null;
  /** At least one public comment by someone other than the requester (the explanation for the client). */
  hasPublicAgentReply: boolean;
};

export type Verdict = { ok: true } | { ok: false; code: "forbidden" | "invalid"; reason: string };

const OK: Verdict = { ok: true };
const forbid = (reason: string): Verdict => ({ ok: false, code: "forbidden", reason });
const invalid = (reason: string): Verdict => ({ ok: false, code: "invalid", reason });

export const isActive = (status: string) => (ACTIVE_STATUSES as readonly string[]).includes(status);
/** Someone is working on it: these statuses live in an assignee's list, so a ticket without one would be in no queue at all. */
export const WORKED_STATUSES = ["in_progress", "waiting_for_customer"] as const;
export const needsAssignee = (status: string) => (WORKED_STATUSES as readonly string[]).includes(status);
export const isFinal = (status: string) => (FINAL_STATUSES as readonly string[]).includes(status);

const has = (a: RuleActor, p: string) => a.permissions.has(p);
/** Staff: sees internal notes. Only staff answer as "the desk". */
const isStaff = (a: RuleActor) => has(a, "ticket.view_internal");
/** The assignee works the ticket; managers and admins (ticket.assign) may act for anyone. */
const worksOn = (a: RuleActor, t: RuleTicket) => t.assigneeId === a.id || has(a, "ticket.assign");

function closedMessage(t: RuleTicket): string {
  return t.status === "wont_fix"
    ? "This ticket was closed as won't fix and cannot change any more."
    : "This ticket is closed.";
}

type Rule = (a: RuleActor, t: RuleTicket, at: Date) => Verdict;

const RULES: Record<TicketAction, Rule> = {
  take(a, t) {
    if (!has(a, "ticket.assign_self")) return forbid("Only agents can take tickets.");
    if (t.status !== "open") return invalid(`Only open tickets can be taken; this one is ${STATUS_LABELS[t.status] ?? t.status}.`);
    if (t.assigneeId) return invalid("This ticket already has an assignee.");
    if (t.escalated && !has(a, "ticket.view_escalated")) return forbid("This ticket is escalated: second-line agents take it.");
    if (!t.escalated && !has(a, "ticket.view_queue")) return forbid("Second-line agents take escalated tickets only.");
    return OK;
  },
  reply(a, t) {
    if (!has(a, "ticket.comment")) return forbid("You are not allowed to comment on tickets.");
    if (a.id === t.requesterId) {
      if (t.status === "closed") return invalid("This ticket is closed. Reopen it within an hour of closing, or open a new ticket.");
      if (t.status === "wont_fix") return invalid("This ticket was closed as won't fix. Please open a new ticket.");
      return OK;
    }
    if (!isStaff(a)) return forbid("You are not allowed to comment on this ticket.");
    if (isFinal(t.status)) return invalid(`${closedMessage(t)} Replies are no longer possible.`);
    if (t.status === "open") return invalid("Take this ticket (or assign it) before replying to the client.");
    if (!worksOn(a, t)) return forbid("Only the assignee or a manager can reply to the client on this ticket.");
    return OK;
  },
  note(a) {
    if (!has(a, "ticket.comment") || !isStaff(a)) return forbid("Only staff can write internal notes.");
    return OK;
  },
  escalate(a, t) {
    if (!has(a, "ticket.escalate")) return forbid("Only first-line agents and managers can escalate tickets.");
    if (t.escalated) return invalid("This ticket is already escalated to second line.");
    if (isFinal(t.status)) return invalid(`${closedMessage(t)} It cannot be escalated.`);
    if (t.assigneeId && !worksOn(a, t)) return forbid("Only the assignee or a manager can escalate this ticket.");
    return OK;
  },
  close(a, t) {
    if (!has(a, "ticket.close")) return forbid("You are not allowed to close tickets.");
    if (isFinal(t.status)) return invalid(`${closedMessage(t)}`);
    if (!worksOn(a, t)) return forbid("Only the assignee or a manager can close this ticket.");
    if (!t.hasPublicAgentReply) {
      return invalid("Write a public reply explaining the solution before closing: the client must know why the ticket is closed.");
    }
    return OK;
  },
  reopen(a, t, at) {
    if (a.id !== t.requesterId || !has(a, "ticket.view_own")) return forbid("Only the client who opened the ticket can reopen it.");
    if (t.status === "wont_fix") return invalid("A ticket closed as won't fix cannot be reopened. Please open a new ticket.");
    if (t.status !== "closed") return invalid("Only a closed ticket can be reopened.");
    if (!t.closedAt || at.getTime() - t.closedAt.getTime() > REOPEN_WINDOW_MS) {
      return invalid("Tickets can be reopened within one hour of closing, and that hour has passed. Please open a new ticket.");
    }
    return OK;
  },
  assign(a, t) {
    if (!has(a, "ticket.assign")) return forbid("Only managers and admins can assign tickets.");
    if (isFinal(t.status)) return invalid(`${closedMessage(t)} It cannot be assigned.`);
    return OK;
  },
  set_priority(a, t) {
    if (!has(a, "ticket.set_priority")) return forbid("Only managers can set priorities.");
    if (isFinal(t.status)) return invalid(`${closedMessage(t)} Its priority no longer matters.`);
    return OK;
  },
  wont_fix(a, t) {
    if (!has(a, "ticket.wont_fix")) return forbid("Only managers can mark a ticket won't fix.");
    if (isFinal(t.status)) return invalid(closedMessage(t));
    return OK;
  },
  edit(a) {
    return has(a, "ticket.manage") ? OK : forbid("Only admins can edit tickets.");
  },
  delete(a) {
    return has(a, "ticket.delete") ? OK : forbid("Only admins can delete tickets.");
  },
};

/** Whether the actor may do `action` to the ticket now. Change requests have their own workflow. */
export function check(action: TicketAction, actor: RuleActor, ticket: RuleTicket, at: Date): Verdict {
  const commentish = action === "reply" || action === "note" || action === "edit" || action === "delete";
  if (ticket.type !== "support" && !commentish) return invalid("This is a change request: it follows its own workflow.");
  return RULES[action](actor, ticket, at);
}

export function assertAllowed(action: TicketAction, actor: RuleActor, ticket: RuleTicket, at: Date): void {
  const verdict = check(action, actor, ticket, at);
  if (!verdict.ok) throw new AppError(verdict.code, verdict.reason);
}

/** Every action with its verdict: the UI shows a button when `ok`, and may show `reason` otherwise. */
export function allowedActions(actor: RuleActor, ticket: RuleTicket, at: Date): Record<TicketAction, Verdict> {
  return Object.fromEntries(TICKET_ACTIONS.map((a) => [a, check(a, actor, ticket, at)])) as Record<TicketAction, Verdict>;
}

/** Where a reopened ticket goes: back to its assignee, or to the queue. */
export const reopenStatus = (t: Pick<RuleTicket, "assigneeId">): SupportStatus => (t.assigneeId ? "in_progress" : "open");

/** Status after a public comment: the desk answered → waiting for the client; the client answered a waiting ticket → back to work. */
export function statusAfterPublicComment(t: Pick<RuleTicket, "status" | "assigneeId" | "requesterId" | "type">, authorId: string): string {
  if (t.type !== "support") return t.status;
  if (authorId !== t.requesterId) return "waiting_for_customer";
  if (t.status === "waiting_for_customer") return t.assigneeId ? "in_progress" : "open";
  return t.status;
}
