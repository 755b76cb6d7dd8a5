import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { invoiceEvents, invoices, notifications, orders, services } from "@/db/schema";
import type { BillingPeriod } from "./dates";

/** Test data straight into the database (the domain functions are what the tests exercise). */
export async function makeService(opts: { period?: BillingPeriod; priceMinor?: number; currency?: string; active?: boolean; name?: string } = {}) {
  const db = await getDb();
  const [row] = await db
    .insert(services)
    .values({
      name: opts.name ?? `Service ${randomBytes(3).toString("hex")}`,
      type: "vps",
      billingPeriod: opts.period ?? "monthly",
      priceMinor: opts.priceMinor ?? 1000,
      currency: opts.currency ?? "EUR",
      description: "A test service",
      managementNotes: "secret notes",
      active: opts.active ?? true,
    })
    .returning({ id: services.id, name: services.name });
  return row!;
}

export async function makeOrder(
  clientId: string,
  serviceId: string,
  opts: { status?: "pending" | "active" | "suspended" | "cancelled"; nextDueOn?: string | null; anchorDay?: number | null; priceOverrideMinor?: number | null; instanceName?: string } = {},
) {
  const db = await getDb();
  const nextDueOn = opts.nextDueOn === undefined ? "2025-01-15" : opts.nextDueOn;
  const [row] = await db
    .insert(orders)
    .values({
      serviceId,
      clientId,
      instanceName: opts.instanceName ?? "instance-1",
      status: opts.status ?? "active",
      nextDueOn,
      billingAnchorDay: opts.anchorDay === undefined ? (nextDueOn ? Number(nextDueOn.slice(8)) : null) : opts.anchorDay,
      priceOverrideMinor: opts.priceOverrideMinor ?? null,
      activatedAt: opts.status === "pending" ? null : new Date(),
    })
    .returning({ id: orders.id });
  return row!.id;
}

export async function invoicesOf(orderId: string) {
  const db = await getDb();
  return db
    .select({ id: invoices.id, number: invoices.number, periodStart: invoices.periodStart, periodEnd: invoices.periodEnd, amountMinor: invoices.amountMinor, status: invoices.status, dueOn: invoices.dueOn, issuedOn: invoices.issuedOn })
    .from(invoices)
    .where(eq(invoices.orderId, orderId))
    .orderBy(invoices.periodStart);
}

export async function nextDueOf(orderId: string) {
  const db = await getDb();
  const [row] = await db.select({ nextDueOn: orders.nextDueOn, status: orders.status }).from(orders).where(eq(orders.id, orderId));
  return row!;
}

export async function eventsOf(invoiceId: string) {
  const db = await getDb();
  return db.select().from(invoiceEvents).where(eq(invoiceEvents.invoiceId, invoiceId)).orderBy(invoiceEvents.createdAt);
}

export async function mailsOfType(type: string) {
  const db = await getDb();
  return db.select({ to: notifications.toAddress, subject: notifications.subject, text: notifications.text }).from(notifications).where(eq(notifications.type, type));
}

/** Tests in one file share a database: after each, earlier orders leave the billing run's way. */
export async function retireAllOrders() {
  const db = await getDb();
  await db.update(orders).set({ status: "cancelled" });
}
