import { and, eq, ilike, lt, ne, or, gte, lte, sql, type SQL } from "drizzle-orm";
import { invoices, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { isSafeText } from "@/lib/input";
import { invoiceVisibility } from "./access";
import type { InvoiceFilters } from "./schemas";

/**
 * The invoice list's WHERE clause: visibility first, then the filters (status, client name or
 * e-mail, issue-date period, overdue). Drafts only appear when asked for (status=draft, admins).
 * The list is ordered by number, newest first, on the unique number index.
 */
export function invoiceWhere(actor: Actor, f: InvoiceFilters, today: string, mine = false): SQL {
  const client = f.client?.trim();
  return and(
    invoiceVisibility(actor),
    // "My invoices": one's own, whatever else one may see.
    mine ? eq(invoices.clientId, actor.id) : undefined,
    f.status ? eq(invoices.status, f.status) : ne(invoices.status, "draft"),
    client ? clientMatch(client) : undefined,
    f.from ? gte(invoices.issuedOn, f.from) : undefined,
    f.to ? lte(invoices.issuedOn, f.to) : undefined,
    f.overdue ? and(eq(invoices.status, "unpaid"), lt(invoices.dueOn, today)) : undefined,
  )!;
}

export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The client filter (name or e-mail contains). Text with control characters matches nobody and is never sent. */
export function clientMatch(client: string): SQL {
  if (!isSafeText(client)) return sql`false`;
  return or(ilike(users.email, `%${escapeLike(client)}%`), ilike(users.name, `%${escapeLike(client)}%`))!;
}

export const overdueSql = (today: string) => sql<boolean>`(${invoices.status} = 'unpaid' AND ${invoices.dueOn} < ${today})`;

export function filterParams(f: InvoiceFilters): URLSearchParams {
  const p = new URLSearchParams();
  for (const key of ["status", "client", "from", "to", "overdue"] as const) {
    const v = f[key];
    if (v) p.set(key, v);
  }
  return p;
}
