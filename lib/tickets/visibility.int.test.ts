import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { attachments, messages } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { createUser } from "@/lib/test/factories";
import { deleteTicket, editTicket } from "./admin";
import { addComment } from "./comments";
import { getTicketDetail, listAssignableAgents } from "./detail";
import { listTickets } from "./list";
import { assignTicket, markWontFix, setTicketPriority } from "./manage";
import { getDeskStats } from "./stats";
import { closeTicket, escalateTicket, reopenTicket, takeTicket } from "./transitions";
import { createDesk, insertTicket, notificationsOf, refusal, snapshot, type Desk } from "./test-fixtures";

const SECRET = "xylophonesecret";
let desk: Desk;
let other: Actor;
let ticket: { id: string; number: string };

beforeAll(async () => {
  desk = await createDesk();
  other = await createUser("client", { name: "Bruno Other" });
  ticket = await insertTicket({ requester: desk.client, title: "Broken VPN", body: "It drops every hour" });
  await takeTicket(desk.agent, { ticketId: ticket.id });
  await addComment(desk.agent, { ticketId: ticket.id, body: `Internal: the customer's router is a ${SECRET} model`, visibility: "internal" });
  await addComment(desk.agent, { ticketId: ticket.id, body: "Please update the VPN client.", visibility: "public" });
  await addComment(desk.agent, { ticketId: ticket.id, body: `Second internal ${SECRET} note`, visibility: "internal" });
  await addComment(desk.client, { ticketId: ticket.id, body: "Updated, still drops." });
});

describe("a client never sees another client's ticket", () => {
  it("detail and lists say nothing exists", async () => {
    expect((await refusal(getTicketDetail(other, ticket.number))).code).toBe("not_found");
    expect((await listTickets(other, { scope: "mine" })).items).toEqual([]);
    expect((await listTickets(other, { scope: "mine", q: ticket.number })).items).toEqual([]);
    expect((await listTickets(other, { scope: "mine", q: "VPN" })).items).toEqual([]);
    expect((await refusal(listTickets(other, { scope: "all" }))).code).toBe("forbidden");
    expect((await refusal(listTickets(other, { scope: "queue" }))).code).toBe("forbidden");
  });

  it("every action answers not found and changes nothing", async () => {
    const before = await snapshot(ticket.id);
    const ticketId = ticket.id;
    const attempts = [
      () => addComment(other, { ticketId, body: "hello?" }),
      () => takeTicket(other, { ticketId }),
      () => escalateTicket(other, { ticketId }),
      () => closeTicket(other, { ticketId }),
      () => reopenTicket(other, { ticketId }),
      () => assignTicket(other, { ticketId, assigneeId: desk.agent.id }),
      () => setTicketPriority(other, { ticketId, priority: "critical" }),
      () => markWontFix(other, { ticketId, reason: "because I can" }),
      () => editTicket(other, { ticketId, title: "hijacked" }),
      () => deleteTicket(other, { ticketId }),
    ];
    for (const attempt of attempts) expect((await refusal(attempt())).code).toBe("not_found");
    expect(await snapshot(ticket.id)).toEqual(before);
  });

  it("staff-only reads are refused", async () => {
    expect((await refusal(listAssignableAgents(other, { ticketId: ticket.id }))).code).toBe("forbidden");
    expect((await refusal(getDeskStats(desk.client))).code).toBe("forbidden");
  });

  it("an agent of the wrong line, and the accountant, do not see it either", async () => {
    expect((await refusal(getTicketDetail(desk.agent_l2, ticket.number))).code).toBe("not_found");
    expect((await refusal(getTicketDetail(desk.accountant, ticket.number))).code).toBe("not_found");
  });
});

describe("internal notes never reach the client", () => {
  it("are not in the client's thread, but are in the agent's", async () => {
    const mine = await getTicketDetail(desk.client, ticket.number);
    expect(mine.thread.map((m) => m.body)).toEqual(["Please update the VPN client.", "Updated, still drops."]);
    expect(JSON.stringify(mine)).not.toContain(SECRET);
    expect(mine.history).toEqual([]);
    expect(mine.seesInternal).toBe(false);
    expect(mine.ticket.requesterEmail).toBeNull();

    const staff = await getTicketDetail(desk.agent, ticket.number);
    expect(staff.thread.filter((m) => m.visibility === "internal")).toHaveLength(2);
    expect(staff.history.length).toBeGreaterThan(0);
  });

  it("attachments of an internal note are hidden from the client", async () => {
    const db = await getDb();
    const [internal] = await db.insert(messages).values({ ticketId: ticket.id, authorId: desk.agent.id, body: "log attached", visibility: "internal" }).returning();
    const key = () => `att/${randomBytes(8).toString("hex")}`;
    await db.insert(attachments).values([
      { ticketId: ticket.id, messageId: internal!.id, filename: "internal-log.txt", storageKey: key(), size: 3, mimeType: "text/plain" },
      { ticketId: ticket.id, messageId: null, filename: "screenshot.png", storageKey: key(), size: 3, mimeType: "image/png" },
    ]);
    expect((await getTicketDetail(desk.client, ticket.number)).attachments.map((a) => a.filename)).toEqual(["screenshot.png"]);
    expect((await getTicketDetail(desk.agent, ticket.number)).attachments).toHaveLength(2);
  });

  it("are not searchable, by the client or anyone", async () => {
    expect((await listTickets(desk.client, { scope: "mine", q: SECRET })).items).toEqual([]);
    expect((await listTickets(desk.manager, { scope: "all", q: SECRET })).items).toEqual([]);
    expect((await listTickets(desk.client, { scope: "mine", q: "update" })).items.map((t) => t.number)).toEqual([ticket.number]);
  });

  it("are in no mail or in-app notification to the client", async () => {
    const toClient = await notificationsOf(desk.client.id);
    expect(toClient.length).toBeGreaterThan(0);
    for (const n of toClient) expect(`${n.subject} ${n.text} ${n.html ?? ""}`).not.toContain(SECRET);
    expect(toClient.some((n) => n.text.includes("Please update the VPN client."))).toBe(true);
  });

  it("a client cannot write one", async () => {
    const before = await snapshot(ticket.id);
    const error = await refusal(addComment(desk.client, { ticketId: ticket.id, body: "sneaky", visibility: "internal" }));
    expect(error.code).toBe("invalid");
    expect(error.fieldErrors?._form).toMatch(/may not set/);
    expect(await snapshot(ticket.id)).toEqual(before);
  });
});

describe("reads never carry password hashes", () => {
  it("detail, lists and agent lists select only named columns", async () => {
    const payloads = [
      await getTicketDetail(desk.manager, ticket.number),
      await listTickets(desk.manager, { scope: "all" }),
      await listAssignableAgents(desk.manager, { ticketId: ticket.id }),
      await getDeskStats(desk.manager),
    ];
    for (const p of payloads) expect(JSON.stringify(p)).not.toMatch(/passwordHash|password_hash|scrypt/);
  });
});
