/**
 * What the change-request screens read: the lists by scope (the approvals queue never holds one's
 * own requests), the navigation count, and the request page's allowed steps (no Approve button on
 * a request one made, admin included).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getTicketDetail } from "@/lib/tickets/detail";
import { refusal } from "@/lib/tickets/test-fixtures";
import { createChangeRequest } from "./create";
import { countPendingApprovals, getChangeRequest, listChangeRequests, listRequestableOrders, listTechnicians } from "./queries";
import { changeInput, createChangeDesk, insertChange, type ChangeDesk } from "./test-fixtures";

let desk: ChangeDesk;
let byClient: { id: string; number: string };
let byAdmin: { id: string; number: string };
beforeAll(async () => {
  desk = await createChangeDesk();
  byClient = await createChangeRequest(desk.client, changeInput(desk.orderId, { submit: true }));
  byAdmin = await createChangeRequest(desk.admin, changeInput(desk.orderId, { submit: true }));
  await insertChange({ requester: desk.otherClient, orderId: desk.otherOrderId, status: "draft" });
});

describe("lists", () => {
  it("the approvals queue holds pending requests, oldest first, never one's own", async () => {
    const forAdmin = await listChangeRequests(desk.admin, { scope: "approvals" });
    expect(forAdmin.items.map((c) => c.number)).toEqual([byClient.number]);
    const forManager = await listChangeRequests(desk.manager, { scope: "approvals" });
    expect(forManager.items.map((c) => c.number)).toEqual([byClient.number, byAdmin.number]);
    expect(await countPendingApprovals(desk.admin)).toBe(1);
    expect(await countPendingApprovals(desk.manager)).toBe(2);
    expect(await countPendingApprovals(desk.client)).toBe(0);
    expect((await refusal(listChangeRequests(desk.client, { scope: "approvals" }))).code).toBe("forbidden");
  });

  it("'mine' is the requester's own; 'all' is for approvers only", async () => {
    expect((await listChangeRequests(desk.client, { scope: "mine" })).items.map((c) => c.number)).toEqual([byClient.number]);
    expect((await listChangeRequests(desk.otherClient, { scope: "mine" })).items).toHaveLength(1);
    expect((await listChangeRequests(desk.manager, { scope: "all" })).items).toHaveLength(3);
    expect((await refusal(listChangeRequests(desk.agent, { scope: "all" }))).code).toBe("forbidden");
    expect((await listChangeRequests(desk.manager, { scope: "all", status: "draft" })).items).toHaveLength(1);
  });

  it("pages by keyset without losing or repeating a row", async () => {
    for (let i = 0; i < 27; i++) await insertChange({ requester: desk.agent_l2, orderId: desk.orderId, status: "draft" });
    const first = await listChangeRequests(desk.agent_l2, { scope: "mine" });
    const second = await listChangeRequests(desk.agent_l2, { scope: "mine", cursor: first.nextCursor });
    expect(first.items).toHaveLength(25);
    expect(second.items).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.items, ...second.items].map((c) => c.id)).size).toBe(27);
  });
});

describe("the request page", () => {
  it("shows no Approve or Reject on one's own request, admin included", async () => {
    const own = await getChangeRequest(desk.admin, byAdmin.number);
    expect(own.allowed).not.toContain("approve");
    expect(own.allowed).not.toContain("reject");
    expect(own.allowed).toContain("cancel");
    const other = await getChangeRequest(desk.admin, byClient.number);
    expect(other.allowed).toEqual(expect.arrayContaining(["approve", "reject"]));
    expect(other.items).toHaveLength(2);
    expect(other.history.map((h) => h.action)).toEqual(["created", "submitted"]);
  });

  it("its discussion opens on the shared ticket page: comments yes, support steps no", async () => {
    const detail = await getTicketDetail(desk.client, byClient.number);
    expect(detail.ticket.number).toBe(byClient.number);
    expect(detail.actions.reply.ok).toBe(true);
    expect(detail.actions.close.ok).toBe(false);
    expect(detail.actions.reopen.ok).toBe(false);
    // An agent who requested a change sees it there too (agents have no ticket.view_own).
    const byAgent = await createChangeRequest(desk.agent, changeInput(desk.orderId));
    expect((await getTicketDetail(desk.agent, byAgent.number)).ticket.number).toBe(byAgent.number);
  });

  it("is not found for someone who may not see it", async () => {
    expect((await refusal(getChangeRequest(desk.otherClient, byClient.number))).code).toBe("not_found");
    expect((await refusal(getChangeRequest(desk.client, "not-a-number"))).code).toBe("not_found");
  });

  it("offers a client their own active orders, staff every active order, approvers the technicians", async () => {
    expect((await listRequestableOrders(desk.client)).map((o) => o.id)).toEqual([desk.orderId]);
    const staff = (await listRequestableOrders(desk.agent)).map((o) => o.id);
    expect(staff).toEqual(expect.arrayContaining([desk.orderId, desk.otherOrderId]));
    expect(await listRequestableOrders(desk.accountant)).toEqual([]);
    const techs = (await listTechnicians(desk.manager)).map((t) => t.id);
    expect(techs).toEqual(expect.arrayContaining([desk.agent.id, desk.agent_l2.id, desk.spareAgent.id]));
    expect(techs).not.toContain(desk.client.id);
    expect(await listTechnicians(desk.client)).toEqual([]);
  });
});
