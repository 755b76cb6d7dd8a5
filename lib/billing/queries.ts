import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { ownOrderOptions } from "./order-queries";

/**
 * The read side of billing, for pages and route handlers: every function takes the actor and puts
 * its visibility rule in the WHERE clause (lib/billing/access.ts).
 */
export { listCatalogue, getCatalogueService, listServices, getService, type CatalogueService } from "./service-queries";
export { listOrders, getOrder, orderListParams, ORDER_STATUSES, type OrderRow, type OrderDetail, type OrderStatus } from "./order-queries";
export { listInvoices, getInvoice, INVOICE_PAGE, type InvoiceRow, type InvoiceTotals, type InvoiceDetail } from "./invoice-queries";
export { exportInvoicesCsv } from "./export";
export { invoicePdf } from "./pdf";

/**
 * For the ticket form: the signed-in client's orders to link a ticket to, as `{ id, label }`
 * options (label "Service: instance", with the status when not active). Staff get none: their
 * form picks the client's orders through the ticket domain's own checks.
 */
export function listOwnOrdersForTicketForm(actor: Actor) {
  return ownOrderOptions(actor);
}
