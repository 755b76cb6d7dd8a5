import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
import { invoices, users } from "@/db/schema";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { env } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import { addDays } from "./dates";
import { recordInvoiceEvent } from "./events";
import { numberAndAnnounce, today } from "./invoice-issue";
import { minorToDecimal, parseMoney } from "./money";
import { fieldError, parseInput } from "@/lib/input";
import { createInvoiceSchema, invoiceIdSchema, updateInvoiceSchema, voidInvoiceSchema } from "./schemas";

/**
 * Admins' invoice management (seed 000's manageinvoices.php), with an accountant's rules: a draft
 * can be edited freely and deleted (the deletion is recorded); an issued invoice keeps its number,
 * amount and period forever — it can only be voided, never deleted.
 */
function money(amount: string, currency: string) {
  const parsed = parseMoney(amount, currency);
  if (!parsed.ok) throw fieldError("amount", parsed.message);
  return parsed.minor;
}

export async function createInvoice(actor: Actor, input: unknown): Promise<{ id: string; number: string | null }> {
  assertCan(actor, "invoice.manage");
  const data = parseInput(createInvoiceSchema, input);
  const amountMinor = money(data.amount, data.currency);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [client] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(sql`lower(${users.email}) = ${data.clientEmail}`, eq(users.active, true)));
    if (!client) throw fieldError("clientEmail", "No active user has this address.");
    const id = randomUUID();
    const base = {
      id,
      clientId: client.id,
      description: data.description,
      amountMinor,
      currency: data.currency,
      periodStart: data.periodStart || null,
      periodEnd: data.periodEnd || null,
      dueOn: data.dueOn,
    };
    if (!data.issue) {
      await tx.insert(invoices).values({ ...base, status: "draft" });
      await recordInvoiceEvent(tx, { invoiceId: id, invoiceNumber: null, actorId: actor.id, action: "created", newValue: "draft" });
      return { id, number: null };
    }
    const issuedOn = today();
    const dueOn = data.dueOn < issuedOn ? addDays(issuedOn, env.invoiceDueDays) : data.dueOn;
    const issued = await numberAndAnnounce(tx, { ...base, issuedOn, dueOn });
    await tx.insert(invoices).values({ ...base, number: issued.number, issuedOn, dueOn, status: "unpaid" });
    await recordInvoiceEvent(tx, { invoiceId: id, invoiceNumber: issued.number, actorId: actor.id, action: "issued", newValue: "unpaid" });
    return { id, number: issued.number };
  });
}

async function lockInvoice(tx: Tx, invoiceId: string) {
  const [row] = await tx.select().from(invoices).where(eq(invoices.id, invoiceId)).for("update");
  if (!row) throw notFound("That invoice");
  return row;
}

const describe = (r: { description: string; amountMinor: number; currency: string; dueOn: string | null; periodStart: string | null; periodEnd: string | null }) =>
  `${r.description} | ${minorToDecimal(r.amountMinor, r.currency)} ${r.currency} | due ${r.dueOn ?? "—"} | period ${r.periodStart ?? "—"}..${r.periodEnd ?? "—"}`;

export async function updateInvoice(actor: Actor, input: unknown): Promise<void> {
  assertCan(actor, "invoice.manage");
  const data = parseInput(updateInvoiceSchema, input);
  const amountMinor = money(data.amount, data.currency);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const current = await lockInvoice(tx, data.invoiceId);
    const next = {
      description: data.description,
      amountMinor,
      currency: data.currency,
      dueOn: data.dueOn,
      periodStart: data.periodStart || null,
      periodEnd: data.periodEnd || null,
    };
    if (current.status === "paid" || current.status === "void") {
      throw new AppError("conflict", `A ${current.status} invoice cannot be edited.`);
    }
    if (current.status === "unpaid") {
      const fixed = next.amountMinor !== current.amountMinor || next.currency !== current.currency || next.periodStart !== current.periodStart || next.periodEnd !== current.periodEnd;
      if (fixed) {
        throw new AppError("invalid", "An issued invoice keeps its amount, currency and period: void it and issue a new one. Only the description and the due date can change.");
      }
    }
    const before = describe(current);
    const after = describe(next);
    if (before === after) return;
    await tx.update(invoices).set({ ...next, updatedAt: now() }).where(eq(invoices.id, current.id));
    await recordInvoiceEvent(tx, { invoiceId: current.id, invoiceNumber: current.number, actorId: actor.id, action: "edited", oldValue: before, newValue: after });
  });
}

/** A draft becomes a real invoice: number, issue date, and the mails to the client and accounting. */
export async function issueInvoice(actor: Actor, input: unknown): Promise<{ number: string }> {
  assertCan(actor, "invoice.manage");
  const { invoiceId } = parseInput(invoiceIdSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const d = await lockInvoice(tx, invoiceId);
    if (d.status !== "draft") throw new AppError("conflict", `This invoice is ${d.status}: it was issued already.`);
    const issuedOn = today();
    const dueOn = !d.dueOn || d.dueOn < issuedOn ? addDays(issuedOn, env.invoiceDueDays) : d.dueOn;
    const issued = await numberAndAnnounce(tx, {
      id: d.id,
      clientId: d.clientId,
      description: d.description,
      amountMinor: d.amountMinor,
      currency: d.currency,
      periodStart: d.periodStart,
      periodEnd: d.periodEnd,
      issuedOn,
      dueOn,
    });
    await tx.update(invoices).set({ number: issued.number, issuedOn, dueOn, status: "unpaid", updatedAt: now() }).where(eq(invoices.id, d.id));
    await recordInvoiceEvent(tx, { invoiceId: d.id, invoiceNumber: issued.number, actorId: actor.id, action: "issued", oldValue: "draft", newValue: "unpaid" });
    return { number: issued.number };
  });
}

/** Voiding cancels an unpaid invoice for good; it stays listed, with the reason in its history. */
export async function voidInvoice(actor: Actor, input: unknown): Promise<void> {
  assertCan(actor, "invoice.manage");
  const { invoiceId, reason } = parseInput(voidInvoiceSchema, input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const row = await lockInvoice(tx, invoiceId);
    if (row.status === "draft") throw new AppError("conflict", "A draft is not issued: delete it instead of voiding it.");
    if (row.status === "paid") throw new AppError("conflict", "This invoice is paid: mark it unpaid first if the payment was a mistake.");
    if (row.status === "void") throw new AppError("conflict", "This invoice is void already.");
    await tx.update(invoices).set({ status: "void", updatedAt: now() }).where(eq(invoices.id, row.id));
    await recordInvoiceEvent(tx, { invoiceId: row.id, invoiceNumber: row.number, actorId: actor.id, action: "voided", oldValue: row.status, newValue: "void", comment: reason });
  });
}

/** Only drafts are ever deleted, and the deletion is recorded with what the draft said. */
export async function deleteDraftInvoice(actor: Actor, input: unknown): Promise<void> {
  assertCan(actor, "invoice.manage");
  const { invoiceId } = parseInput(invoiceIdSchema, input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const row = await lockInvoice(tx, invoiceId);
    if (row.status !== "draft") throw new AppError("conflict", "Issued invoices are never deleted: void it instead.");
    await recordInvoiceEvent(tx, { invoiceId: row.id, invoiceNumber: null, actorId: actor.id, action: "draft_deleted", oldValue: describe(row), newValue: null });
    await tx.delete(invoices).where(and(eq(invoices.id, row.id), eq(invoices.status, "draft")));
  });
}
