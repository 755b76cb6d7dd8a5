/**
 * The change-request workflow (SPEC §4, §10) as pure rules: who may do what to a change request in
 * which status. No database here, so the whole matrix is unit-testable; the domain functions call
 * `assertChangeAllowed` inside their transaction, and the request page shows only allowed buttons.
 *
 *   draft → pending → approved → in_progress → deployed → completed
 *             ↓ reject   ↑ resubmit                ↓ roll back
 *           rejected ────┘                     rolled_back
 *   cancelled: from draft, pending or approved.
 *
 * Separation of duties is absolute: nobody approves or rejects a request they created, an admin
 * neither. The guarded UPDATE (`requester_id <> actor`) and a CHECK constraint enforce it again.
 */
import { AppError } from "@/lib/errors";
import type { RuleActor, Verdict } from "@/lib/tickets/workflow";

export const CHANGE_STATUSES = [
  "draft",
  "pending",
  "approved",
  "rejected",
  "in_progress",
  "deployed",
  "completed",
  "cancelled",
  "rolled_back",
] as const;
export type ChangeStatus = (typeof CHANGE_STATUSES)[number];

export const CHANGE_STATUS_LABELS: Record<ChangeStatus, string> = {
  draft: "Draft",
  pending: "Pending approval",
  approved: "Approved",
  rejected: "Rejected",
  in_progress: "In progress",
  deployed: "Deployed",
  completed: "Completed",
  cancelled: "Cancelled",
  rolled_back: "Rolled back",
};

export const CHANGE_TYPES = ["component_addition", "component_removal", "component_replacement", "configuration_change"] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];
export const CHANGE_TYPE_LABELS: Record<ChangeType, string> = {
  component_addition: "Addition",
  component_removal: "Removal",
  component_replacement: "Replacement",
  configuration_change: "Configuration change",
};

export const CHANGE_ACTIONS = [
  "edit",
  "submit",
  "resubmit",
  "cancel",
  "approve",
  "reject",
  "assign",
  "start",
  "deploy",
  "complete",
  "roll_back",
] as const;
export type ChangeAction = (typeof CHANGE_ACTIONS)[number];

export type RuleChange = {
  type: string;
  status: string;
  requesterId: string;
  assigneeId: string | null;
  /** Some line item was marked invalid while reviewing: the request must be edited and resubmitted first. */
  hasInvalidItem: boolean;
};

const OK: Verdict = { ok: true };
const forbid = (reason: string): Verdict => ({ ok: false, code: "forbidden", reason });
const invalid = (reason: string): Verdict => ({ ok: false, code: "invalid", reason });

const has = (a: RuleActor, p: string) => a.permissions.has(p);
const label = (status: string) => CHANGE_STATUS_LABELS[status as ChangeStatus]?.toLowerCase() ?? status;
const isRequester = (a: RuleActor, t: RuleChange) => a.id === t.requesterId && has(a, "ticket.create");
/** Approvers oversee every request (managers, admins by default). */
const isApprover = (a: RuleActor) => has(a, "ticket.approve") || has(a, "ticket.reject");
const isTechnician = (a: RuleActor, t: RuleChange) => t.assigneeId === a.id;

export const SELF_APPROVAL = "You requested this change: someone else must approve it. Nobody approves their own request.";
export const SELF_REJECTION = "You requested this change: someone else must decide on it. Nobody rejects their own request.";

function onlyIn(t: RuleChange, statuses: readonly string[], what: string): Verdict {
  return statuses.includes(t.status) ? OK : invalid(`${what}; this one is ${label(t.status)}.`);
}

type Rule = (a: RuleActor, t: RuleChange) => Verdict;

const RULES: Record<ChangeAction, Rule> = {
  edit(a, t) {
    if (!isRequester(a, t)) return forbid("Only the person who requested this change can edit it.");
    return onlyIn(t, ["draft", "rejected"], "A change request can be edited only as a draft or after a rejection");
  },
  submit(a, t) {
    if (!isRequester(a, t)) return forbid("Only the person who requested this change can submit it.");
    return onlyIn(t, ["draft"], "Only a draft can be submitted");
  },
  resubmit(a, t) {
    if (!isRequester(a, t)) return forbid("Only the person who requested this change can resubmit it.");
    return onlyIn(t, ["rejected"], "Only a rejected request can be resubmitted");
  },
  cancel(a, t) {
    const requester = a.id === t.requesterId;
    // Besides the requester, an approver holding ticket.cancel may withdraw a request under review.
    const overseer = !requester && isApprover(a) && has(a, "ticket.cancel");
    if (!requester && !overseer) return forbid("Only the requester or an approver can cancel this change request.");
    if (overseer && t.status === "draft") return forbid("A draft belongs to its requester: only they can cancel it.");
    return onlyIn(t, ["draft", "pending", "approved"], "A change request can be cancelled only as a draft, pending or approved");
  },
  approve(a, t) {
    if (!has(a, "ticket.approve")) return forbid("Only approvers can approve change requests.");
    if (a.id === t.requesterId) return forbid(SELF_APPROVAL);
    const status = onlyIn(t, ["pending"], "Only a pending request can be approved");
    if (!status.ok) return status;
    if (t.hasInvalidItem) return invalid("A line item is marked invalid: the requester must edit and resubmit the request first.");
    return OK;
  },
  reject(a, t) {
    if (!has(a, "ticket.reject")) return forbid("Only approvers can reject change requests.");
    if (a.id === t.requesterId) return forbid(SELF_REJECTION);
    return onlyIn(t, ["pending"], "Only a pending request can be rejected");
  },
  assign(a, t) {
    if (!has(a, "ticket.approve")) return forbid("Only approvers can assign change requests to a technician.");
    return onlyIn(t, ["approved"], "Only an approved request can be assigned");
  },
  start(a, t) {
    if (!has(a, "ticket.deploy") || !isTechnician(a, t)) return forbid("Only the technician assigned to this change can start it.");
    return onlyIn(t, ["approved"], "Only an approved request can be started");
  },
  deploy(a, t) {
    if (!has(a, "ticket.deploy") || !isTechnician(a, t)) return forbid("Only the technician assigned to this change can deploy it.");
    return onlyIn(t, ["in_progress"], "Only a change in progress can be marked deployed");
  },
  complete(a, t) {
    if (!has(a, "ticket.complete") || !isTechnician(a, t)) return forbid("Only the technician assigned to this change can complete it.");
    return onlyIn(t, ["deployed"], "Only a deployed change can be completed");
  },
  roll_back(a, t) {
    if (!has(a, "ticket.complete") || !isTechnician(a, t)) return forbid("Only the technician assigned to this change can roll it back.");
    return onlyIn(t, ["deployed"], "Only a deployed change can be rolled back");
  },
};

export function checkChange(action: ChangeAction, actor: RuleActor, change: RuleChange): Verdict {
  if (change.type !== "change_request") return invalid("This is a support ticket, not a change request.");
  return RULES[action](actor, change);
}

export function assertChangeAllowed(action: ChangeAction, actor: RuleActor, change: RuleChange): void {
  const verdict = checkChange(action, actor, change);
  if (!verdict.ok) throw new AppError(verdict.code, verdict.reason);
}

/** Every action with its verdict: the request page shows a button when `ok`. */
export function allowedChangeActions(actor: RuleActor, change: RuleChange): Record<ChangeAction, Verdict> {
  return Object.fromEntries(CHANGE_ACTIONS.map((a) => [a, checkChange(a, actor, change)])) as Record<ChangeAction, Verdict>;
}

/** Who may request a change on an order: a client on their own active orders, staff on any order. */
export function mayRequestOn(actor: RuleActor, order: { clientId: string; status: string }): Verdict {
  if (!has(actor, "ticket.create")) return forbid("You are not allowed to request changes.");
  if (has(actor, "ticket.view_internal")) return OK;
  if (order.clientId !== actor.id) return invalid("Choose one of your services.");
  if (order.status !== "active") return invalid("Changes can be requested on active services only.");
  return OK;
}
