import { eq } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { invoiceEvents } from "@/db/schema";
import type { RoleKey } from "@/lib/auth/permissions";
import { setClock } from "@/lib/clock";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { createUser, mailsTo } from "@/lib/test/factories";
import { markInvoicePaid, markInvoiceUnpaid } from "./invoice-status";
import { createInvoice, deleteDraftInvoice, issueInvoice, updateInvoice, voidInvoice } from "./invoices";
import { getInvoice, invoicePdf, listInvoices } from "./queries";
import { invoicesCsv } from "./export";
import { eventsOf } from "./test-fixtures";

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const error = await p.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const noon = (day: string) => () => new Date(`${day}T12:00:00Z`);
const form = (clientEmail: string, extra: Record<string, unknown> = {}) => ({
  clientEmail,
  description: "Consulting, 2 hours",
  amount: "150.00",
  currency: "EUR",
  dueOn: "2025-07-15",
  periodStart: "",
  periodEnd: "",
  issue: true,
  ...extra,
});

describe("an admin's invoices", () => {
  it("issues an invoice: number, issue date, mails to the client and the accounting list", async () => {
    setClock(noon("2025-07-01"));
    const admin = await createUser("admin");
    const client = await createUser("client", { name: "Ivy Invoiced" });
    const { id, number } = await createInvoice(admin, form(client.email.toUpperCase()));
    expect(number).toMatch(/^INV-2025-\d{6}$/);
    const inv = await getInvoice(admin, id);
    expect(inv).toMatchObject({ status: "unpaid", amountMinor: 15000, issuedOn: "2025-07-01", dueOn: "2025-07-15", clientName: "Ivy Invoiced" });
    const [mail] = await mailsTo(client.email);
    expect(mail).toMatchObject({ type: "invoice.issued", subject: `Invoice ${number}` });
    expect(mail!.text).toContain("€150.00");
    expect((await mailsTo(env.accountingEmail)).some((m) => m.subject === `Invoice ${number} issued to ${client.email}`)).toBe(true);
    expect((await eventsOf(id)).map((e) => e.action)).toEqual(["issued"]);
  });

  it("drafts are invisible to clients and accountants, editable, deletable (recorded), then issued", async () => {
    setClock(noon("2025-07-02"));
    const admin = await createUser("admin");
    const client = await createUser("client");
    const accountant = await createUser("accountant");
    const { id, number } = await createInvoice(admin, form(client.email, { issue: false }));
    expect(number).toBeNull();
    expect((await refusal(getInvoice(client, id))).code).toBe("not_found");
    expect((await refusal(getInvoice(accountant, id))).code).toBe("not_found");
    expect(await mailsTo(client.email)).toEqual([]);

    await updateInvoice(admin, { invoiceId: id, description: "Consulting, 3 hours", amount: "225", currency: "EUR", dueOn: "2025-07-20", periodStart: "", periodEnd: "" });
    expect((await getInvoice(admin, id)).amountMinor).toBe(22500);
    const { number: issued } = await issueInvoice(admin, { invoiceId: id });
    expect(issued).toMatch(/^INV-2025-/);
    expect((await getInvoice(client, id)).status).toBe("unpaid");
    expect((await eventsOf(id)).map((e) => e.action)).toEqual(["created", "edited", "issued"]);

    const draft = await createInvoice(admin, form(client.email, { issue: false }));
    await deleteDraftInvoice(admin, { invoiceId: draft.id });
    expect((await refusal(getInvoice(admin, draft.id))).code).toBe("not_found");
    const db = await getDb();
    const [deletion] = await db.select().from(invoiceEvents).where(eq(invoiceEvents.action, "draft_deleted"));
    expect(deletion).toMatchObject({ actorId: admin.id, invoiceId: null, oldValue: "Consulting, 2 hours | 150.00 EUR | due 2025-07-15 | period —..—" });
    expect((await refusal(deleteDraftInvoice(admin, { invoiceId: id }))).message).toMatch(/never deleted: void it/);
  });

  it("an issued invoice keeps its amount and period; it is voided, never deleted", async () => {
    setClock(noon("2025-07-03"));
    const admin = await createUser("admin");
    const client = await createUser("client");
    const { id } = await createInvoice(admin, form(client.email));
    const edit = { invoiceId: id, description: "Consulting (corrected)", amount: "150.00", currency: "EUR", dueOn: "2025-07-31", periodStart: "", periodEnd: "" };
    expect((await refusal(updateInvoice(admin, { ...edit, amount: "99.00" }))).message).toMatch(/keeps its amount/);
    await updateInvoice(admin, edit);
    expect(await getInvoice(admin, id)).toMatchObject({ description: "Consulting (corrected)", dueOn: "2025-07-31" });
    expect((await refusal(voidInvoice(admin, { invoiceId: id, reason: "" }))).fieldErrors?.reason).toBeDefined();
    await voidInvoice(admin, { invoiceId: id, reason: "Duplicate" });
    expect((await getInvoice(client, id)).status).toBe("void");
    expect((await refusal(updateInvoice(admin, edit))).code).toBe("conflict");
    const events = await eventsOf(id);
    expect(events.at(-1)).toMatchObject({ action: "voided", oldValue: "unpaid", newValue: "void", comment: "Duplicate", actorId: admin.id });
  });
});

describe("an accountant marks invoices paid and unpaid", () => {
  it("records who, when and why in the history, and tells the client", async () => {
    setClock(noon("2025-08-10"));
    const admin = await createUser("admin");
    const accountant = await createUser("accountant", { name: "Acc Ounter" });
    const client = await createUser("client");
    const { id } = await createInvoice(admin, form(client.email));

    const future = await refusal(markInvoicePaid(accountant, { invoiceId: id, paidOn: "2025-08-11", comment: "" }));
    expect(future.fieldErrors?.paidOn).toMatch(/future/);
    await markInvoicePaid(accountant, { invoiceId: id, paidOn: "2025-08-09", comment: "Bank transfer" });
    const paid = await getInvoice(accountant, id);
    expect(paid).toMatchObject({ status: "paid", paidByName: "Acc Ounter" });
    expect(paid.paidAt?.toISOString()).toBe("2025-08-09T00:00:00.000Z");
    expect((await mailsTo(client.email))[0]!.type).toBe("invoice.paid");

    const twice = await refusal(markInvoicePaid(accountant, { invoiceId: id, paidOn: "2025-08-10", comment: "" }));
    expect(twice).toMatchObject({ code: "conflict", message: "This invoice is paid already." });
    expect((await refusal(voidInvoice(admin, { invoiceId: id, reason: "x" }))).message).toMatch(/mark it unpaid first/);

    await markInvoiceUnpaid(accountant, { invoiceId: id, comment: "Payment bounced" });
    expect(await getInvoice(client, id)).toMatchObject({ status: "unpaid", paidAt: null, paidByName: null });
    const history = (await getInvoice(accountant, id)).events.map((e) => [e.action, e.actorName, e.comment]);
    expect(history).toEqual([
      ["unpaid", "Acc Ounter", "Payment bounced"],
      ["paid", "Acc Ounter", "Bank transfer"],
      ["issued", admin.name, null],
    ]);
  });

  it("two accountants at once: one marks it paid, the other is told", async () => {
    setClock(noon("2025-08-12"));
    const admin = await createUser("admin");
    const [a, b] = [await createUser("accountant"), await createUser("accountant")];
    const { id } = await createInvoice(admin, form((await createUser("client")).email));
    const results = await Promise.allSettled([
      markInvoicePaid(a, { invoiceId: id, paidOn: "2025-08-12", comment: "" }),
      markInvoicePaid(b, { invoiceId: id, paidOn: "2025-08-12", comment: "" }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((await eventsOf(id)).filter((e) => e.action === "paid")).toHaveLength(1);
  });

  it.each<RoleKey>(["client", "agent", "manager"])("refuses a status change by the %s role", async (role) => {
    setClock(noon("2025-08-13"));
    const admin = await createUser("admin");
    const client = await createUser("client");
    const { id } = await createInvoice(admin, form(client.email));
    const actor = role === "client" ? client : await createUser(role);
    expect((await refusal(markInvoicePaid(actor, { invoiceId: id, paidOn: "2025-08-13", comment: "" }))).code).toBe("forbidden");
    expect((await getInvoice(admin, id)).status).toBe("unpaid");
  });
});

describe("who sees which invoices", () => {
  async function setup() {
    setClock(noon("2025-09-01"));
    const admin = await createUser("admin");
    const client = await createUser("client");
    const other = await createUser("client");
    const mine = await createInvoice(admin, form(client.email, { description: "Mine" }));
    const theirs = await createInvoice(admin, form(other.email, { description: "Theirs" }));
    return { admin, client, other, mine: mine.id, theirs: theirs.id };
  }

  it("a client sees, lists and downloads only their own", async () => {
    const { client, mine, theirs } = await setup();
    expect((await listInvoices(client, {})).rows.map((r) => r.id)).toEqual([mine]);
    expect((await getInvoice(client, mine)).events).toEqual([]);
    expect((await refusal(getInvoice(client, theirs))).code).toBe("not_found");
    expect((await refusal(invoicePdf(client, theirs))).code).toBe("not_found");
    const pdf = await invoicePdf(client, mine);
    expect(pdf.filename).toMatch(/^INV-2025-\d{6}\.pdf$/);
    expect(Buffer.from(pdf.bytes.slice(0, 5)).toString()).toBe("%PDF-");
    expect((await PDFDocument.load(pdf.bytes)).getPageCount()).toBe(1);
    expect((await refusal(invoicesCsv(client, {}))).code).toBe("not_found");
  });

  it("an admin's own list (My invoices) holds only their own, though they see all", async () => {
    const { admin, mine, theirs } = await setup();
    const ids = (await listInvoices(admin, {})).rows.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining([mine, theirs]));
    expect((await listInvoices(admin, {}, { mine: true })).rows).toEqual([]);
  });

  it.each<RoleKey>(["accountant", "admin"])("the %s role sees every invoice", async (role) => {
    const { mine, theirs } = await setup();
    const actor = await createUser(role);
    const ids = (await listInvoices(actor, {})).rows.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining([mine, theirs]));
    expect((await getInvoice(actor, theirs)).id).toBe(theirs);
  });

  it.each<RoleKey>(["agent", "agent_l2", "manager"])("the %s role sees no invoice at all", async (role) => {
    const { mine } = await setup();
    const actor = await createUser(role);
    expect((await refusal(listInvoices(actor, {}))).code).toBe("not_found");
    expect((await refusal(getInvoice(actor, mine))).code).toBe("not_found");
    expect((await refusal(invoicePdf(actor, mine))).code).toBe("not_found");
    expect((await refusal(invoicesCsv(actor, {}))).code).toBe("not_found");
  });
});

describe("the accountant's list: filters, totals and CSV", () => {
  it("filters by status, client, period and overdue, totals per currency, and exports safe CSV", async () => {
    setClock(noon("2026-01-05"));
    const admin = await createUser("admin");
    const accountant = await createUser("accountant");
    const evil = await createUser("client", { name: '=HYPERLINK("http://evil.test","click")', email: "evil-csv@example.test" });
    const plain = await createUser("client", { name: "Plain, Client", email: "plain-csv@example.test" });
    const a = await createInvoice(admin, form(evil.email, { description: 'Line "one"\nand two', amount: "10.00", dueOn: "2026-01-06" }));
    const b = await createInvoice(admin, form(plain.email, { description: "-5 discount?", amount: "20.50", dueOn: "2026-01-06" }));
    const c = await createInvoice(admin, form(plain.email, { description: "@mention", amount: "1000", currency: "JPY", dueOn: "2026-01-06" }));
    await markInvoicePaid(accountant, { invoiceId: b.id, paidOn: "2026-01-05", comment: "" });

    setClock(noon("2026-02-01")); // a and c are now overdue
    const plainOnly = await listInvoices(accountant, { client: "plain-csv" });
    expect(plainOnly.rows.map((r) => r.id).sort()).toEqual([b.id, c.id].sort());
    expect(plainOnly.totals).toEqual([
      { currency: "EUR", count: 1, invoicedMinor: 2050, paidMinor: 2050, unpaidMinor: 0, overdueMinor: 0 },
      { currency: "JPY", count: 1, invoicedMinor: 1000, paidMinor: 0, unpaidMinor: 1000, overdueMinor: 1000 },
    ]);
    const overdue = await listInvoices(accountant, { overdue: "1", client: "-csv@" });
    expect(overdue.rows.map((r) => r.id).sort()).toEqual([a.id, c.id].sort());
    expect(overdue.rows.every((r) => r.overdue)).toBe(true);
    expect((await listInvoices(accountant, { status: "paid", client: "-csv@" })).rows.map((r) => r.id)).toEqual([b.id]);
    expect((await listInvoices(accountant, { from: "2026-01-06", client: "-csv@" })).rows).toEqual([]);
    expect((await listInvoices(accountant, { from: "2026-01-05", to: "2026-01-05", client: "-csv@" })).rows).toHaveLength(3);

    const csv = await invoicesCsv(accountant, { client: "-csv@" });
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe("Number,Status,Overdue,Client,Client e-mail,Description,Period start,Period end,Issued on,Due on,Paid at,Amount,Currency");
    expect(lines).toHaveLength(5); // header, three invoices, and the final CRLF
    const rowA = lines.find((l) => l.includes("evil-csv@"))!;
    expect(rowA).toContain(`"'=HYPERLINK(""http://evil.test"",""click"")"`);
    expect(csv).toContain(`"Line ""one""\nand two"`);
    expect(rowA).toMatch(/,10\.00,EUR$/);
    expect(csv).toContain(",'-5 discount?,");
    expect(csv).toContain(",'@mention,");
    expect(csv).toContain('"Plain, Client"');
    expect(csv).toMatch(/,paid,no,"Plain, Client",.*,2026-01-05T12:00:00\.000Z,20\.50,EUR/);
    expect(csv).toMatch(/,unpaid,yes,"Plain, Client",.*,1000,JPY/);

    const paidOnly = await invoicesCsv(accountant, { status: "paid", client: "-csv@" });
    expect(paidOnly.split("\r\n")).toHaveLength(3);
  });
});
