import { and, asc, count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { createUser } from "@/lib/test/factories";
import { activateOrder, cancelOrder, placeOrder, resumeOrder, suspendOrder } from "./orders";
import { updateOrder } from "./order-edit";
import { getOrder, getService } from "./queries";
import { createService, deleteService, updateService } from "./services";
import { makeOrder, makeService } from "./test-fixtures";

/** Orders and services have no history table of their own: every change writes an audit_log row. */

async function recordsOf(kind: "order" | "service", entityId: string) {
  const db = await getDb();
  const rows = await db
    .select({ actorId: auditLog.actorId, action: auditLog.action, before: auditLog.before, after: auditLog.after, ip: auditLog.ip, createdAt: auditLog.createdAt })
    .from(auditLog)
    .where(and(eq(auditLog.entityKind, kind), eq(auditLog.entityId, entityId)))
    .orderBy(asc(auditLog.createdAt));
  return rows.map(({ createdAt: _, ...r }) => r);
}

async function auditCount() {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(auditLog);
  return row!.n;
}

async function refused(p: Promise<unknown>) {
  const error = await p.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const from = { ip: "203.0.113.7" };

describe("an order's history", () => {
  it("records the order, its activation, edits, suspension, resumption and cancellation, with only what changed", async () => {
    const admin = await createUser("admin", { name: "Ada Admin" });
    const client = await createUser("client", { name: "Cleo Client" });
    const service = await makeService({ priceMinor: 1000, currency: "EUR" });

    const { id } = await placeOrder(client, { serviceId: service.id, instanceName: "cleo-web", comments: "Debian" }, from);
    await activateOrder(admin, { orderId: id, firstDueOn: "2025-05-31" }, from);
    const form = { orderId: id, instanceName: "cleo-web", priceOverride: "8.50", comments: "Debian", nextDueOn: "2025-05-31" };
    await updateOrder(admin, form, from);
    await updateOrder(admin, { ...form, nextDueOn: "2025-06-15" });
    await suspendOrder(admin, { orderId: id });
    await resumeOrder(admin, { orderId: id });
    await cancelOrder(admin, { orderId: id });

    const byAdmin = { actorId: admin.id, ip: null };
    expect(await recordsOf("order", id)).toEqual([
      {
        actorId: client.id,
        ip: from.ip,
        action: "created",
        before: null,
        after: { status: "pending", instanceName: "cleo-web", priceOverrideMinor: null, comments: "Debian", nextDueOn: null, billingAnchorDay: null, currency: "EUR" },
      },
      { ...byAdmin, ip: from.ip, action: "activated", before: { status: "pending", nextDueOn: null, billingAnchorDay: null }, after: { status: "active", nextDueOn: "2025-05-31", billingAnchorDay: 31 } },
      // The price override carries its currency; unchanged fields are not stored.
      { ...byAdmin, ip: from.ip, action: "updated", before: { priceOverrideMinor: null, currency: "EUR" }, after: { priceOverrideMinor: 850, currency: "EUR" } },
      { ...byAdmin, action: "updated", before: { nextDueOn: "2025-05-31", billingAnchorDay: 31 }, after: { nextDueOn: "2025-06-15", billingAnchorDay: 15 } },
      { ...byAdmin, action: "suspended", before: { status: "active" }, after: { status: "suspended" } },
      { ...byAdmin, action: "resumed", before: { status: "suspended" }, after: { status: "active" } },
      { ...byAdmin, action: "cancelled", before: { status: "active" }, after: { status: "cancelled" } },
    ]);
  });

  it("a refused change or an edit that changes nothing writes no record", async () => {
    const admin = await createUser("admin");
    const client = await createUser("client");
    const pending = await makeOrder(client.id, (await makeService()).id, { status: "pending", nextDueOn: null, instanceName: "p-1" });
    const before = await auditCount();

    expect((await refused(suspendOrder(admin, { orderId: pending }))).code).toBe("conflict");
    expect((await refused(updateOrder(admin, { orderId: pending, instanceName: "p-1", priceOverride: "", comments: "", nextDueOn: "2025-01-01" }))).fieldErrors?.nextDueOn).toMatch(
      /pending order has no due date/,
    );
    expect((await refused(updateOrder(admin, { orderId: pending, instanceName: "p-1", priceOverride: "1.234", comments: "", nextDueOn: "" }))).code).toBe("invalid");
    expect((await refused(cancelOrder(client, { orderId: pending }))).code).toBe("forbidden");
    await updateOrder(admin, { orderId: pending, instanceName: "p-1", priceOverride: "", comments: "", nextDueOn: "" });
    expect(await auditCount()).toBe(before);
  });

  it("shows on the admin's order page, newest first, with names; never to the client", async () => {
    const admin = await createUser("admin", { name: "Ada Admin" });
    const client = await createUser("client", { name: "Cleo Client" });
    const { id } = await placeOrder(client, { serviceId: (await makeService()).id, instanceName: "seen", comments: "" });
    await activateOrder(admin, { orderId: id, firstDueOn: "2025-07-01" }, from);

    const { history } = await getOrder(admin, id);
    expect(history.map((r) => [r.action, r.actorName, r.ip])).toEqual([
      ["activated", "Ada Admin", from.ip],
      ["created", "Cleo Client", null],
    ]);
    expect(history[0]!.changes).toEqual([
      { field: "status", before: "pending", after: "active" },
      { field: "nextDueOn", before: null, after: "2025-07-01" },
      { field: "billingAnchorDay", before: null, after: 1 },
    ]);
    expect((await getOrder(client, id)).history).toEqual([]);
  });
});

describe("a service's history", () => {
  const form = { name: "Audited VPS", type: "vps", billingPeriod: "monthly", price: "12.50", currency: "EUR", description: "Small", managementNotes: "host-01", active: true };

  it("records creation, edits (price with its currency, retiring) and deletion", async () => {
    const admin = await createUser("admin", { name: "Ada Admin" });
    const { id } = await createService(admin, form, from);
    await updateService(admin, { ...form, serviceId: id, price: "14.00", managementNotes: "host-02" });
    await updateService(admin, { ...form, serviceId: id, price: "14.00", managementNotes: "host-02", active: false });
    const unchanged = await auditCount();
    await updateService(admin, { ...form, serviceId: id, price: "14.00", managementNotes: "host-02", active: false });
    expect(await auditCount()).toBe(unchanged);

    expect((await getService(admin, id)).history.map((r) => [r.action, r.actorName])).toEqual([
      ["updated", "Ada Admin"],
      ["updated", "Ada Admin"],
      ["created", "Ada Admin"],
    ]);
    await deleteService(admin, { serviceId: id });

    const created = { name: "Audited VPS", type: "vps", billingPeriod: "monthly", priceMinor: 1250, currency: "EUR", description: "Small", managementNotes: "host-01", active: true };
    expect(await recordsOf("service", id)).toEqual([
      { actorId: admin.id, ip: from.ip, action: "created", before: null, after: created },
      {
        actorId: admin.id,
        ip: null,
        action: "updated",
        before: { priceMinor: 1250, managementNotes: "host-01", currency: "EUR" },
        after: { priceMinor: 1400, managementNotes: "host-02", currency: "EUR" },
      },
      { actorId: admin.id, ip: null, action: "updated", before: { active: true }, after: { active: false } },
      // The row is gone; its record keeps what it was.
      { actorId: admin.id, ip: null, action: "deleted", before: { ...created, priceMinor: 1400, managementNotes: "host-02", active: false }, after: null },
    ]);
  });

  it("a refused change writes no record", async () => {
    const admin = await createUser("admin");
    const client = await createUser("client");
    const service = await makeService({ name: "Ordered one" });
    await makeOrder(client.id, service.id);
    const { id: other } = await createService(admin, { ...form, name: "Taken name" });
    const before = await auditCount();

    expect((await refused(deleteService(admin, { serviceId: service.id }))).message).toMatch(/deactivate it instead/);
    expect((await refused(updateService(admin, { ...form, serviceId: other, name: "ordered ONE" }))).fieldErrors?.name).toMatch(/exists already/);
    expect((await refused(updateService(client, { ...form, serviceId: other }))).code).toBe("forbidden");
    expect(await auditCount()).toBe(before);
  });
});
