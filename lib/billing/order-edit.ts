import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { orders } from "@/db/schema";
import type { AuditMeta } from "@/lib/audit/record";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { notFound } from "@/lib/errors";
import { auditOrder, lockOrderForChange } from "./audit";
import { dayOf } from "./dates";
import { parseMoney } from "./money";
import { fieldError, parseInput } from "@/lib/input";
import { updateOrderSchema } from "./schemas";

/**
 * An admin edits an order: instance name, price override ("specific billing", empty = the service
 * price), comments, and for a billed order the next due date (which becomes the new anchor day).
 * The changed fields go to the order's history (audit log), before → after.
 */
export async function updateOrder(actor: Actor, input: unknown, meta: AuditMeta = {}): Promise<void> {
  assertCan(actor, "order.manage");
  const data = parseInput(updateOrderSchema, input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const order = await lockOrderForChange(tx, data.orderId);
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
    const set = { instanceName: data.instanceName, priceOverrideMinor, comments: data.comments, ...due };
    await tx
      .update(orders)
      .set({ ...set, updatedAt: now() })
      .where(eq(orders.id, data.orderId));
    await auditOrder(tx, actor, meta, data.orderId, "updated", order, set);
  });
}
