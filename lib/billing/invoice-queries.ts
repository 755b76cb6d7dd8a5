import { and, desc, eq, lt, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db";
import { invoiceEvents, invoices, orders, services, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/input";
import { decodeCursor, encodeCursor } from "@/lib/pagination";
import { invoiceVisibility, seesAllInvoices, seesAnyInvoice } from "./access";
import { today } from "./invoice-issue";
import { invoiceWhere, overdueSql } from "./invoice-filters";
import { invoiceCursor, invoiceFilterSchema, type InvoiceFilters } from "./schemas";

export const INVOICE_PAGE = 50;

export const invoiceColumns = (day: string) => ({
  id: invoices.id,
  number: invoices.number,
  status: invoices.status,
  clientName: users.name,
  clientEmail: users.email,
  description: invoices.description,
  amountMinor: invoices.amountMinor,
  currency: invoices.currency,
  periodStart: invoices.periodStart,
  periodEnd: invoices.periodEnd,
  issuedOn: invoices.issuedOn,
  dueOn: invoices.dueOn,
  paidAt: invoices.paidAt,
  overdue: overdueSql(day),
});

export type InvoiceRow = {
  id: string;
  number: string | null;
  status: "draft" | "unpaid" | "paid" | "void";
  clientName: string;
  clientEmail: string;
  description: string;
  amountMinor: number;
  currency: string;
  periodStart: string | null;
  periodEnd: string | null;
  issuedOn: string | null;
  dueOn: string | null;
  paidAt: Date | null;
  overdue: boolean;
};

export type InvoiceTotals = { currency: string; count: number; invoicedMinor: number; paidMinor: number; unpaidMinor: number; overdueMinor: number }[];

/** A page of invoices (newest number first) with the totals of everything the filters match. */
export async function listInvoices(actor: Actor, input: InvoiceFilters, opts: { mine?: boolean } = {}) {
  if (!seesAnyInvoice(actor)) throw notFound("That page");
  // Parsed again (never an error): a value the URL schema drops never reaches the database.
  const filters = invoiceFilterSchema.parse(input);
  const db = await getDb();
  const day = today();
  const where = invoiceWhere(actor, filters, day, opts.mine);
  const after = decodeCursor(filters.cursor, invoiceCursor);
  const byNumber = filters.status !== "draft";
  const rows = (await db
    .select(invoiceColumns(day))
    .from(invoices)
    .innerJoin(users, eq(users.id, invoices.clientId))
    .where(and(where, byNumber && after ? lt(invoices.number, after.n) : undefined))
    .orderBy(byNumber ? desc(invoices.number) : desc(invoices.createdAt))
    .limit(INVOICE_PAGE + 1)) as InvoiceRow[];
  const page = rows.slice(0, INVOICE_PAGE);
  const last = page.at(-1);
  const totals = await db
    .select({
      currency: invoices.currency,
      count: sql<number>`count(*)::int`,
      invoicedMinor: sql<number>`coalesce(sum(${invoices.amountMinor}) filter (where ${invoices.status} <> 'void'), 0)::bigint`,
      paidMinor: sql<number>`coalesce(sum(${invoices.amountMinor}) filter (where ${invoices.status} = 'paid'), 0)::bigint`,
      unpaidMinor: sql<number>`coalesce(sum(${invoices.amountMinor}) filter (where ${invoices.status} = 'unpaid'), 0)::bigint`,
      overdueMinor: sql<number>`coalesce(sum(${invoices.amountMinor}) filter (where ${overdueSql(day)}), 0)::bigint`,
    })
    .from(invoices)
    .innerJoin(users, eq(users.id, invoices.clientId))
    .where(where)
    .groupBy(invoices.currency)
    .orderBy(invoices.currency);
  return {
    rows: page,
    nextCursor: byNumber && rows.length > INVOICE_PAGE && last?.number ? encodeCursor({ n: last.number }) : null,
    totals: totals.map((t) => ({
      currency: t.currency,
      count: Number(t.count),
      invoicedMinor: Number(t.invoicedMinor),
      paidMinor: Number(t.paidMinor),
      unpaidMinor: Number(t.unpaidMinor),
      overdueMinor: Number(t.overdueMinor),
    })) as InvoiceTotals,
  };
}

const paidBy = alias(users, "paid_by");
const eventActor = alias(users, "event_actor");

/** One invoice as its reader may see it; staff also get its order and history. */
export async function getInvoice(actor: Actor, id: string) {
  if (!seesAnyInvoice(actor) || !isUuid(id)) throw notFound("That invoice");
  const db = await getDb();
  const day = today();
  const [row] = await db
    .select({
      ...invoiceColumns(day),
      clientId: invoices.clientId,
      orderId: invoices.orderId,
      instanceName: orders.instanceName,
      serviceName: services.name,
      paidByName: paidBy.name,
      createdAt: invoices.createdAt,
    })
    .from(invoices)
    .innerJoin(users, eq(users.id, invoices.clientId))
    .leftJoin(orders, eq(orders.id, invoices.orderId))
    .leftJoin(services, eq(services.id, invoices.serviceId))
    .leftJoin(paidBy, eq(paidBy.id, invoices.paidById))
    .where(and(eq(invoices.id, id), invoiceVisibility(actor)));
  if (!row) throw notFound("That invoice");
  const staff = seesAllInvoices(actor);
  const events = staff
    ? await db
        .select({
          id: invoiceEvents.id,
          action: invoiceEvents.action,
          oldValue: invoiceEvents.oldValue,
          newValue: invoiceEvents.newValue,
          comment: invoiceEvents.comment,
          actorName: eventActor.name,
          createdAt: invoiceEvents.createdAt,
        })
        .from(invoiceEvents)
        .leftJoin(eventActor, eq(eventActor.id, invoiceEvents.actorId))
        .where(eq(invoiceEvents.invoiceId, id))
        .orderBy(desc(invoiceEvents.createdAt), desc(invoiceEvents.id))
    : [];
  return { ...(row as typeof row & InvoiceRow), paidByName: staff ? row.paidByName : null, events };
}

export type InvoiceDetail = Awaited<ReturnType<typeof getInvoice>>;
