import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { getDb, rawRows, type Tx } from "@/db";
import { env } from "@/lib/env";
import { addDays, duePeriods, isValidIsoDate, yearOf, type BillingPeriod } from "./dates";
import { queueInvoiceMails, type IssuedInvoice } from "./invoice-mail";
import { allocateInvoiceNumbers } from "./numbering";
import { pgArray } from "./pg-array";

/**
 * The daily billing job (seed 000's makeinvoices.php): every active order whose next due date has
 * come gets one invoice per due period (missed periods caught up), numbered, mailed to the client
 * and the accounting list through the outbox, and its next due date advanced — all in the same
 * transaction as the order's row lock.
 *
 * Safe to run twice and on many instances at once: due orders are locked FOR UPDATE SKIP LOCKED and
 * re-checked under the lock (next_due_on <= date), so a concurrent run skips them, and a later run
 * finds them no longer due. The unique (order_id, period_start) constraint is the last line of
 * defence. Orders go in chunks — one transaction and a few multi-row statements per chunk; if a
 * chunk fails, its orders are retried one per transaction, so one bad order is reported and the
 * others are billed.
 */
/**
 * An order the run could not bill. `message` is for any screen (which order, nothing of the cause):
 * the cause — often a database error — is logged with the order and date, never returned.
 */
export type BillingFailure = { orderId: string; message: string };
export type BillingReport = { date: string; ordersBilled: number; invoicesIssued: number; failures: BillingFailure[]; ms: number };

type DueOrder = {
  id: string;
  client_id: string;
  client_name: string;
  client_email: string;
  service_id: string;
  service_name: string;
  instance_name: string;
  billing_period: BillingPeriod;
  price_minor: number;
  price_override_minor: number | null;
  currency: string;
  next_due_on: string;
  billing_anchor_day: number | null;
};

/**
 * Locks up to `limit` due orders. The lock is taken in a subquery that walks the partial index on
 * next_due_on (active orders only) and stops after `limit` rows; the joins then only touch those.
 * Re-checked under the lock: a row another run billed meanwhile is no longer due and is skipped.
 */
async function lockDueOrders(tx: Tx, date: string, opts: { limit: number; skip: string[]; only?: string }): Promise<DueOrder[]> {
  return rawRows<DueOrder>(
    tx,
    sql`WITH due AS (
          SELECT id FROM orders
          WHERE status = 'active' AND next_due_on <= ${date}::date
            ${opts.only ? sql`AND id = ${opts.only}` : sql``}
            ${opts.skip.length ? sql`AND NOT (id = ANY(${pgArray(opts.skip)}::uuid[]))` : sql``}
          ORDER BY next_due_on
          LIMIT ${opts.limit}
          FOR UPDATE SKIP LOCKED
        )
        SELECT o.id, o.client_id, u.name AS client_name, u.email AS client_email, o.service_id, s.name AS service_name,
               o.instance_name, s.billing_period, s.price_minor, o.price_override_minor, s.currency,
               o.next_due_on::text AS next_due_on, o.billing_anchor_day
        FROM due
        JOIN orders o ON o.id = due.id
        JOIN services s ON s.id = o.service_id
        JOIN users u ON u.id = o.client_id
        ORDER BY o.next_due_on, o.id`,
  );
}

/**
 * Where a run's time goes, for the bench: milliseconds of this process's CPU per step, summed over
 * chunks (with PGlite the database runs in-process, so this is its cost too, whatever else the
 * machine is doing).
 */
export type BillingTimings = Record<"lock" | "numbers" | "invoices" | "orders" | "mails", number>;

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function timer(timings?: BillingTimings) {
  let t = timings ? cpuMs() : 0;
  return (step: keyof BillingTimings) => {
    if (!timings) return;
    const n = cpuMs();
    timings[step] += n - t;
    t = n;
  };
}

/** Bills locked, due orders: numbers, invoices, advanced due dates and mails, in the caller's transaction. */
async function billLocked(tx: Tx, date: string, due: DueOrder[], timings?: BillingTimings): Promise<number> {
  const lap = timer(timings);
  const plans = due.map((o) => ({
    o,
    ...duePeriods({ nextDueOn: o.next_due_on, anchorDay: o.billing_anchor_day, period: o.billing_period, asOf: date }),
  }));
  const count = plans.reduce((n, p) => n + p.periods.length, 0);
  const numbers = await allocateInvoiceNumbers(tx, yearOf(date), count);
  lap("numbers");
  const dueOn = addDays(date, env.invoiceDueDays);
  const issued: IssuedInvoice[] = [];
  let n = 0;
  for (const { o, periods } of plans) {
    for (const p of periods) {
      issued.push({
        id: randomUUID(),
        number: numbers[n++]!,
        clientId: o.client_id,
        clientName: o.client_name,
        clientEmail: o.client_email,
        description: `${o.service_name}: ${o.instance_name}`,
        amountMinor: Number(o.price_override_minor ?? o.price_minor),
        currency: o.currency,
        periodStart: p.start,
        periodEnd: p.end,
        issuedOn: date,
        dueOn,
      });
    }
  }
  const orderIds: string[] = [];
  const serviceIds: string[] = [];
  for (const { o, periods } of plans) {
    for (let i = 0; i < periods.length; i++) {
      orderIds.push(o.id);
      serviceIds.push(o.service_id);
    }
  }
  // One multi-row insert from arrays (one parameter per column, however many invoices).
  await tx.execute(
    sql`INSERT INTO invoices (id, number, client_id, order_id, service_id, amount_minor, currency, description,
                              period_start, period_end, issued_on, due_on, status)
        SELECT v.id, v.number, v.client_id, v.order_id, v.service_id, v.amount_minor, v.currency, v.description,
               v.period_start, v.period_end, ${date}::date, ${dueOn}::date, 'unpaid'
        FROM unnest(${pgArray(issued.map((i) => i.id))}::uuid[], ${pgArray(issued.map((i) => i.number))}::text[],
                    ${pgArray(issued.map((i) => i.clientId))}::uuid[], ${pgArray(orderIds)}::uuid[], ${pgArray(serviceIds)}::uuid[],
                    ${pgArray(issued.map((i) => i.amountMinor))}::int[], ${pgArray(issued.map((i) => i.currency))}::text[],
                    ${pgArray(issued.map((i) => i.description))}::text[], ${pgArray(issued.map((i) => i.periodStart))}::date[],
                    ${pgArray(issued.map((i) => i.periodEnd))}::date[])
          AS v(id, number, client_id, order_id, service_id, amount_minor, currency, description, period_start, period_end)`,
  );
  lap("invoices");
  // Advance every order in one statement; the WHERE re-states the lock's condition as a last check.
  // (`id = ANY(…)` lets the planner fetch the rows by primary key instead of hashing every order.)
  await tx.execute(
    sql`UPDATE orders SET next_due_on = v.next_due_on, updated_at = now()
        FROM unnest(${pgArray(plans.map((p) => p.o.id))}::uuid[], ${pgArray(plans.map((p) => p.nextDueOn))}::date[])
             AS v(id, next_due_on)
        WHERE orders.id = v.id AND orders.id = ANY(${pgArray(plans.map((p) => p.o.id))}::uuid[]) AND orders.status = 'active'`,
  );
  lap("orders");
  await queueInvoiceMails(tx, issued);
  lap("mails");
  return issued.length;
}

export async function runBilling(opts: {
  date: string;
  chunkSize?: number;
  onProgress?: (r: BillingReport) => void;
  timings?: BillingTimings;
}): Promise<BillingReport> {
  if (!isValidIsoDate(opts.date)) throw new Error(`Not a date: ${opts.date}`);
  const started = Date.now();
  const db = await getDb();
  const chunk = opts.chunkSize ?? 500;
  const report: BillingReport = { date: opts.date, ordersBilled: 0, invoicesIssued: 0, failures: [], ms: 0 };
  const failed: string[] = [];
  for (;;) {
    let locked: DueOrder[] = [];
    try {
      const issued = await db.transaction(async (tx) => {
        const lap = timer(opts.timings);
        const due = await lockDueOrders(tx, opts.date, { limit: chunk, skip: failed });
        lap("lock");
        if (due.length === 0) return null;
        locked = due;
        return billLocked(tx, opts.date, due, opts.timings);
      });
      if (issued === null) break;
      report.ordersBilled += locked.length;
      report.invoicesIssued += issued;
    } catch (error) {
      if (locked.length === 0) throw error; // not one order's fault: the database itself failed
      await billOneByOne(opts.date, locked, report, failed);
    }
    opts.onProgress?.(report);
  }
  report.ms = Date.now() - started;
  return report;
}

/** After a chunk failed: each of its orders alone, so the failure is pinned on one order and the rest bill. */
async function billOneByOne(date: string, orders: DueOrder[], report: BillingReport, failed: string[]) {
  const db = await getDb();
  for (const { id, instance_name, client_name } of orders) {
    try {
      const issued = await db.transaction(async (tx) => {
        const due = await lockDueOrders(tx, date, { limit: 1, skip: [], only: id });
        return due.length ? billLocked(tx, date, due) : null;
      });
      if (issued !== null) {
        report.ordersBilled++;
        report.invoicesIssued += issued;
      }
    } catch (error) {
      failed.push(id);
      console.error(`[billing] order ${id} ("${instance_name}" for ${client_name}) could not be billed for ${date}`, error);
      report.failures.push({ orderId: id, message: `Order "${instance_name}" for ${client_name} could not be billed; the error was logged.` });
    }
  }
}
