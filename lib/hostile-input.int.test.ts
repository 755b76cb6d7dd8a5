/**
 * Issue 9, item 7: hostile input gets a clear answer, never a database error. Every domain function
 * that takes text or a date is fed a table of hostile values in each of its fields: the answer is
 * AppError "invalid" with a field error on that field, and nothing is written anywhere. Every list
 * query is fed hostile search text, filters and cursors: it answers (an empty page, or page one).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { getDb, rawRows } from "@/db";
import { sql } from "drizzle-orm";
import type { Actor } from "@/lib/auth/actor";
import { updateProfile } from "@/lib/auth/account";
import { registerClient, verifyEmail } from "@/lib/auth/register";
import { resetPassword } from "@/lib/auth/reset";
import { exportInvoicesCsv, invoicesCsv } from "@/lib/billing/export";
import { getInvoice, listInvoices } from "@/lib/billing/invoice-queries";
import { markInvoicePaid, markInvoiceUnpaid } from "@/lib/billing/invoice-status";
import { createInvoice, updateInvoice, voidInvoice } from "@/lib/billing/invoices";
import { updateOrder } from "@/lib/billing/order-edit";
import { getOrder, listOrders } from "@/lib/billing/order-queries";
import { activateOrder, placeOrder } from "@/lib/billing/orders";
import { runBillingAs } from "@/lib/billing/run-manual";
import { getCatalogueService, getService } from "@/lib/billing/service-queries";
import { createService, updateService } from "@/lib/billing/services";
import { makeOrder, makeService } from "@/lib/billing/test-fixtures";
import { AppError } from "@/lib/errors";
import { CONTROL_CHARS_MESSAGE, DATE_RANGE_MESSAGE } from "@/lib/input";
import { getMail, listMailbox } from "@/lib/mail/queries";
import { encodeCursor } from "@/lib/pagination";
import { createTicketForClient, editTicket } from "@/lib/tickets/admin";
import { addComment } from "@/lib/tickets/comments";
import { createTicket } from "@/lib/tickets/create";
import { getTicketDetail } from "@/lib/tickets/detail";
import { listTickets } from "@/lib/tickets/list";
import { markWontFix } from "@/lib/tickets/manage";
import { createDesk, insertTicket, refusal, type Desk } from "@/lib/tickets/test-fixtures";
import { inviteAgent, updateAgent } from "@/lib/users/agents";
import { getAgent, searchClients } from "@/lib/users/queries";

/** Control characters (NUL first: PostgreSQL refuses it), an ANSI escape, DEL, C1, lone surrogates. */
const HOSTILE_TEXT: Array<[string, string]> = [
  ["NUL alone", "\u0000"],
  ["NUL inside", "Printer\u0000fire"],
  ["SOH", "Printer \u0001 fire"],
  ["an ANSI escape", "Printer \u001b[2J fire"],
  ["DEL", "Printer \u007f fire"],
  ["a C1 control", "Printer \u0085 fire"],
  ["a lone high surrogate", "Printer \ud800 fire"],
  ["a lone low surrogate", "Printer \udc00 fire"],
];
/** Dates z.iso.date() accepts but PostgreSQL (or sense) does not, and ones it never accepted. */
const HOSTILE_DATES: Array<[string, string]> = [
  ["year 0000", "0000-01-01"],
  ["year 0001", "0001-06-15"],
  ["year 3000", "3000-01-01"],
  ["a five-digit year", "99999-01-01"],
  ["February 30", "2025-02-30"],
  ["NUL after a date", "2025-01-01\u0000"],
];

const TABLES = ["users", "tickets", "messages", "ticket_history", "notifications", "services", "orders", "invoices", "invoice_events", "user_tokens"];

/** Row counts of every table a refused call could have written to. */
async function counts(): Promise<Record<string, number>> {
  const db = await getDb();
  const out: Record<string, number> = {};
  for (const t of TABLES) {
    const [row] = await rawRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(t)}`);
    out[t] = Number(row!.n);
  }
  return out;
}

/** The call must be refused as invalid with the field's error, and leave every table as it was. */
async function expectFieldError(call: () => Promise<unknown>, field: string, message?: string | RegExp) {
  const before = await counts();
  const error = await refusal(call());
  expect(error.code, `${field}: ${error.message}`).toBe("invalid");
  expect(error.fieldErrors?.[field], JSON.stringify(error.fieldErrors)).toBeDefined();
  if (message) expect(error.fieldErrors![field]).toMatch(message);
  expect(await counts()).toEqual(before);
}

let desk: Desk;
let ticket: { id: string; number: string };
let serviceId: string;
let orderId: string;
let pendingOrderId: string;
let invoiceId: string;
let unpaidId: string;

const validService = () => ({ name: "VPS S", type: "vps", billingPeriod: "monthly", price: "10.00", currency: "EUR", description: "", managementNotes: "", active: true });
const validInvoice = () => ({ description: "Setup", amount: "50.00", currency: "EUR", dueOn: "2025-02-01", periodStart: "", periodEnd: "" });

beforeAll(async () => {
  desk = await createDesk();
  ticket = await insertTicket({ requester: desk.client, publicReplyBy: desk.agent });
  serviceId = (await makeService()).id;
  orderId = await makeOrder(desk.client.id, serviceId);
  pendingOrderId = await makeOrder(desk.client.id, serviceId, { status: "pending", nextDueOn: null });
  invoiceId = (await createInvoice(desk.admin, { clientEmail: desk.client.email, ...validInvoice(), issue: false })).id;
  unpaidId = (await createInvoice(desk.admin, { clientEmail: desk.client.email, ...validInvoice(), issue: true })).id;
});

/** Every domain function taking text, with the field to poison and a valid rest of the input. */
const TEXT_FIELDS: Array<[string, string, (value: string) => Promise<unknown>]> = [
  ["createTicket", "title", (v) => createTicket(desk.client, { title: v, body: "It smells of toner." })],
  ["createTicket", "body", (v) => createTicket(desk.client, { title: "Printer on fire", body: v })],
  ["createTicketForClient", "title", (v) => createTicketForClient(desk.admin, { requesterId: desk.client.id, title: v, body: "Body" })],
  ["createTicketForClient", "body", (v) => createTicketForClient(desk.admin, { requesterId: desk.client.id, title: "Title", body: v })],
  ["addComment (client reply)", "body", (v) => addComment(desk.client, { ticketId: ticket.id, body: v })],
  ["addComment (internal note)", "body", (v) => addComment(desk.agent, { ticketId: ticket.id, body: v, visibility: "internal" })],
  ["markWontFix", "reason", (v) => markWontFix(desk.manager, { ticketId: ticket.id, reason: `Because ${v}` })],
  ["editTicket", "title", (v) => editTicket(desk.admin, { ticketId: ticket.id, title: v })],
  ["editTicket", "body", (v) => editTicket(desk.admin, { ticketId: ticket.id, body: v })],
  ["registerClient", "name", (v) => registerClient({ name: v, email: "new-client@example.test", password: "long enough pw", confirmPassword: "long enough pw" }, { ip: "203.0.113.8" })],
  ["updateProfile", "name", (v) => updateProfile(desk.client, { name: v })],
  ["inviteAgent", "name", (v) => inviteAgent(desk.manager, { name: v, email: "new-agent@example.test", tier: "agent" })],
  ["updateAgent", "name", (v) => updateAgent(desk.manager, { userId: desk.agent.id, name: v })],
  ["createService", "name", (v) => createService(desk.admin, { ...validService(), name: v })],
  ["createService", "type", (v) => createService(desk.admin, { ...validService(), type: v })],
  ["createService", "description", (v) => createService(desk.admin, { ...validService(), description: v })],
  ["createService", "managementNotes", (v) => createService(desk.admin, { ...validService(), managementNotes: v })],
  ["updateService", "name", (v) => updateService(desk.admin, { serviceId, ...validService(), name: v })],
  ["placeOrder", "instanceName", (v) => placeOrder(desk.client, { serviceId, instanceName: v, comments: "" })],
  ["placeOrder", "comments", (v) => placeOrder(desk.client, { serviceId, instanceName: "web-1", comments: v })],
  ["updateOrder", "instanceName", (v) => updateOrder(desk.admin, { orderId, instanceName: v, priceOverride: "", comments: "", nextDueOn: "" })],
  ["updateOrder", "comments", (v) => updateOrder(desk.admin, { orderId, instanceName: "web-1", priceOverride: "", comments: v, nextDueOn: "" })],
  ["createInvoice", "description", (v) => createInvoice(desk.admin, { clientEmail: desk.client.email, ...validInvoice(), description: v, issue: false })],
  ["updateInvoice", "description", (v) => updateInvoice(desk.admin, { invoiceId, ...validInvoice(), description: v })],
  ["voidInvoice", "reason", (v) => voidInvoice(desk.admin, { invoiceId: unpaidId, reason: `Wrong ${v}` })],
  ["markInvoicePaid", "comment", (v) => markInvoicePaid(desk.accountant, { invoiceId: unpaidId, paidOn: "2025-02-01", comment: v })],
  ["markInvoiceUnpaid", "comment", (v) => markInvoiceUnpaid(desk.accountant, { invoiceId: unpaidId, comment: `Bounced ${v}` })],
];

describe("text fields refuse control characters with a field error, and nothing is written", () => {
  for (const [fn, field, call] of TEXT_FIELDS) {
    it.each(HOSTILE_TEXT)(`${fn} · ${field} · %s`, async (_what, value) => {
      await expectFieldError(() => call(value), field, CONTROL_CHARS_MESSAGE);
    });
  }

  it("says why, in words, for NUL in a title", async () => {
    await expectFieldError(() => createTicket(desk.client, { title: "Printer\u0000fire", body: "x" }), "title", CONTROL_CHARS_MESSAGE);
  });

  it("still takes tabs, line breaks, accents and emoji", async () => {
    const { number } = await createTicket(desk.client, { title: "Drucker — brennt 🔥", body: "Zeile 1\r\n\tZeile 2 مرحبا" });
    const detail = await getTicketDetail(desk.client, number);
    expect(detail.ticket.title).toBe("Drucker — brennt 🔥");
  });
});

/** Every domain function taking a date, with the field to poison. */
const DATE_FIELDS: Array<[string, string, (value: string) => Promise<unknown>]> = [
  ["activateOrder", "firstDueOn", (v) => activateOrder(desk.admin, { orderId: pendingOrderId, firstDueOn: v })],
  ["updateOrder", "nextDueOn", (v) => updateOrder(desk.admin, { orderId, instanceName: "web-1", priceOverride: "", comments: "", nextDueOn: v })],
  ["createInvoice", "dueOn", (v) => createInvoice(desk.admin, { clientEmail: desk.client.email, ...validInvoice(), dueOn: v, issue: false })],
  ["createInvoice", "periodStart", (v) => createInvoice(desk.admin, { clientEmail: desk.client.email, ...validInvoice(), periodStart: v, issue: false })],
  ["updateInvoice", "periodEnd", (v) => updateInvoice(desk.admin, { invoiceId, ...validInvoice(), periodStart: "2025-01-01", periodEnd: v })],
  ["markInvoicePaid", "paidOn", (v) => markInvoicePaid(desk.accountant, { invoiceId: unpaidId, paidOn: v, comment: "" })],
  ["runBillingAs", "date", (v) => runBillingAs(desk.admin, { date: v })],
];

describe("dates PostgreSQL would refuse are a field error; a sane range is accepted", () => {
  for (const [fn, field, call] of DATE_FIELDS) {
    it.each(HOSTILE_DATES)(`${fn} · ${field} · %s`, async (_what, value) => {
      await expectFieldError(() => call(value), field);
    });
  }

  it("says which range, for year 0000", async () => {
    await expectFieldError(() => runBillingAs(desk.admin, { date: "0000-01-01" }), "date", DATE_RANGE_MESSAGE);
  });

  it("accepts the edges of the range", async () => {
    await expect(runBillingAs(desk.admin, { date: "1900-01-01" })).resolves.toMatchObject({ date: "1900-01-01" });
    const edit = (nextDueOn: string) => updateOrder(desk.admin, { orderId, instanceName: "web-1", priceOverride: "", comments: "", nextDueOn });
    await expect(edit("2999-12-31")).resolves.toBeUndefined();
    await expect(edit("1900-01-01")).resolves.toBeUndefined();
    await edit("2025-01-15");
  });
});

/** Cursors a browser can send: not base64, not JSON, wrong shape, impossible values inside. */
const b64 = (value: unknown) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");
const UUID = "0b9e2f4c-1d2e-4f5a-8b6c-7d8e9f0a1b2c";
const HOSTILE_CURSORS: Array<[string, string]> = [
  ["not base64", "%%%not-base64%%%"],
  ["NUL", "\u0000"],
  ["base64 of garbage", b64("}{")],
  ["a JSON array", b64([1, 2, 3])],
  ["a JSON string", b64("hello")],
  ["wrong types", b64({ t: 12, id: false, n: 3, s: 1, v: "x" })],
  ["month 13 / hour 99", b64({ t: "2025-13-45T99:99:99.000Z", id: UUID, n: 13, s: "priority", v: ["0", "2025-13-45T99:99:99.000000Z", UUID] })],
  ["year 0000", b64({ t: "0000-01-01T00:00:00.000Z", id: UUID, s: "newest", v: ["0000-01-01T00:00:00.000000Z", UUID] })],
  ["a malformed uuid", b64({ t: "2025-01-01T00:00:00.000Z", id: "-".repeat(36), s: "newest", v: ["2025-01-01T00:00:00.000000Z", "-".repeat(36)] })],
  ["NUL inside values", b64({ t: "2025-01-01T00:00:00.000Z\u0000", id: `${UUID}\u0000`, n: "INV\u0000", s: "newest", v: ["2025-01-01T00:00:00.000000Z", `${UUID}\u0000`] })],
  ["a rank beyond real", b64({ s: "relevance", v: ["1e999", UUID] })],
  ["a rank below real", b64({ s: "relevance", v: ["1e-60", UUID] })],
  ["far too long", "A".repeat(5000)],
];

describe("lists answer hostile search text, filters and cursors: an empty page or page one", () => {
  it.each(HOSTILE_TEXT)("ticket lists (every scope) with q = %s match nothing", async (_what, q) => {
    const scopes: Array<[Actor, string]> = [
      [desk.client, "mine"],
      [desk.admin, "all"],
      [desk.agent, "queue"],
      [desk.agent, "assigned"],
      [desk.agent_l2, "escalated"],
    ];
    for (const [actor, scope] of scopes) {
      const page = await listTickets(actor, { scope, q });
      expect(page.items, scope).toEqual([]);
      expect(page.nextCursor).toBeNull();
    }
  });

  it.each(HOSTILE_CURSORS)("ticket lists with a cursor that is %s answer page one", async (_what, cursor) => {
    for (const sort of ["priority", "newest", "oldest", "activity", "relevance"] as const) {
      const first = await listTickets(desk.admin, { scope: "all", sort, limit: 2 });
      const page = await listTickets(desk.admin, { scope: "all", sort, cursor: cursor.slice(0, 500), limit: 2 });
      expect(page.items.map((t) => t.id), sort).toEqual(first.items.map((t) => t.id));
    }
    // Relevance with a search: the rank key is in the cursor.
    const search = await listTickets(desk.admin, { scope: "all", q: "printer", cursor: cursor.slice(0, 500) });
    expect(search.items.length).toBeGreaterThan(0);
  });

  it.each(HOSTILE_TEXT)("orders, invoices, the mailbox and the client picker with a filter of %s match nothing", async (_what, text) => {
    expect((await listOrders(desk.admin, { client: text })).rows).toEqual([]);
    expect((await listInvoices(desk.admin, { client: text })).rows).toEqual([]);
    expect((await listInvoices(desk.accountant, { client: text })).totals).toEqual([]);
    expect((await listMailbox(desk.admin, { to: text })).rows).toEqual([]);
    expect(await searchClients(desk.admin, { q: text })).toEqual([]);
    const csv = await invoicesCsv(desk.admin, { client: text });
    expect(csv.trim().split("\r\n")).toHaveLength(1); // the header only
  });

  it.each(HOSTILE_CURSORS)("orders, invoices and the mailbox with a cursor that is %s answer page one", async (_what, cursor) => {
    expect((await listOrders(desk.admin, { cursor })).rows).toEqual((await listOrders(desk.admin)).rows);
    expect((await listOrders(desk.client, { mine: true, cursor })).rows).toEqual((await listOrders(desk.client, { mine: true })).rows);
    expect((await listInvoices(desk.admin, { cursor })).rows).toEqual((await listInvoices(desk.admin, {})).rows);
    expect((await listMailbox(desk.admin, { cursor })).rows).toEqual((await listMailbox(desk.admin)).rows);
  });

  it.each(HOSTILE_DATES)("invoice lists and the CSV export drop a from/to date that is %s", async (_what, date) => {
    const all = await listInvoices(desk.accountant, {});
    expect((await listInvoices(desk.accountant, { from: date, to: date })).rows).toEqual(all.rows);
    const parts = exportInvoicesCsv(desk.accountant, { from: date, to: date });
    const first = await parts.next(); // the first query has run: a failure would throw here, before any byte is sent
    expect(first.done).toBe(false);
    await parts.return(undefined);
  });

  it("ignores an order status outside the enum instead of sending it to PostgreSQL", async () => {
    expect((await listOrders(desk.admin, { status: "bogus\u0000" as never })).rows).toEqual((await listOrders(desk.admin)).rows);
  });

  it("refuses the old cursor of another list instead of misreading it", async () => {
    const ticketCursor = encodeCursor({ s: "newest", v: ["2025-01-01T00:00:00.000000Z", UUID] });
    expect((await listOrders(desk.admin, { cursor: ticketCursor })).rows).toEqual((await listOrders(desk.admin)).rows);
  });
});

/** Ids from URLs: anything that is not a uuid (or a ticket number) is "not found", never a cast error. */
const HOSTILE_IDS = ["", "\u0000", "-".repeat(36), `${UUID}\u0000`, "1;DROP TABLE tickets", "%E0%A4%A", "\ud800", "x".repeat(10_000)];

describe("ids from URLs that are not ids are not found", () => {
  it.each(HOSTILE_IDS.map((id) => [JSON.stringify(id).slice(0, 40), id]))("%s", async (_label, id) => {
    const lookups: Array<() => Promise<unknown>> = [
      () => getTicketDetail(desk.admin, id),
      () => getOrder(desk.admin, id),
      () => getInvoice(desk.admin, id),
      () => getService(desk.admin, id),
      () => getCatalogueService(desk.client, id),
      () => getMail(desk.admin, id),
      () => getAgent(desk.manager, id),
    ];
    for (const lookup of lookups) {
      const error = await refusal(lookup());
      expect(error.code).toBe("not_found");
    }
  });

  it("refuses a verification link token that is not one of ours like a spent one", async () => {
    for (const token of ["\u0000".repeat(30), { token: "x" }, 42, "a".repeat(500)]) {
      expect((await refusal(verifyEmail(token))).message).toMatch(/not valid any more/);
    }
    const reset = await refusal(resetPassword({ token: "\u0000".repeat(43), password: "long enough pw", confirmPassword: "long enough pw" }));
    expect(reset.fieldErrors?.token).toBe("This link is not valid.");
  });

  it("keeps AppError the only thing thrown (no database error leaks out of a lookup)", async () => {
    const error = await getTicketDetail(desk.admin, "\u0000").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
  });
});
