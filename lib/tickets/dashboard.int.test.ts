import { describe, expect, it } from "vitest";
import { getDashboardCounts } from "./dashboard";
import { createDesk, insertTicket, refusal } from "./test-fixtures";

const NOW = new Date("2025-03-10T15:00:00Z");
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3600_000);

describe("manager dashboard counts", () => {
  it("counts active, unassigned, in progress, waiting, escalated, urgent and closed today", async () => {
    const d = await createDesk();
    const requester = d.client;
    await insertTicket({ requester, createdAt: hoursAgo(30) }); // unassigned, oldest
    await insertTicket({ requester, createdAt: hoursAgo(2), escalated: true, priority: "critical" }); // unassigned, escalated, urgent
    await insertTicket({ requester, status: "in_progress", assignee: d.agent, priority: "high" });
    await insertTicket({ requester, status: "waiting_for_customer", assignee: d.agent_l2, escalated: true });
    await insertTicket({ requester, status: "closed", closedAt: hoursAgo(1), priority: "critical" }); // closed today, not urgent
    await insertTicket({ requester, status: "wont_fix", closedAt: hoursAgo(14) }); // closed today (01:00 UTC)
    await insertTicket({ requester, status: "closed", closedAt: hoursAgo(16) }); // yesterday

    const c = await getDashboardCounts(d.manager, { now: NOW });
    expect(c).toEqual({
      active: 4,
      unassigned: 2,
      inProgress: 1,
      waiting: 1,
      escalated: 2,
      urgent: 2,
      closedToday: 2,
      oldestUnassignedAt: hoursAgo(30),
    });
  });

  it("is for managers (stats.view) only", async () => {
    const d = await createDesk();
    for (const actor of [d.agent, d.client, d.accountant]) {
      expect((await refusal(getDashboardCounts(actor))).code).toBe("forbidden");
    }
  });
});
