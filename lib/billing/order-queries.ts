import { and, asc, desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { invoices, orders, services, users } from "@/db/schema";
import { listEntityAudit } from "@/lib/audit/queries";
import { can, type Actor } from "@/lib/auth/actor";
import { notFound } from "@/lib/errors";
import { z } from "zod";
import { cursorParam, isUuid, searchText, timeIdCursor } from "@/lib/input";
import { decodeCursor, encodeCursor } from "@/lib/pagination";
import { invoiceVisibility, orderVisibility } from "./access";
import { clientMatch } from "./invoice-filters";

export const ORDER_PAGE = 50;
export const ORDER_STATUSES = ["pending", "active", "suspended", "cancelled"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** The order list's URL parameters (readSearchParams drops what these refuse). */
export const orderListParams = { status: z.enum(ORDER_STATUSES), client: searchText(254), cursor: cursorParam };

const orderColumns = {
  id: orders.id,
  instanceName: orders.instanceName,
  status: orders.status,
  serviceId: orders.serviceId,
  serviceName: services.name,
  billingPeriod: services.billingPeriod,
  priceMinor: sql<number>`coalesce(${orders.priceOverrideMinor}, ${services.priceMinor})`.mapWith(Number),
  currency: services.currency,
  nextDueOn: orders.nextDueOn,
  orderedAt: orders.orderedAt,
  activatedAt: orders.activatedAt,
  clientName: users.name,
  clientEmail: users.email,
};

/**
 * Orders, newest first, keyset-paginated: a client's own (order.view_own) or everybody's
 * (order.manage) with a status and client filter.
 */
export async function listOrders(actor: Actor, opts: { mine?: boolean; status?: OrderStatus; client?: string; cursor?: string } = {}) {
  if (!can(actor, "order.manage") && !can(actor, "order.view_own")) throw notFound("That page");
  const db = await getDb();
  const after = decodeCursor(opts.cursor, timeIdCursor);
  const client = typeof opts.client === "string" ? opts.client.trim() : undefined;
  const status = ORDER_STATUSES.includes(opts.status!) ? opts.status : undefined;
  const rows = await db
    .select(orderColumns)
    .from(orders)
    .innerJoin(services, eq(services.id, orders.serviceId))
    .innerJoin(users, eq(users.id, orders.clientId))
    .where(
      and(
        opts.mine ? eq(orders.clientId, actor.id) : orderVisibility(actor),
        status ? eq(orders.status, status) : undefined,
        client ? clientMatch(client) : undefined,
        // A row comparison: one range of the (…, ordered_at, id) indexes, a seek however deep the page.
        after ? sql`(${orders.orderedAt}, ${orders.id}) < (${after.t}::timestamptz, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(orders.orderedAt), desc(orders.id))
    .limit(ORDER_PAGE + 1);
  const page = rows.slice(0, ORDER_PAGE);
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > ORDER_PAGE && last ? encodeCursor({ t: last.orderedAt.toISOString(), id: last.id }) : null };
}

export type OrderRow = Awaited<ReturnType<typeof listOrders>>["rows"][number];

/** One order with its invoices, as the actor may see them (management notes and history only for order.manage). */
export async function getOrder(actor: Actor, id: string) {
  if (!isUuid(id)) throw notFound("That order");
  const db = await getDb();
  const [row] = await db
    .select({
      ...orderColumns,
      clientId: orders.clientId,
      priceOverrideMinor: orders.priceOverrideMinor,
      servicePriceMinor: services.priceMinor,
      comments: orders.comments,
      managementNotes: services.managementNotes,
      suspendedAt: orders.suspendedAt,
      cancelledAt: orders.cancelledAt,
      billingAnchorDay: orders.billingAnchorDay,
    })
    .from(orders)
    .innerJoin(services, eq(services.id, orders.serviceId))
    .innerJoin(users, eq(users.id, orders.clientId))
    .where(and(eq(orders.id, id), orderVisibility(actor)));
  if (!row) throw notFound("That order");
  const orderInvoices = await db
    .select({
      id: invoices.id,
      number: invoices.number,
      status: invoices.status,
      amountMinor: invoices.amountMinor,
      currency: invoices.currency,
      periodStart: invoices.periodStart,
      periodEnd: invoices.periodEnd,
      dueOn: invoices.dueOn,
    })
    .from(invoices)
    .where(and(eq(invoices.orderId, id), invoiceVisibility(actor)))
    .orderBy(desc(invoices.periodStart))
    .limit(100);
  const manage = can(actor, "order.manage");
  return {
    ...row,
    managementNotes: manage ? row.managementNotes : null,
    invoices: orderInvoices,
    /** Who changed what (order.manage only; clients never see it). */
    history: manage ? await listEntityAudit(db, "order", id) : [],
  };
}

export type OrderDetail = Awaited<ReturnType<typeof getOrder>>;

/** For the ticket form (another area's): the client's own orders, as options to link a ticket to. */
export async function ownOrderOptions(actor: Actor): Promise<{ id: string; label: string; serviceId: string; status: OrderStatus }[]> {
  if (!can(actor, "order.view_own")) return [];
  const db = await getDb();
  const rows = await db
    .select({ id: orders.id, instanceName: orders.instanceName, serviceName: services.name, serviceId: orders.serviceId, status: orders.status })
    .from(orders)
    .innerJoin(services, eq(services.id, orders.serviceId))
    .where(eq(orders.clientId, actor.id))
    .orderBy(asc(orders.status), desc(orders.orderedAt))
    .limit(200);
  return rows.map((r) => ({
    id: r.id,
    serviceId: r.serviceId,
    status: r.status,
    label: `${r.serviceName}: ${r.instanceName}${r.status === "active" ? "" : ` (${r.status})`}`,
  }));
}
