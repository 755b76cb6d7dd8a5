/**
 * The change-request state machine, table-driven: every role × every status × every action, against
 * the database through the domain functions. Allowed → the step succeeds, leaves the expected status
 * and writes history; refused → an AppError and nothing changed (row, items, history, messages,
 * notifications compared before and after).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { resetClock, setClock } from "@/lib/clock";
import { refusal } from "@/lib/tickets/test-fixtures";
import { createChangeRequest, editChangeRequest } from "./create";
import { approveChangeRequest, cancelChangeRequest, rejectChangeRequest, resubmitChangeRequest, submitChangeRequest } from "./decide";
import { assignChangeRequest, completeChangeRequest, deployChangeRequest, rollBackChangeRequest, startChangeRequest } from "./deliver";
import { CHANGE_ACTIONS, CHANGE_STATUSES, type ChangeAction, type ChangeStatus } from "./rules";
import { changeInput, changeSnapshot, createChangeDesk, insertChange, itemsOf, type ChangeDesk } from "./test-fixtures";

const ROLES = ["client", "agent", "agent_l2", "manager", "admin", "accountant"] as const;
type Role = (typeof ROLES)[number];
const none: Record<Role, ChangeStatus[]> = { client: [], agent: [], agent_l2: [], manager: [], admin: [], accountant: [] };
const requesters = (s: ChangeStatus[]) => ({ ...none, client: s, agent: s, agent_l2: s, manager: s, admin: s });
const approvers = (s: ChangeStatus[]) => ({ ...none, manager: s, admin: s });
const technicians = (s: ChangeStatus[]) => ({ ...none, agent: s, agent_l2: s, manager: s, admin: s });

/**
 * SPEC §4 and issue 11, written out by hand (not derived from rules.ts). Requester steps act on the
 * actor's own request; approver steps on a client's request; technician steps on a request assigned
 * to the actor when they may deploy (else to another technician).
 */
const ALLOWED: Record<ChangeAction, Record<Role, ChangeStatus[]>> = {
  edit: requesters(["draft", "rejected"]),
  submit: requesters(["draft"]),
  resubmit: requesters(["rejected"]),
  cancel: requesters(["draft", "pending", "approved"]),
  approve: approvers(["pending"]),
  reject: approvers(["pending"]),
  assign: approvers(["approved"]),
  start: technicians(["approved"]),
  deploy: technicians(["in_progress"]),
  complete: technicians(["deployed"]),
  roll_back: technicians(["deployed"]),
};

const STATUS_AFTER: Record<ChangeAction, ChangeStatus | null> = {
  edit: null, // unchanged
  submit: "pending",
  resubmit: "pending",
  cancel: "cancelled",
  approve: "approved",
  reject: "rejected",
  assign: null,
  start: "in_progress",
  deploy: "deployed",
  complete: "completed",
  roll_back: "rolled_back",
};

const REQUESTER_STEPS: ChangeAction[] = ["edit", "submit", "resubmit", "cancel"];
const TECHNICIAN_STEPS: ChangeAction[] = ["start", "deploy", "complete", "roll_back"];
const DEPLOYS: Role[] = ["agent", "agent_l2", "manager", "admin"];

let desk: ChangeDesk;
beforeAll(async () => {
  setClock(() => new Date("2025-06-02T12:00:00.000Z"));
  desk = await createChangeDesk();
});
afterAll(() => resetClock());

async function fixture(role: Role, action: ChangeAction, status: ChangeStatus) {
  const actor = desk[role];
  const ownRequest = REQUESTER_STEPS.includes(action) && role !== "accountant";
  const requester = ownRequest ? actor : desk.client;
  const assignee = TECHNICIAN_STEPS.includes(action) && DEPLOYS.includes(role) ? actor : status === "draft" || status === "pending" ? null : desk.spareAgent;
  // The decision was someone else's: never the requester (the CHECK constraint would refuse it).
  const decidedBy = requester.id === desk.manager.id ? desk.admin : desk.manager;
  return insertChange({ requester, orderId: desk.orderId, status, assignee, decidedBy });
}

async function run(action: ChangeAction, actor: Actor, ticketId: string) {
  switch (action) {
    case "edit":
      return editChangeRequest(actor, { ticketId, ...changeInput(desk.orderId, { title: "Edited title" }) });
    case "submit":
      return submitChangeRequest(actor, { ticketId });
    case "resubmit":
      return resubmitChangeRequest(actor, { ticketId });
    case "cancel":
      return cancelChangeRequest(actor, { ticketId, comment: "No longer needed" });
    case "approve":
      return approveChangeRequest(actor, { ticketId, comment: "Fine" });
    case "reject":
      return rejectChangeRequest(actor, { ticketId, reason: "Wrong window" });
    case "assign":
      return assignChangeRequest(actor, { ticketId, technicianId: desk.agent_l2.id });
    case "start":
      return startChangeRequest(actor, { ticketId });
    case "deploy": {
      const items = (await itemsOf(ticketId)).map((i, n) => ({ itemId: i.id, fulfilled: n === 0, note: `note ${n}` }));
      return deployChangeRequest(actor, { ticketId, notes: "Done at 22:40", items });
    }
    case "complete":
      return completeChangeRequest(actor, { ticketId });
    case "roll_back":
      return rollBackChangeRequest(actor, { ticketId, reason: "Disk errors" });
  }
}

describe.each(CHANGE_ACTIONS.flatMap((action) => ROLES.map((role) => [action, role] as const)))("%s by %s", (action, role) => {
  it("is allowed exactly where the spec says, and a refusal changes nothing", async () => {
    const outcomes: string[] = [];
    for (const status of CHANGE_STATUSES) {
      const allowed = ALLOWED[action][role].includes(status);
      const ticket = await fixture(role, action, status);
      const before = await changeSnapshot(ticket.id);
      if (allowed) {
        const result = await run(action, desk[role], ticket.id);
        const after = await changeSnapshot(ticket.id);
        expect(result.number).toBe(ticket.number);
        expect(after.row!.status).toBe(STATUS_AFTER[action] ?? status);
        expect(after.history.length).toBeGreaterThan(before.history.length);
        expect(after.history.every((h) => h.actorId === desk[role].id)).toBe(true);
        outcomes.push(`${status}: ok`);
      } else {
        const error = await refusal(run(action, desk[role], ticket.id));
        expect(["forbidden", "invalid", "not_found", "conflict"]).toContain(error.code);
        expect(await changeSnapshot(ticket.id)).toEqual(before);
        outcomes.push(`${status}: ${error.code}`);
      }
    }
    // Every status was tried; the allowed ones are exactly the spec's.
    expect(outcomes.filter((o) => o.endsWith(": ok")).map((o) => o.split(":")[0])).toEqual(ALLOWED[action][role]);
  });
});

describe("creating", () => {
  it.each(ROLES)("%s may request a change only with ticket.create", async (role) => {
    const orderId = desk.orderId; // the client's own active order; staff may request on any order
    if (role === "accountant") {
      expect((await refusal(createChangeRequest(desk[role], changeInput(orderId)))).code).toBe("forbidden");
      return;
    }
    const created = await createChangeRequest(desk[role], changeInput(orderId, { submit: true }));
    expect(created.status).toBe("pending");
  });
});
