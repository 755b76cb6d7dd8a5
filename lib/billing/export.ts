import { and, desc, eq, lt } from "drizzle-orm";
import { getDb } from "@/db";
import { invoices, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { notFound } from "@/lib/errors";
import { seesAllInvoices } from "./access";
import { csvCell, toCsv } from "./csv";
import { invoiceWhere } from "./invoice-filters";
import { invoiceColumns, type InvoiceRow } from "./invoice-queries";
import { today } from "./invoice-issue";
import { minorToDecimal } from "./money";
import type { InvoiceFilters } from "./schemas";

export const CSV_HEADER = [
  "Number",
  "Status",
  "Overdue",
  "Client",
  "Client e-mail",
  "Description",
  "Period start",
  "Period end",
  "Issued on",
  "Due on",
  "Paid at",
  "Amount",
  "Currency",
];

function record(r: InvoiceRow) {
  return [
    r.number,
    r.status,
    r.overdue ? "yes" : "no",
    r.clientName,
    r.clientEmail,
    r.description,
    r.periodStart,
    r.periodEnd,
    r.issuedOn,
    r.dueOn,
    r.paidAt ? r.paidAt.toISOString() : "",
    minorToDecimal(r.amountMinor, r.currency),
    r.currency,
  ];
}

/**
 * The filtered invoice list as CSV (accountants and admins), yielded page by page so a large export
 * streams instead of sitting in memory. Same filters and visibility as the list on screen.
 */
export async function* exportInvoicesCsv(actor: Actor, filters: InvoiceFilters, pageSize = 2000): AsyncGenerator<string> {
  if (!seesAllInvoices(actor)) throw notFound("That page");
  const db = await getDb();
  const day = today();
  const where = invoiceWhere(actor, { ...filters, status: filters.status === "draft" ? undefined : filters.status }, day);
  yield toCsv(CSV_HEADER, []);
  let after: string | null = null;
  for (;;) {
    const rows = (await db
      .select(invoiceColumns(day))
      .from(invoices)
      .innerJoin(users, eq(users.id, invoices.clientId))
      .where(and(where, after ? lt(invoices.number, after) : undefined))
      .orderBy(desc(invoices.number))
      .limit(pageSize)) as InvoiceRow[];
    if (rows.length === 0) return;
    yield rows.map((r) => record(r).map(csvCell).join(",") + "\r\n").join("");
    if (rows.length < pageSize) return;
    after = rows.at(-1)!.number;
  }
}

export async function invoicesCsv(actor: Actor, filters: InvoiceFilters): Promise<string> {
  let out = "";
  for await (const part of exportInvoicesCsv(actor, filters)) out += part;
  return out;
}
