import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { orders, services } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit, type AuditMeta } from "@/lib/audit/record";

/**
 * Orders and services keep their history in the audit log (lib/audit): these are the fields it
 * follows. Prices are minor units; the currency rides along with any change so a price reads right
 * even after the service's currency changed. Timestamps (activated_at …) are the record's own time.
 * The billing run's advance of next_due_on is not recorded here: each advance is an invoice, with its
 * own history, and a run may move a million orders.
 */
const ORDER_FIELDS = ["status", "instanceName", "priceOverrideMinor", "comments", "nextDueOn", "billingAnchorDay", "currency"] as const;
const SERVICE_FIELDS = ["name", "type", "billingPeriod", "priceMinor", "currency", "description", "managementNotes", "active"] as const;

type OrderState = { [K in (typeof ORDER_FIELDS)[number]]: unknown };
type ServiceState = { [K in (typeof SERVICE_FIELDS)[number]]: unknown };

const pick = <K extends string>(fields: readonly K[], row: Record<string, unknown>) => Object.fromEntries(fields.map((f) => [f, row[f] ?? null]));

/** Locks an order for a change and reads what its history follows; null when there is no such order. */
export async function lockOrderForChange(tx: Tx, orderId: string) {
  const [row] = await tx
    .select({
      status: orders.status,
      instanceName: orders.instanceName,
      priceOverrideMinor: orders.priceOverrideMinor,
      comments: orders.comments,
      nextDueOn: orders.nextDueOn,
      billingAnchorDay: orders.billingAnchorDay,
      currency: services.currency,
    })
    .from(orders)
    .innerJoin(services, eq(services.id, orders.serviceId))
    .where(eq(orders.id, orderId))
    .for("update", { of: orders });
  return row ?? null;
}

export type LockedOrder = NonNullable<Awaited<ReturnType<typeof lockOrderForChange>>>;

/** One order change into the audit log: `before` as locked, `after` = before with the update applied. */
export function auditOrder(
  tx: Tx,
  actor: Actor,
  meta: AuditMeta,
  orderId: string,
  action: string,
  before: Partial<OrderState> | null,
  after: Partial<OrderState>,
) {
  return recordAudit(tx, {
    actor,
    kind: "order",
    entityId: orderId,
    action,
    before: before ? pick(ORDER_FIELDS, before) : null,
    after: pick(ORDER_FIELDS, { ...before, ...after }),
    context: { currency: ["priceOverrideMinor"] },
    ip: meta.ip,
  });
}

/** One service change into the audit log (a deletion has no `after`). */
export function auditService(
  tx: Tx,
  actor: Actor,
  meta: AuditMeta,
  serviceId: string,
  action: "created" | "updated" | "deleted",
  before: ServiceState | null,
  after: ServiceState | null,
) {
  return recordAudit(tx, {
    actor,
    kind: "service",
    entityId: serviceId,
    action,
    before: before && pick(SERVICE_FIELDS, before),
    after: after && pick(SERVICE_FIELDS, after),
    context: { currency: ["priceMinor"] },
    ip: meta.ip,
  });
}

export const serviceStateColumns = {
  name: services.name,
  type: services.type,
  billingPeriod: services.billingPeriod,
  priceMinor: services.priceMinor,
  currency: services.currency,
  description: services.description,
  managementNotes: services.managementNotes,
  active: services.active,
};
