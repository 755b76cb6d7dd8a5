import { and, eq } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
import { orders, services, users } from "@/db/schema";
import type { AuditMeta } from "@/lib/audit/record";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { env } from "@/lib/env";
import { AppError, notFound } from "@/lib/errors";
import { queueEmail } from "@/lib/mail/outbox";
import { orderActivatedMail, orderConfirmationMail, orderPlacedAdminMail } from "@/lib/mail/templates/billing";
import { auditOrder, lockOrderForChange } from "./audit";
import { dayOf, PERIOD_LABELS } from "./dates";
import { formatMoney } from "./money";
import { parseInput } from "@/lib/input";
import { activateOrderSchema, orderIdSchema, placeOrderSchema } from "./schemas";

type OrderStatus = "pending" | "active" | "suspended" | "cancelled";

export const priceLabel = (minor: number, currency: string, period: keyof typeof PERIOD_LABELS) =>
  `${formatMoney(minor, currency)} ${PERIOD_LABELS[period].toLowerCase()}`;

/**
 * A client orders a service from the active catalogue: the order is pending, the orders list is
 * mailed to deploy it by hand (seed 000's order.php) and the client gets a confirmation.
 */
export async function placeOrder(actor: Actor, input: unknown, meta: AuditMeta = {}): Promise<{ id: string }> {
  assertCan(actor, "order.create");
  const data = parseInput(placeOrderSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [service] = await tx
      .select({ id: services.id, name: services.name, period: services.billingPeriod, priceMinor: services.priceMinor, currency: services.currency })
      .from(services)
      .where(and(eq(services.id, data.serviceId), eq(services.active, true)))
      .for("share");
    if (!service) throw notFound("That service");
    const [order] = await tx
      .insert(orders)
      .values({ serviceId: service.id, clientId: actor.id, instanceName: data.instanceName, comments: data.comments, status: "pending" })
      .returning({ id: orders.id });
    await auditOrder(tx, actor, meta, order!.id, "created", null, {
      status: "pending",
      instanceName: data.instanceName,
      comments: data.comments,
      priceOverrideMinor: null,
      nextDueOn: null,
      billingAnchorDay: null,
      currency: service.currency,
    });
    const price = priceLabel(service.priceMinor, service.currency, service.period);
    await queueEmail(tx, {
      type: "order.placed_admin",
      to: env.ordersEmail,
      template: orderPlacedAdminMail({
        clientName: actor.name,
        clientEmail: actor.email,
        serviceName: service.name,
        instanceName: data.instanceName,
        price,
        comments: data.comments,
        link: `${env.appUrl}/admin/orders/${order!.id}`,
      }),
    });
    await queueEmail(tx, {
      type: "order.placed",
      to: actor.email,
      recipientId: actor.id,
      template: orderConfirmationMail({ name: actor.name, serviceName: service.name, instanceName: data.instanceName, price, link: `${env.appUrl}/orders` }),
    });
    return { id: order!.id };
  });
}

/**
 * Moves an order from one of `from` to `to` under its row lock, so of two admins racing only one
 * wins (the other waits, then finds the new status); the loser (or a wrong state) gets a clear
 * message and nothing changes. The change goes to the order's history (audit log) with it.
 */
async function transition(
  tx: Tx,
  who: { actor: Actor; meta: AuditMeta },
  orderId: string,
  from: OrderStatus[],
  set: Partial<typeof orders.$inferInsert> & { status: OrderStatus },
  verb: "activated" | "suspended" | "resumed" | "cancelled",
) {
  const before = await lockOrderForChange(tx, orderId);
  if (!before) throw notFound("That order");
  if (!from.includes(before.status)) throw new AppError("conflict", `This order is ${before.status}: it cannot be ${verb}.`);
  const [row] = await tx
    .update(orders)
    .set({ ...set, updatedAt: now() })
    .where(eq(orders.id, orderId))
    .returning({ id: orders.id, clientId: orders.clientId, serviceId: orders.serviceId, instanceName: orders.instanceName });
  await auditOrder(tx, who.actor, who.meta, orderId, verb, before, set);
  return row!;
}

/** Activation after the manual deployment: sets the first due date (and the day periods anchor to). */
export async function activateOrder(actor: Actor, input: unknown, meta: AuditMeta = {}): Promise<void> {
  assertCan(actor, "order.manage");
  const { orderId, firstDueOn } = parseInput(activateOrderSchema, input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const row = await transition(
      tx,
      { actor, meta },
      orderId,
      ["pending"],
      { status: "active", activatedAt: now(), nextDueOn: firstDueOn, billingAnchorDay: dayOf(firstDueOn) },
      "activated",
    );
    const [info] = await tx
      .select({ name: users.name, email: users.email, serviceName: services.name })
      .from(users)
      .innerJoin(services, eq(services.id, row.serviceId))
      .where(eq(users.id, row.clientId));
    await queueEmail(tx, {
      type: "order.activated",
      to: info!.email,
      recipientId: row.clientId,
      template: orderActivatedMail({ name: info!.name, serviceName: info!.serviceName, instanceName: row.instanceName, firstDueOn, link: `${env.appUrl}/orders` }),
    });
  });
}

/** Suspended orders are not billed; resuming keeps the due date (missed periods are then caught up). */
export async function suspendOrder(actor: Actor, input: unknown, meta: AuditMeta = {}): Promise<void> {
  assertCan(actor, "order.manage");
  const { orderId } = parseInput(orderIdSchema, input);
  const db = await getDb();
  await db.transaction((tx) => transition(tx, { actor, meta }, orderId, ["active"], { status: "suspended", suspendedAt: now() }, "suspended"));
}

export async function resumeOrder(actor: Actor, input: unknown, meta: AuditMeta = {}): Promise<void> {
  assertCan(actor, "order.manage");
  const { orderId } = parseInput(orderIdSchema, input);
  const db = await getDb();
  await db.transaction((tx) => transition(tx, { actor, meta }, orderId, ["suspended"], { status: "active", suspendedAt: null }, "resumed"));
}

/** Cancelling is final: the order and its invoices stay in the records, billing stops. */
export async function cancelOrder(actor: Actor, input: unknown, meta: AuditMeta = {}): Promise<void> {
  assertCan(actor, "order.manage");
  const { orderId } = parseInput(orderIdSchema, input);
  const db = await getDb();
  await db.transaction((tx) =>
    transition(tx, { actor, meta }, orderId, ["pending", "active", "suspended"], { status: "cancelled", cancelledAt: now() }, "cancelled"),
  );
}
