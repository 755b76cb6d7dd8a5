import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { resetClock, setClock } from "@/lib/clock";
import { addComment } from "./comments";
import { getTicketDetail } from "./detail";
import { listTickets } from "./list";
import { assignTicket, setTicketPriority } from "./manage";
import { createDesk, insertTicket, type Desk } from "./test-fixtures";

/**
 * The client's list shows each ticket's "last activity" and sorts by it: it must move with what the
 * client sees (public messages, status changes) and never betray a staff-only event.
 */
let desk: Desk;
beforeAll(async () => {
  desk = await createDesk();
});
afterEach(() => resetClock());

const T0 = new Date("2025-06-02T08:00:00.000Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

async function clientList() {
  const page = await listTickets(desk.client, { scope: "mine", sort: "activity" });
  return page.items.map((t) => ({ number: t.number, lastActivityAt: t.lastActivityAt }));
}

describe("the client's last activity", () => {
  it("an internal note, a reassignment or a priority change leave it and the list order alone; a public reply moves it", async () => {
    const older = await insertTicket({ requester: desk.client, status: "in_progress", assignee: desk.agent, createdAt: at(0) });
    const newer = await insertTicket({ requester: desk.client, status: "in_progress", assignee: desk.agent, createdAt: at(10) });
    const before = await clientList();
    expect(before.map((t) => t.number)).toEqual([newer.number, older.number]);

    setClock(() => at(20));
    await addComment(desk.agent, { ticketId: older.id, body: "Between us: the client's disk is dying.", visibility: "internal" });
    setClock(() => at(21));
    await assignTicket(desk.manager, { ticketId: older.id, assigneeId: desk.manager.id });
    setClock(() => at(22));
    await setTicketPriority(desk.manager, { ticketId: older.id, priority: "high" });

    expect(await clientList()).toEqual(before);
    const seen = await getTicketDetail(desk.client, older.number);
    expect(seen.thread.map((m) => m.body)).not.toContain("Between us: the client's disk is dying.");
    expect(seen.ticket).not.toHaveProperty("updatedAt");

    setClock(() => at(30));
    await addComment(desk.manager, { ticketId: older.id, body: "We are replacing the disk today.", visibility: "public" });
    expect(await clientList()).toEqual([
      { number: older.number, lastActivityAt: at(30) },
      { number: newer.number, lastActivityAt: at(10) },
    ]);
  });
});
