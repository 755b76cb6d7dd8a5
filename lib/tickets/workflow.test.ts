import { describe, expect, it } from "vitest";
import { DEFAULT_ROLES } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { allowedActions, assertAllowed, check, reopenStatus, statusAfterPublicComment, type RuleTicket } from "./workflow";

const actor = (role: keyof typeof DEFAULT_ROLES, id: string = role) => ({ id, permissions: new Set<string>(DEFAULT_ROLES[role].permissions) });
const T = new Date("2025-01-01T12:00:00.000Z");
const ticket = (over: Partial<RuleTicket> = {}): RuleTicket => ({
  type: "support",
  status: "open",
  requesterId: "client",
  assigneeId: null,
  escalated: false,
  closedAt: null,
  hasPublicAgentReply: false,
  ...over,
});

describe("reopen window", () => {
  const closed = ticket({ status: "closed", closedAt: T, assigneeId: "agent", hasPublicAgentReply: true });
  it.each([
    [1, true],
    [59, true],
    [60, true],
    [61, false],
    [24 * 60, false],
  ])("%i minutes after closing → %s", (minutes, ok) => {
    expect(check("reopen", actor("client"), closed, new Date(T.getTime() + minutes * 60_000)).ok).toBe(ok);
  });
  it("only the requester reopens", () => {
    expect(check("reopen", actor("client", "someone-else"), closed, T)).toMatchObject({ ok: false, code: "forbidden" });
    expect(check("reopen", actor("admin"), closed, T).ok).toBe(false);
  });
  it("returns to the assignee, or to the queue", () => {
    expect(reopenStatus({ assigneeId: "agent" })).toBe("in_progress");
    expect(reopenStatus({ assigneeId: null })).toBe("open");
  });
});

describe("lines", () => {
  it("first line takes normal tickets, second line escalated ones, managers both", () => {
    const normal = ticket();
    const escalated = ticket({ escalated: true });
    expect([check("take", actor("agent"), normal, T).ok, check("take", actor("agent"), escalated, T).ok]).toEqual([true, false]);
    expect([check("take", actor("agent_l2"), normal, T).ok, check("take", actor("agent_l2"), escalated, T).ok]).toEqual([false, true]);
    expect([check("take", actor("manager"), normal, T).ok, check("take", actor("manager"), escalated, T).ok]).toEqual([true, true]);
  });
  it("only first line escalates, once", () => {
    expect(check("escalate", actor("agent"), ticket(), T).ok).toBe(true);
    expect(check("escalate", actor("agent_l2"), ticket(), T).ok).toBe(false);
    expect(check("escalate", actor("agent"), ticket({ escalated: true }), T)).toMatchObject({ ok: false, code: "invalid" });
  });
  it("an agent may not act on a colleague's ticket; a manager may", () => {
    const colleagues = ticket({ status: "waiting_for_customer", assigneeId: "someone", hasPublicAgentReply: true });
    expect(check("close", actor("agent"), colleagues, T)).toMatchObject({ ok: false, code: "forbidden" });
    expect(check("reply", actor("agent"), colleagues, T).ok).toBe(false);
    expect(check("close", actor("manager"), colleagues, T).ok).toBe(true);
  });
});

describe("close", () => {
  it("needs a public agent reply", () => {
    const mine = ticket({ status: "in_progress", assigneeId: "agent" });
    expect(check("close", actor("agent"), mine, T)).toEqual({
      ok: false,
      code: "invalid",
      reason: "Write a public reply explaining the solution before closing: the client must know why the ticket is closed.",
    });
    expect(check("close", actor("agent"), { ...mine, hasPublicAgentReply: true }, T).ok).toBe(true);
  });
});

describe("comments", () => {
  it("the desk's public reply waits for the client; the client's reply to a waiting ticket goes back to work", () => {
    const waiting = ticket({ status: "waiting_for_customer", assigneeId: "agent" });
    expect(statusAfterPublicComment(ticket({ status: "in_progress" }), "agent")).toBe("waiting_for_customer");
    expect(statusAfterPublicComment(waiting, "client")).toBe("in_progress");
    expect(statusAfterPublicComment({ ...waiting, assigneeId: null }, "client")).toBe("open");
    expect(statusAfterPublicComment(ticket({ status: "in_progress" }), "client")).toBe("in_progress");
    expect(statusAfterPublicComment(ticket({ type: "change_request", status: "pending" }), "agent")).toBe("pending");
  });
  it("staff must take an open ticket before replying", () => {
    expect(check("reply", actor("agent"), ticket(), T)).toMatchObject({ ok: false, reason: expect.stringMatching(/Take this ticket/) });
  });
  it("nobody comments publicly on a closed ticket; internal notes still work", () => {
    const closed = ticket({ status: "closed", closedAt: T, assigneeId: "agent", hasPublicAgentReply: true });
    expect(check("reply", actor("client"), closed, T).ok).toBe(false);
    expect(check("reply", actor("agent"), closed, T).ok).toBe(false);
    expect(check("note", actor("agent"), closed, T).ok).toBe(true);
  });
});

describe("change requests are not support tickets", () => {
  it("refuses the support transitions but allows comments", () => {
    const cr = ticket({ type: "change_request", status: "pending" });
    expect(check("take", actor("manager"), cr, T)).toMatchObject({ ok: false, reason: expect.stringMatching(/change request/) });
    expect(check("close", actor("admin"), cr, T).ok).toBe(false);
    expect(check("note", actor("manager"), cr, T).ok).toBe(true);
    expect(check("reply", actor("client"), cr, T).ok).toBe(true);
  });
});

describe("assertAllowed / allowedActions", () => {
  it("throws an AppError with the rule's code and reason", () => {
    expect(() => assertAllowed("delete", actor("manager"), ticket(), T)).toThrow(AppError);
    expect(() => assertAllowed("delete", actor("manager"), ticket(), T)).toThrow("Only admins can delete tickets.");
  });
  it("an actor without permissions may do nothing", () => {
    const nobody = { id: "x", permissions: new Set<string>() };
    expect(Object.values(allowedActions(nobody, ticket(), T)).some((v) => v.ok)).toBe(false);
    const accountant = actor("accountant");
    expect(Object.values(allowedActions(accountant, ticket({ status: "in_progress", assigneeId: "accountant" }), T)).some((v) => v.ok)).toBe(false);
  });
});
