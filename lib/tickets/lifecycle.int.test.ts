import { eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { departments, messages, tickets } from "@/db/schema";
import { resetClock, setClock } from "@/lib/clock";
import { env } from "@/lib/env";
import { mailsTo } from "@/lib/test/factories";
import { addComment } from "./comments";
import { createTicket } from "./create";
import { getTicketDetail } from "./detail";
import { closeTicket, escalateTicket, reopenTicket, takeTicket } from "./transitions";
import { createDesk, historyOf, insertTicket, notificationsOf, refusal, snapshot, type Desk } from "./test-fixtures";

let desk: Desk;
beforeAll(async () => {
  desk = await createDesk();
});
afterEach(() => resetClock());

const T0 = new Date("2025-03-14T09:00:00.000Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

describe("a support ticket from creation to close", () => {
  it("creates with a number, auto-replies to the client, notifies the desk, and walks the happy path", async () => {
    const db = await getDb();
    const [dept] = await db.insert(departments).values({ name: "Hardware", inboundAddress: "hardware@ticketry.test" }).returning();
    setClock(() => T0);
    const { id, number } = await createTicket(desk.client, { title: "Printer on fire", body: "Smoke everywhere", priority: "high", departmentId: dept!.id });
    expect(number).toMatch(/^TKT-20250314-\d{4}$/);

    const clientMails = await mailsTo(desk.client.email);
    expect(clientMails).toHaveLength(1);
    expect(clientMails[0]!.text).toContain(`Thank you ${desk.client.email}, your ticket ${number} has been created`);
    expect(clientMails[0]!.subject).toContain(number);
    expect((await mailsTo("hardware@ticketry.test"))[0]!.text).toContain("Smoke everywhere");
    expect(await mailsTo(env.helpdeskEmail)).toHaveLength(0);

    setClock(() => minutes(5));
    expect((await takeTicket(desk.agent, { ticketId: id })).status).toBe("in_progress");
    await addComment(desk.agent, { ticketId: id, body: "Internal: looks like model X fault", visibility: "internal" });

    setClock(() => minutes(10));
    const reply = await addComment(desk.agent, { ticketId: id, body: "Please unplug it.", visibility: "public" });
    expect(reply.status).toBe("waiting_for_customer");
    const [row] = await db.select().from(tickets).where(eq(tickets.id, id));
    expect(row!.firstResponseAt).toEqual(minutes(10));
    expect(row!.lastActivityAt).toEqual(minutes(10));

    const replyMail = (await notificationsOf(desk.client.id)).find((n) => n.type === "ticket.reply" && n.channel === "email");
    expect(replyMail?.text).toContain("Please unplug it.");
    expect(replyMail?.emailMessageId).toMatch(/^[0-9a-f-]{36}@ticketry$/);
    expect(replyMail?.emailMessageId).not.toContain("<");

    setClock(() => minutes(20));
    const back = await addComment(desk.client, { ticketId: id, body: "Unplugged, smoke stopped." });
    expect(back.status).toBe("in_progress");
    const agentMail = (await mailsTo(desk.agent.email)).find((m) => m.type === "ticket.client_reply");
    expect(agentMail?.text).toContain("Unplugged, smoke stopped.");

    await addComment(desk.agent, { ticketId: id, body: "Great, closing.", visibility: "public" });
    setClock(() => minutes(30));
    expect((await closeTicket(desk.agent, { ticketId: id })).status).toBe("closed");
    const [closed] = await db.select().from(tickets).where(eq(tickets.id, id));
    expect(closed!.closedAt).toEqual(minutes(30));
    expect(closed!.firstResponseAt).toEqual(minutes(10)); // only the first reply sets it
    expect((await mailsTo(desk.client.email)).map((m) => m.type)).toContain("ticket.closed");

    const history = await historyOf(id);
    expect(history.map((h) => `${h.action}:${h.field ?? ""}`)).toEqual([
      "created:status",
      "taken:assignee",
      "taken:status",
      "internal_note:",
      "replied:",
      "replied:status",
      "client_replied:",
      "client_replied:status",
      "replied:",
      "replied:status",
      "closed:status",
    ]);
    expect(history.every((h) => h.metadata.channel === "web")).toBe(true);
  });

  it("records ip and user agent in the history metadata", async () => {
    const t = await insertTicket({ requester: desk.client });
    await takeTicket(desk.agent, { ticketId: t.id }, { ip: "198.51.100.4", userAgent: "Vitest/4" });
    const [entry] = await historyOf(t.id);
    expect(entry!.metadata).toEqual({ assigneeId: desk.agent.id, channel: "web", ip: "198.51.100.4", userAgent: "Vitest/4" });
  });

  it("a client's reply by e-mail keeps the inbound Message-ID and the channel", async () => {
    const t = await insertTicket({ requester: desk.client, status: "waiting_for_customer", assignee: desk.agent, publicReplyBy: desk.agent });
    const inboundMessageId = `${t.number.toLowerCase()}-reply@mail.example`;
    const { messageId, status } = await addComment(desk.client, { ticketId: t.id, body: "Answer by mail" }, { channel: "email", inboundMessageId });
    expect(status).toBe("in_progress");
    const db = await getDb();
    const [message] = await db.select().from(messages).where(eq(messages.id, messageId));
    expect(message!.emailMessageId).toBe(inboundMessageId);
    expect((await historyOf(t.id)).at(-1)!.metadata).toMatchObject({ channel: "email", inboundMessageId });
  });

  it("falls back to the help-desk address when the ticket has no department", async () => {
    const { number } = await createTicket(desk.client, { title: "No department", body: "Hello" });
    expect((await mailsTo(env.helpdeskEmail)).some((m) => m.subject.includes(number))).toBe(true);
  });
});

describe("closing, reopening", () => {
  it("refuses to close without a public agent reply, and changes nothing", async () => {
    const t = await insertTicket({ requester: desk.client, status: "in_progress", assignee: desk.agent });
    await addComment(desk.agent, { ticketId: t.id, body: "note only", visibility: "internal" });
    await addComment(desk.client, { ticketId: t.id, body: "client words do not count" });
    const before = await snapshot(t.id);
    const error = await refusal(closeTicket(desk.agent, { ticketId: t.id }));
    expect(error.code).toBe("invalid");
    expect(error.message).toMatch(/public reply/);
    expect(await snapshot(t.id)).toEqual(before);
  });

  it("reopens at 59 minutes (to the assignee) and refuses at 61", async () => {
    const early = await insertTicket({ requester: desk.client, status: "closed", assignee: desk.agent, closedAt: T0, publicReplyBy: desk.agent });
    setClock(() => minutes(59));
    const reopened = await reopenTicket(desk.client, { ticketId: early.id });
    expect(reopened.status).toBe("in_progress");
    const db = await getDb();
    const [row] = await db.select().from(tickets).where(eq(tickets.id, early.id));
    expect(row).toMatchObject({ reopenCount: 1, closedAt: null, assigneeId: desk.agent.id });
    expect((await notificationsOf(desk.agent.id)).some((n) => n.type === "ticket.reopened")).toBe(true);

    const late = await insertTicket({ requester: desk.client, status: "closed", assignee: desk.agent, closedAt: T0, publicReplyBy: desk.agent });
    setClock(() => minutes(61));
    const before = await snapshot(late.id);
    const error = await refusal(reopenTicket(desk.client, { ticketId: late.id }));
    expect(error.message).toMatch(/within one hour/);
    expect(await snapshot(late.id)).toEqual(before);
  });

  it("a reopened ticket without assignee goes back to the queue", async () => {
    const t = await insertTicket({ requester: desk.client, status: "closed", closedAt: T0 });
    setClock(() => minutes(1));
    expect((await reopenTicket(desk.client, { ticketId: t.id })).status).toBe("open");
  });

  it("never reopens won't fix", async () => {
    const t = await insertTicket({ requester: desk.client, status: "wont_fix", closedAt: T0 });
    setClock(() => minutes(1));
    expect((await refusal(reopenTicket(desk.client, { ticketId: t.id }))).message).toMatch(/won't fix/);
  });

  it("the detail tells the client whether the reopen button shows", async () => {
    const t = await insertTicket({ requester: desk.client, status: "closed", closedAt: T0, publicReplyBy: desk.agent });
    setClock(() => minutes(30));
    const open = await getTicketDetail(desk.client, t.number);
    expect(open.actions.reopen.ok).toBe(true);
    expect(open.reopenUntil).toEqual(minutes(60));
    setClock(() => minutes(61));
    expect((await getTicketDetail(desk.client, t.number)).actions.reopen.ok).toBe(false);
  });
});

describe("escalation", () => {
  it("moves the ticket to the second-line queue unassigned; second line takes it, first line cannot", async () => {
    const t = await insertTicket({ requester: desk.client, status: "in_progress", assignee: desk.agent });
    const result = await escalateTicket(desk.agent, { ticketId: t.id });
    expect(result.status).toBe("open");
    const db = await getDb();
    const [row] = await db.select().from(tickets).where(eq(tickets.id, t.id));
    expect(row).toMatchObject({ escalated: true, assigneeId: null, status: "open" });

    expect((await refusal(takeTicket(desk.agent, { ticketId: t.id }))).code).toBe("not_found");
    expect((await takeTicket(desk.agent_l2, { ticketId: t.id })).status).toBe("in_progress");
  });

  it("second line cannot take a first-line ticket", async () => {
    const t = await insertTicket({ requester: desk.client });
    const before = await snapshot(t.id);
    expect((await refusal(takeTicket(desk.agent_l2, { ticketId: t.id }))).code).toBe("not_found");
    expect(await snapshot(t.id)).toEqual(before);
  });
});
