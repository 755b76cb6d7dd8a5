import { and, eq, ne, sql, type SQL } from "drizzle-orm";
import { invoices, orders } from "@/db/schema";
import { can, type Actor } from "@/lib/auth/actor";

/**
 * Who sees which billing rows, as WHERE conditions (a row one may not see is "not found"):
 * - invoice.manage (admins): every invoice, drafts included
 * - invoice.view_all (accountants): every issued invoice (drafts are an admin's work in progress)
 * - invoice.view_own (clients): their own issued invoices
 * - order.manage: every order; order.view_own: one's own orders
 */
export function invoiceVisibility(actor: Actor): SQL {
  if (can(actor, "invoice.manage")) return sql`true`;
  if (can(actor, "invoice.view_all")) return ne(invoices.status, "draft");
  if (can(actor, "invoice.view_own")) return and(eq(invoices.clientId, actor.id), ne(invoices.status, "draft"))!;
  return sql`false`;
}

export function seesAnyInvoice(actor: Actor): boolean {
  return can(actor, "invoice.manage") || can(actor, "invoice.view_all") || can(actor, "invoice.view_own");
}

/** Staff see every client's invoices (and the history); a client only their own. */
export function seesAllInvoices(actor: Actor): boolean {
  return can(actor, "invoice.manage") || can(actor, "invoice.view_all");
}

export function orderVisibility(actor: Actor): SQL {
  if (can(actor, "order.manage")) return sql`true`;
  if (can(actor, "order.view_own")) return eq(orders.clientId, actor.id);
  return sql`false`;
}
