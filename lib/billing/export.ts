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
import { invoiceFilterSchema, type InvoiceFilters } from "./schemas";

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
 * streams instead of sitting in memory. Same filters and visibility as the list on screen. The
 * first part is the header with the first page: the first query has run before anything is
 * yielded, so the route answers a failure as an error, not as a download that breaks off.
 */
export async function* exportInvoicesCsv(actor: Actor, filters: InvoiceFilters, pageSize = 2000): AsyncGenerator<string> {
  if (!seesAllInvoices(actor)) throw notFound("That page");
  const db = await getDb();
  const day = today();
  // Parsed again (never an error): a value the URL schema drops never reaches the database.
  const f = invoiceFilterSchema.parse(filters);
  const where = invoiceWhere(actor, { ...f, status: f.status === "draft" ? undefined : f.status }, day);
  const page = async (after: string | null) =>
    (await db
      .select(invoiceColumns(day))
      .from(invoices)
      .innerJoin(users, eq(users.id, invoices.clientId))
      .where(and(where, after ? lt(invoices.number, after) : undefined))
      .orderBy(desc(invoices.number))
      .limit(pageSize)) as InvoiceRow[];
  const lines = (rows: InvoiceRow[]) => rows.map((r) => record(r).map(csvCell).join(",") + "\r\n").join("");
  let rows = await page(null);
  yield toCsv(CSV_HEADER, []) + lines(rows);
  while (rows.length === pageSize) {
    rows = await page(rows.at(-1)!.number);
    if (rows.length === 0) return;
    yield lines(rows);
  }
}

export async function invoicesCsv(actor: Actor, filters: InvoiceFilters): Promise<string> {
  let out = "";
  for await (const part of exportInvoicesCsv(actor, filters)) out += part;
  return out;
}
