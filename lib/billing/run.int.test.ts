import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { invoices } from "@/db/schema";
import { env } from "@/lib/env";
import { createUser, mailsTo } from "@/lib/test/factories";
import { AppError } from "@/lib/errors";
import { runBilling } from "./run";
import { runBillingAs } from "./run-manual";
import { invoicesOf, makeOrder, makeService, nextDueOf, retireAllOrders } from "./test-fixtures";

afterEach(retireAllOrders);

describe("the daily billing job", () => {
  it("catches up three missed months: one invoice per period, numbered, mailed, next due date advanced", async () => {
    const client = await createUser("client", { name: "Cara Catchup" });
    const service = await makeService({ period: "monthly", priceMinor: 1250 });
    const order = await makeOrder(client.id, service.id, { nextDueOn: "2025-01-10" });

    const report = await runBilling({ date: "2025-03-20" });
    expect(report).toMatchObject({ ordersBilled: 1, invoicesIssued: 3, failures: [] });

    const list = await invoicesOf(order);
    expect(list.map((i) => [i.periodStart, i.periodEnd])).toEqual([
      ["2025-01-10", "2025-02-09"],
      ["2025-02-10", "2025-03-09"],
      ["2025-03-10", "2025-04-09"],
    ]);
    expect(list.every((i) => i.amountMinor === 1250 && i.status === "unpaid" && i.issuedOn === "2025-03-20")).toBe(true);
    expect(list[0]!.dueOn).toBe("2025-04-03"); // issued on + INVOICE_DUE_DAYS (14)
    const numbers = list.map((i) => i.number!);
    expect(numbers.every((n) => /^INV-2025-\d{6}$/.test(n))).toBe(true);
    expect(new Set(numbers).size).toBe(3);
    expect((await nextDueOf(order)).nextDueOn).toBe("2025-04-10");

    const clientMails = await mailsTo(client.email);
    expect(clientMails.filter((m) => m.type === "invoice.issued")).toHaveLength(3);
    expect(clientMails[0]!.text).toContain("€12.50");
    // The accounting list gets the run's batch in one mail, one line per invoice.
    const [digest] = (await mailsTo(env.accountingEmail)).filter((m) => m.type === "invoice.issued_accounting");
    expect(digest!.subject).toBe(`3 invoices issued (${numbers[0]} to ${numbers[2]})`);
    for (const n of numbers) expect(digest!.text).toMatch(new RegExp(`${n} +€12\\.50 +due 2025-04-03 +Cara Catchup <${client.email}>`));
  });

  it("keeps month ends anchored to the original day across runs (Jan 31 → Feb 28 → Mar 31)", async () => {
    const client = await createUser("client");
    const order = await makeOrder(client.id, (await makeService()).id, { nextDueOn: "2025-01-31", anchorDay: 31 });
    for (const day of ["2025-01-31", "2025-02-28", "2025-03-31"]) await runBilling({ date: day });
    expect((await invoicesOf(order)).map((i) => i.periodStart)).toEqual(["2025-01-31", "2025-02-28", "2025-03-31"]);
    expect((await nextDueOf(order)).nextDueOn).toBe("2025-04-30");
  });

  it("bills yearly and quarterly periods, and a one-time service once", async () => {
    const client = await createUser("client");
    const yearly = await makeOrder(client.id, (await makeService({ period: "yearly" })).id, { nextDueOn: "2024-02-29" });
    const quarterly = await makeOrder(client.id, (await makeService({ period: "quarterly" })).id, { nextDueOn: "2025-01-31" });
    const once = await makeOrder(client.id, (await makeService({ period: "one_time", priceMinor: 9900 })).id, { nextDueOn: "2025-02-01" });
    await runBilling({ date: "2025-03-01" });
    await runBilling({ date: "2026-06-01" });
    expect((await invoicesOf(yearly)).map((i) => i.periodStart)).toEqual(["2024-02-29", "2025-02-28", "2026-02-28"]);
    expect((await invoicesOf(quarterly)).map((i) => i.periodStart)).toEqual([
      "2025-01-31", "2025-04-30", "2025-07-31", "2025-10-31", "2026-01-31", "2026-04-30",
    ]);
    const oneTime = await invoicesOf(once);
    expect(oneTime).toHaveLength(1);
    expect(oneTime[0]).toMatchObject({ periodStart: "2025-02-01", periodEnd: null, amountMinor: 9900 });
    expect(await nextDueOf(once)).toEqual({ nextDueOn: null, status: "active" });
  });

  it("uses the order's price override (specific billing)", async () => {
    const client = await createUser("client");
    const order = await makeOrder(client.id, (await makeService({ priceMinor: 1000 })).id, { nextDueOn: "2025-01-01", priceOverrideMinor: 750 });
    await runBilling({ date: "2025-01-01" });
    expect((await invoicesOf(order))[0]!.amountMinor).toBe(750);
  });

  it("bills nothing that is not due, suspended, cancelled or pending", async () => {
    const client = await createUser("client");
    const service = await makeService();
    const ids = [
      await makeOrder(client.id, service.id, { nextDueOn: "2025-06-02" }),
      await makeOrder(client.id, service.id, { status: "suspended", nextDueOn: "2025-01-01" }),
      await makeOrder(client.id, service.id, { status: "cancelled", nextDueOn: "2025-01-01" }),
      await makeOrder(client.id, service.id, { status: "pending", nextDueOn: null }),
    ];
    const report = await runBilling({ date: "2025-06-01" });
    expect(report.invoicesIssued).toBe(0);
    for (const id of ids) expect(await invoicesOf(id)).toEqual([]);
    expect((await nextDueOf(ids[1]!)).nextDueOn).toBe("2025-01-01");
  });

  it("bills each period exactly once when the same day runs twice, or two runs go at once", async () => {
    const client = await createUser("client");
    const service = await makeService();
    const orders = await Promise.all(Array.from({ length: 30 }, (_, i) => makeOrder(client.id, service.id, { nextDueOn: "2025-05-01", instanceName: `i-${i}` })));

    const [a, b] = await Promise.all([runBilling({ date: "2025-05-01", chunkSize: 7 }), runBilling({ date: "2025-05-01", chunkSize: 7 })]);
    expect(a.invoicesIssued + b.invoicesIssued).toBe(30);
    const again = await runBilling({ date: "2025-05-01" });
    expect(again.invoicesIssued).toBe(0);
    // Nothing was refused by the unique constraint: the lock and the re-check did the work.
    expect([...a.failures, ...b.failures, ...again.failures]).toEqual([]);
    for (const id of orders) expect(await invoicesOf(id)).toHaveLength(1);

    const db = await getDb();
    const [numbers] = await db.select({ n: sql<number>`count(distinct ${invoices.number})::int`, all: sql<number>`count(*)::int` }).from(invoices);
    expect(numbers!.n).toBe(numbers!.all);
  });

  it("numbers consecutively per year, safe under concurrent issuing", async () => {
    const client = await createUser("client");
    const service = await makeService();
    for (let i = 0; i < 5; i++) await makeOrder(client.id, service.id, { nextDueOn: "2031-01-01", instanceName: `y-${i}` });
    await Promise.all([runBilling({ date: "2031-01-01", chunkSize: 2 }), runBilling({ date: "2031-01-01", chunkSize: 2 })]);
    const db = await getDb();
    const rows = await db.select({ number: invoices.number }).from(invoices).where(sql`${invoices.number} LIKE 'INV-2031-%'`).orderBy(invoices.number);
    expect(rows.map((r) => r.number)).toEqual(["INV-2031-000001", "INV-2031-000002", "INV-2031-000003", "INV-2031-000004", "INV-2031-000005"]);
  });

  it("reports an order that fails and still bills the others", async () => {
    const client = await createUser("client");
    const service = await makeService();
    const good = await Promise.all([1, 2, 3].map((i) => makeOrder(client.id, service.id, { nextDueOn: "2027-03-01", instanceName: `g-${i}` })));
    const bad = await makeOrder(client.id, service.id, { nextDueOn: "2027-03-01", instanceName: "bad" });
    // Somebody billed this period by hand already: the unique (order, period) constraint refuses a second one.
    const db = await getDb();
    await db.insert(invoices).values({ clientId: client.id, orderId: bad, amountMinor: 1, currency: "EUR", periodStart: "2027-03-01", status: "draft" });

    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const report = await runBilling({ date: "2027-03-01", chunkSize: 10 });
    expect(report.ordersBilled).toBe(3);
    // The report names the order, never the database's words; the log has both, with the date.
    expect(report.failures).toEqual([{ orderId: bad, message: `Order "bad" for ${client.name} could not be billed; the error was logged.` }]);
    expect(logged).toHaveBeenCalledWith(expect.stringContaining(`order ${bad} ("bad" for ${client.name}) could not be billed for 2027-03-01`), expect.anything());
    const cause = logged.mock.calls[0]![1] as Error;
    expect(`${cause.message} ${String(cause.cause)}`).toMatch(/duplicate key|unique/i);
    logged.mockRestore();
    for (const id of good) expect(await invoicesOf(id)).toHaveLength(1);
    expect((await nextDueOf(bad)).nextDueOn).toBe("2027-03-01");
    expect((await mailsTo(client.email)).filter((m) => m.type === "invoice.issued")).toHaveLength(3);
  });

  it("runs by hand for a date for admins only, with the same once-only guarantee", async () => {
    const client = await createUser("client");
    const order = await makeOrder(client.id, (await makeService()).id, { nextDueOn: "2028-08-08" });
    for (const role of ["accountant", "manager", "client"] as const) {
      const error = await runBillingAs(await createUser(role), { date: "2028-08-08" }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("forbidden");
    }
    const admin = await createUser("admin");
    const bad = await runBillingAs(admin, { date: "2028-02-30" }).catch((e: unknown) => e);
    expect((bad as AppError).fieldErrors?.date).toBeDefined();
    expect((await runBillingAs(admin, { date: "2028-08-08" })).invoicesIssued).toBe(1);
    expect((await runBillingAs(admin, { date: "2028-08-08" })).invoicesIssued).toBe(0);
    expect(await invoicesOf(order)).toHaveLength(1);
  });

  it("tells the admin which order failed in plain words, never the database error", async () => {
    const admin = await createUser("admin");
    const client = await createUser("client", { name: "Fay Failing" });
    const service = await makeService();
    await makeOrder(client.id, service.id, { nextDueOn: "2029-04-01", instanceName: "fine" });
    const bad = await makeOrder(client.id, service.id, { nextDueOn: "2029-04-01", instanceName: "db-07" });
    const db = await getDb();
    await db.insert(invoices).values({ clientId: client.id, orderId: bad, amountMinor: 1, currency: "EUR", periodStart: "2029-04-01", status: "draft" });

    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const { summary } = await runBillingAs(admin, { date: "2029-04-01" });
    logged.mockRestore();
    expect(summary).toBe('Billing for 2029-04-01: 1 invoice issued for 1 order. Order "db-07" for Fay Failing could not be billed; the error was logged.');
    expect(summary).not.toMatch(/duplicate|constraint|unique|violates|invoices_/i);
  });
});
