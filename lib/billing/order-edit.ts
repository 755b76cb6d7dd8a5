import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { orders, services } from "@/db/schema";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { notFound } from "@/lib/errors";
import { dayOf } from "./dates";
import { parseMoney } from "./money";
import { fieldError, parseInput } from "@/lib/input";
import { updateOrderSchema } from "./schemas";

/**
 * An admin edits an order: instance name, price override ("specific billing", empty = the service
 * price), comments, and for a billed order the next due date (which becomes the new anchor day).
 */
export async function updateOrder(actor: Actor, input: unknown): Promise<void> {
  assertCan(actor, "order.manage");
  const data = parseInput(updateOrderSchema, input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [order] = await tx
      .select({ status: orders.status, nextDueOn: orders.nextDueOn, currency: services.currency })
      .from(orders)
      .innerJoin(services, eq(services.id, orders.serviceId))
      .where(eq(orders.id, data.orderId))
      .for("update", { of: orders });
    if (!order) throw notFound("That order");
    let priceOverrideMinor: number | null = null;
    if (data.priceOverride !== "") {
      const price = parseMoney(data.priceOverride, order.currency);
      if (!price.ok) throw fieldError("priceOverride", price.message);
      priceOverrideMinor = price.minor;
    }
    const due: Partial<typeof orders.$inferInsert> = {};
    // The form shows the current due date: only a changed one moves the anchor day.
    if (data.nextDueOn !== "" && data.nextDueOn !== order.nextDueOn) {
      if (order.status !== "active" && order.status !== "suspended") {
        throw fieldError("nextDueOn", `A ${order.status} order has no due date to change.`);
      }
      due.nextDueOn = data.nextDueOn;
      due.billingAnchorDay = dayOf(data.nextDueOn);
    }
    await tx
      .update(orders)
      .set({ instanceName: data.instanceName, priceOverrideMinor, comments: data.comments, ...due, updatedAt: now() })
      .where(eq(orders.id, data.orderId));
  });
}
