import { and, eq, sql } from "drizzle-orm";
import { getDb, rawRows, type Conn, type Tx } from "@/db";
import { services } from "@/db/schema";
import type { AuditMeta } from "@/lib/audit/record";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { AppError, notFound } from "@/lib/errors";
import { auditService, serviceStateColumns } from "./audit";
import { parseMoney } from "./money";
import { fieldError, parseInput } from "@/lib/input";
import { pgErrorCode } from "./pg-error";
import { serviceIdSchema, serviceSchema, updateServiceSchema } from "./schemas";

/** The service catalogue (seed 000's manageservices.php): admins create, edit, retire and delete. */

function values(v: { name: string; type: string; billingPeriod: "monthly" | "quarterly" | "yearly" | "one_time"; price: string; currency: string; description: string; managementNotes: string; active: boolean }) {
  const price = parseMoney(v.price, v.currency);
  if (!price.ok) throw fieldError("price", price.message);
  return {
    name: v.name,
    type: v.type,
    billingPeriod: v.billingPeriod,
    priceMinor: price.minor,
    currency: v.currency,
    description: v.description,
    managementNotes: v.managementNotes,
    active: v.active,
  };
}

async function nameTaken(tx: Conn, name: string, exceptId?: string) {
  const [row] = await tx
    .select({ id: services.id })
    .from(services)
    .where(and(sql`lower(${services.name}) = lower(${name})`, exceptId ? sql`${services.id} <> ${exceptId}` : undefined));
  return !!row;
}

const TAKEN = "A service with this name exists already.";

/** Every change (create, edit — activating and retiring included — delete) goes to the service's history (audit log). */
export async function createService(actor: Actor, input: unknown, meta: AuditMeta = {}): Promise<{ id: string }> {
  assertCan(actor, "service.manage");
  const data = values(parseInput(serviceSchema, input));
  const db = await getDb();
  return db.transaction(async (tx) => {
    if (await nameTaken(tx, data.name)) throw fieldError("name", TAKEN);
    const [row] = await tx.insert(services).values(data).onConflictDoNothing().returning({ id: services.id });
    if (!row) throw fieldError("name", TAKEN);
    await auditService(tx, actor, meta, row.id, "created", null, data);
    return row;
  });
}

async function lockService(tx: Tx, serviceId: string) {
  const [row] = await tx.select(serviceStateColumns).from(services).where(eq(services.id, serviceId)).for("update");
  return row ?? null;
}

export async function updateService(actor: Actor, input: unknown, meta: AuditMeta = {}): Promise<{ id: string }> {
  assertCan(actor, "service.manage");
  const parsed = parseInput(updateServiceSchema, input);
  const data = values(parsed);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const before = await lockService(tx, parsed.serviceId);
    if (!before) throw notFound("That service");
    if (await nameTaken(tx, data.name, parsed.serviceId)) throw fieldError("name", TAKEN);
    await tx
      .update(services)
      .set({ ...data, updatedAt: now() })
      .where(eq(services.id, parsed.serviceId));
    await auditService(tx, actor, meta, parsed.serviceId, "updated", before, data);
    return { id: parsed.serviceId };
  });
}

/** Deletes a service nobody ordered; one with orders or invoices can only be deactivated. */
export async function deleteService(actor: Actor, input: unknown, meta: AuditMeta = {}): Promise<void> {
  assertCan(actor, "service.manage");
  const { serviceId } = parseInput(serviceIdSchema, input);
  const db = await getDb();
  await db.transaction(async (tx) => {
    // Locked first: an order being placed holds a share lock on the service, so this waits for it.
    const before = await lockService(tx, serviceId);
    if (!before) throw notFound("That service");
    const [used] = await rawRows<{ used: boolean }>(
      tx,
      sql`SELECT EXISTS (SELECT 1 FROM orders WHERE service_id = ${serviceId})
              OR EXISTS (SELECT 1 FROM invoices WHERE service_id = ${serviceId}) AS used`,
    );
    if (used?.used) {
      throw new AppError("conflict", "This service has orders or invoices, so it stays in the records: deactivate it instead.");
    }
    await tx.delete(services).where(eq(services.id, serviceId));
    await auditService(tx, actor, meta, serviceId, "deleted", before, null);
  }).catch((error: unknown) => {
    // An order placed between the check and the delete: the foreign key has the last word.
    if (pgErrorCode(error) === "23503") throw new AppError("conflict", "This service was just ordered: deactivate it instead.");
    throw error;
  });
}
