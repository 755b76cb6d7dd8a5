import { and, eq } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
import { invoices, users } from "@/db/schema";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { env } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import { queueEmail } from "@/lib/mail/outbox";
import { invoicePaidMail } from "@/lib/mail/templates/billing";
import { invoiceVisibility } from "./access";
import { recordInvoiceEvent } from "./events";
import { today } from "./invoice-issue";
import { formatMoney } from "./money";
import { fieldError, parseInput } from "@/lib/input";
import { markPaidSchema, markUnpaidSchema } from "./schemas";

/**
 * Accountants mark invoices paid or unpaid (seed 000's accounting.php). Conditional updates: of two
 * accountants clicking at once one wins, the other is told; every change lands in invoice_events.
 */
async function moveStatus(tx: Tx, actor: Actor, invoiceId: string, from: "unpaid" | "paid", set: Partial<typeof invoices.$inferInsert>) {
  const [row] = await tx
    .update(invoices)
    .set({ ...set, updatedAt: now() })
    .where(and(eq(invoices.id, invoiceId), eq(invoices.status, from), invoiceVisibility(actor)))
    .returning({ id: invoices.id, number: invoices.number, clientId: invoices.clientId, amountMinor: invoices.amountMinor, currency: invoices.currency });
  if (row) return row;
  const [current] = await tx.select({ status: invoices.status }).from(invoices).where(and(eq(invoices.id, invoiceId), invoiceVisibility(actor)));
  if (!current) throw notFound("That invoice");
  throw new AppError("conflict", `This invoice is ${current.status} already${current.status === "void" || current.status === "draft" ? ", so its payment status cannot change" : ""}.`);
}

export async function markInvoicePaid(actor: Actor, input: unknown): Promise<void> {
  assertCan(actor, "invoice.set_status");
  const { invoiceId, paidOn, comment } = parseInput(markPaidSchema, input);
  const day = today();
  if (paidOn > day) throw fieldError("paidOn", "The payment date cannot be in the future.");
  const paidAt = paidOn === day ? now() : new Date(`${paidOn}T00:00:00Z`);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const row = await moveStatus(tx, actor, invoiceId, "unpaid", { status: "paid", paidAt, paidById: actor.id });
    await recordInvoiceEvent(tx, { invoiceId: row.id, invoiceNumber: row.number, actorId: actor.id, action: "paid", oldValue: "unpaid", newValue: `paid on ${paidOn}`, comment });
    const [client] = await tx.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, row.clientId));
    await queueEmail(tx, {
      type: "invoice.paid",
      to: client!.email,
      recipientId: row.clientId,
      template: invoicePaidMail({ number: row.number ?? "", name: client!.name, amount: formatMoney(row.amountMinor, row.currency), paidOn, link: `${env.appUrl}/invoices/${row.id}` }),
    });
  });
}

export async function markInvoiceUnpaid(actor: Actor, input: unknown): Promise<void> {
  assertCan(actor, "invoice.set_status");
  const { invoiceId, comment } = parseInput(markUnpaidSchema, input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const row = await moveStatus(tx, actor, invoiceId, "paid", { status: "unpaid", paidAt: null, paidById: null });
    await recordInvoiceEvent(tx, { invoiceId: row.id, invoiceNumber: row.number, actorId: actor.id, action: "unpaid", oldValue: "paid", newValue: "unpaid", comment });
  });
}
