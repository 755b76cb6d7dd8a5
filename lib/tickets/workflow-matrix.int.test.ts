/**
 * The support state machine, table-driven: every role × every status × every action, against the
 * database. Allowed → the action succeeds and leaves the expected status; refused → an AppError and
 * nothing changed (ticket row, history, messages, notifications compared before/after).
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { tickets } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { resetClock, setClock } from "@/lib/clock";
import { createUser } from "@/lib/test/factories";
import { deleteTicket, editTicket } from "./admin";
import { addComment } from "./comments";
import { assignTicket, deassignAll, markWontFix, setTicketPriority } from "./manage";
import { closeTicket, escalateTicket, reopenTicket, takeTicket } from "./transitions";
import { createDesk, insertTicket, refusal, snapshot, type Desk } from "./test-fixtures";
import { SUPPORT_STATUSES, TICKET_ACTIONS, type SupportStatus, type TicketAction } from "./workflow";

const ROLES = ["client", "agent", "agent_l2", "manager", "admin", "accountant"] as const;
type Role = (typeof ROLES)[number];
const ACTIVE: SupportStatus[] = ["open", "in_progress", "waiting_for_customer"];
const ALL: SupportStatus[] = [...SUPPORT_STATUSES];
const WORKING: SupportStatus[] = ["in_progress", "waiting_for_customer"];
const none = { client: [], agent: [], agent_l2: [], manager: [], admin: [], accountant: [] };

/** SPEC §3, written out by hand (not derived from workflow.ts): where each role may do each action. */
const ALLOWED: Record<TicketAction, Record<Role, SupportStatus[]>> = {
  take: { ...none, agent: ["open"], agent_l2: ["open"], manager: ["open"], admin: ["open"] },
  reply: { ...none, client: ACTIVE, agent: WORKING, agent_l2: WORKING, manager: WORKING, admin: WORKING },
  note: { ...none, agent: ALL, agent_l2: ALL, manager: ALL, admin: ALL },
  escalate: { ...none, agent: ACTIVE, manager: ACTIVE, admin: ACTIVE },
  // Fixtures: only waiting_for_customer (and the final states) carry a public agent reply.
  close: { ...none, agent: ["waiting_for_customer"], agent_l2: ["waiting_for_customer"], manager: ["waiting_for_customer"], admin: ["waiting_for_customer"] },
  reopen: { ...none, client: ["closed"] },
  assign: { ...none, manager: ACTIVE, admin: ACTIVE },
  set_priority: { ...none, manager: ACTIVE, admin: ACTIVE },
  wont_fix: { ...none, manager: ACTIVE, admin: ACTIVE },
  edit: { ...none, admin: ALL },
  delete: { ...none, admin: ALL },
};

function statusAfter(action: TicketAction, role: Role, status: SupportStatus): string | null {
  switch (action) {
    case "take":
      return "in_progress";
    case "reply":
      return role === "client" ? (status === "waiting_for_customer" ? "in_progress" : status) : "waiting_for_customer";
    case "escalate":
      return "open";
    case "close":
      return "closed";
    case "reopen":
      return "in_progress"; // the fixture's closed ticket still has its assignee
    case "assign":
      return status === "open" ? "in_progress" : status;
    case "wont_fix":
      return "wont_fix";
    case "delete":
      return null;
    default:
      return status;
  }
}

const T0 = new Date("2025-06-02T12:00:00.000Z");
let desk: Desk;
let spare: { first: Actor; second: Actor };

beforeAll(async () => {
  setClock(() => T0);
  desk = await createDesk();
  spare = { first: await createUser("agent", { name: "Spare First" }), second: await createUser("agent_l2", { name: "Spare Second" }) };
});
afterAll(() => resetClock());

const STAFF_ROLES: Role[] = ["agent", "agent_l2", "manager", "admin"];

/** One ticket per case: first line (second line for agent_l2), worked by the acting staff member. */
async function fixture(role: Role, status: SupportStatus) {
  const worker = STAFF_ROLES.includes(role) ? desk[role] : desk.agent;
  const escalated = role === "agent_l2";
  return insertTicket({
    requester: desk.client,
    status,
    escalated,
    assignee: status === "open" ? null : worker,
    closedAt: status === "closed" || status === "wont_fix" ? new Date(T0.getTime() - 10 * 60_000) : null,
    publicReplyBy: status === "open" || status === "in_progress" ? undefined : worker,
  });
}

function run(action: TicketAction, actor: Actor, ticketId: string, escalated: boolean) {
  switch (action) {
    case "take":
      return takeTicket(actor, { ticketId });
    case "reply":
      return addComment(actor, actor.role === "client" || actor.role === "accountant" ? { ticketId, body: "Any news?" } : { ticketId, body: "Fixed it.", visibility: "public" });
    case "note":
      return addComment(actor, { ticketId, body: "internal detail", visibility: "internal" });
    case "escalate":
      return escalateTicket(actor, { ticketId });
    case "close":
      return closeTicket(actor, { ticketId });
    case "reopen":
      return reopenTicket(actor, { ticketId });
    case "assign":
      return assignTicket(actor, { ticketId, assigneeId: escalated ? spare.second.id : spare.first.id });
    case "set_priority":
      return setTicketPriority(actor, { ticketId, priority: "critical" });
    case "wont_fix":
      return markWontFix(actor, { ticketId, reason: "Works as designed." });
    case "edit":
      return editTicket(actor, { ticketId, title: "Edited by an admin" });
    case "delete":
      return deleteTicket(actor, { ticketId });
  }
}

const cases = TICKET_ACTIONS.flatMap((action) =>
  ROLES.flatMap((role) => SUPPORT_STATUSES.map((status) => ({ action, role, status, allowed: ALLOWED[action][role].includes(status) }))),
);

describe("support workflow matrix", () => {
  it("covers every action, role and status", () => {
    expect(cases).toHaveLength(11 * 6 * 5);
    expect(cases.filter((c) => c.allowed)).toHaveLength(77);
  });

  it.each(cases)("$role $action on $status → allowed: $allowed", async ({ action, role, status, allowed }) => {
    const t = await fixture(role, status);
    const before = await snapshot(t.id);
    const actor = desk[role];
    if (!allowed) {
      const error = await refusal(run(action, actor, t.id, role === "agent_l2"));
      expect(error.message.length).toBeGreaterThan(10);
      expect(await snapshot(t.id)).toEqual(before);
      return;
    }
    await run(action, actor, t.id, role === "agent_l2");
    const db = await getDb();
    const [row] = await db.select({ status: tickets.status }).from(tickets).where(eq(tickets.id, t.id));
    expect(row?.status ?? null).toBe(statusAfter(action, role, status));
    const after = await snapshot(t.id);
    if (action !== "delete") expect(after.history).toBeGreaterThan(before.history);
  });

  it("the accountant cannot even see a ticket", async () => {
    const t = await fixture("agent", "open");
    for (const action of ["take", "escalate", "close", "reopen", "assign", "set_priority", "wont_fix", "edit", "delete"] as const) {
      expect((await refusal(run(action, desk.accountant, t.id, false))).code).toBe("not_found");
    }
  });

  it.each(ROLES)("de-assign all as %s", async (role) => {
    const t = await fixture("agent", "in_progress");
    const before = await snapshot(t.id);
    if (role !== "manager" && role !== "admin") {
      expect((await refusal(deassignAll(desk[role]))).code).toBe("forbidden");
      expect(await snapshot(t.id)).toEqual(before);
      return;
    }
    const result = await deassignAll(desk[role]);
    expect(result.numbers).toContain(t.number);
    const db = await getDb();
    const [row] = await db.select().from(tickets).where(eq(tickets.id, t.id));
    expect(row).toMatchObject({ status: "open", assigneeId: null });
  });
});
