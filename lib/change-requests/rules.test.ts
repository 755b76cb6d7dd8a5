import { describe, expect, it } from "vitest";
import { ALL_PERMISSIONS, DEFAULT_ROLES } from "@/lib/auth/permissions";
import { allowedChangeActions, CHANGE_ACTIONS, checkChange, mayRequestOn, SELF_APPROVAL, SELF_REJECTION, type RuleChange } from "./rules";

const actor = (id: string, permissions: readonly string[]) => ({ id, permissions: new Set(permissions) });
const change = (over: Partial<RuleChange> = {}): RuleChange => ({ type: "change_request", status: "pending", requesterId: "r", assigneeId: null, hasInvalidItem: false, ...over });

describe("separation of duties (the pure rule)", () => {
  it("refuses approving and rejecting one's own request to every permission set, all permissions included", () => {
    const sets = [[...ALL_PERMISSIONS], DEFAULT_ROLES.manager.permissions, DEFAULT_ROLES.admin.permissions, ["ticket.approve", "ticket.reject", "ticket.create"]];
    for (const permissions of sets) {
      const me = actor("r", permissions);
      expect(checkChange("approve", me, change())).toEqual({ ok: false, code: "forbidden", reason: SELF_APPROVAL });
      expect(checkChange("reject", me, change())).toEqual({ ok: false, code: "forbidden", reason: SELF_REJECTION });
      // …and no allowed step on one's own request is a decision, in any status.
      for (const status of ["draft", "pending", "approved", "rejected"]) {
        const verdicts = allowedChangeActions(me, change({ status }));
        expect(verdicts.approve.ok || verdicts.reject.ok).toBe(false);
      }
    }
  });

  it("lets another approver decide", () => {
    expect(checkChange("approve", actor("m", DEFAULT_ROLES.manager.permissions), change())).toEqual({ ok: true });
    expect(checkChange("reject", actor("m", DEFAULT_ROLES.manager.permissions), change())).toEqual({ ok: true });
  });
});

describe("rules", () => {
  const manager = actor("m", DEFAULT_ROLES.manager.permissions);
  it("an invalid item blocks approval until the request is edited and resubmitted", () => {
    expect(checkChange("approve", manager, change({ hasInvalidItem: true })).ok).toBe(false);
    expect(checkChange("reject", manager, change({ hasInvalidItem: true })).ok).toBe(true);
  });

  it("a support ticket is never a change request", () => {
    for (const action of CHANGE_ACTIONS) expect(checkChange(action, manager, change({ type: "support" })).ok).toBe(false);
  });

  it("only the assigned technician works an approved change", () => {
    const tech = actor("t", DEFAULT_ROLES.agent.permissions);
    expect(checkChange("start", tech, change({ status: "approved", assigneeId: "t" })).ok).toBe(true);
    expect(checkChange("start", tech, change({ status: "approved", assigneeId: "other" })).ok).toBe(false);
    expect(checkChange("start", manager, change({ status: "approved", assigneeId: "t" })).ok).toBe(false);
  });

  it("who may request on which order", () => {
    const client = actor("c", DEFAULT_ROLES.client.permissions);
    expect(mayRequestOn(client, { clientId: "c", status: "active" }).ok).toBe(true);
    expect(mayRequestOn(client, { clientId: "x", status: "active" }).ok).toBe(false);
    expect(mayRequestOn(client, { clientId: "c", status: "pending" }).ok).toBe(false);
    expect(mayRequestOn(actor("a", DEFAULT_ROLES.agent.permissions), { clientId: "x", status: "suspended" }).ok).toBe(true);
    expect(mayRequestOn(actor("acc", DEFAULT_ROLES.accountant.permissions), { clientId: "x", status: "active" })).toMatchObject({ ok: false, code: "forbidden" });
  });
});
