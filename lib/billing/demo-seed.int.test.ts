import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { invoices, orders, services, users } from "@/db/schema";
import { seedDemo } from "@/db/seed";
import { DEMO_SERVICES } from "./demo-seed";

describe("the demo billing data", () => {
  it("is seeded once however often the seed runs: a catalogue, two active orders, a paid and an unpaid invoice", async () => {
    const db = await getDb();
    await seedDemo(db);
    await seedDemo(db);
    expect((await db.select({ id: services.id }).from(services)).length).toBe(DEMO_SERVICES.length);
    const [client] = await db.select({ id: users.id }).from(users).where(eq(users.email, "client@example.com"));
    const own = await db
      .select({ status: orders.status, period: services.billingPeriod, nextDueOn: orders.nextDueOn })
      .from(orders)
      .innerJoin(services, eq(services.id, orders.serviceId))
      .where(eq(orders.clientId, client!.id));
    expect(own.map((o) => `${o.status} ${o.period}`).sort()).toEqual(["active monthly", "active yearly"]);
    expect(own.every((o) => o.nextDueOn !== null)).toBe(true);
    const bills = await db.select({ status: invoices.status, number: invoices.number }).from(invoices).where(eq(invoices.clientId, client!.id));
    expect(bills.map((b) => b.status).sort()).toEqual(["paid", "unpaid"]);
    expect(bills.every((b) => /^INV-\d{4}-\d{6}$/.test(b.number!))).toBe(true);
  });
});
