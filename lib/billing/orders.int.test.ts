import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { orders } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { RoleKey } from "@/lib/auth/permissions";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { createUser, mailsTo } from "@/lib/test/factories";
import { activateOrder, cancelOrder, placeOrder, resumeOrder, suspendOrder } from "./orders";
import { updateOrder } from "./order-edit";
import { ORDER_PAGE } from "./order-queries";
import { getOrder, listCatalogue, listOrders, listOwnOrdersForTicketForm, listServices } from "./queries";
import { createService, deleteService, updateService } from "./services";
import { makeOrder, makeService, nextDueOf } from "./test-fixtures";

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const error = await p.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const serviceForm = { name: "Web hosting", type: "hosting", billingPeriod: "monthly", price: "12.50", currency: "eur", description: "Shared hosting", managementNotes: "host-01", active: true };

describe("the service catalogue", () => {
  it("an admin creates, edits and deletes a service; prices are exact minor units", async () => {
    const admin = await createUser("admin");
    const { id } = await createService(admin, serviceForm);
    const client = await createUser("client");
    const listed = (await listCatalogue(client)).find((s) => s.id === id);
    expect(listed).toMatchObject({ name: "Web hosting", priceMinor: 1250, currency: "EUR" });
    expect(listed).not.toHaveProperty("managementNotes");

    await updateService(admin, { ...serviceForm, serviceId: id, price: "0.29", active: false });
    expect((await listCatalogue(client)).find((s) => s.id === id)).toBeUndefined();

    const taken = await refusal(createService(admin, { ...serviceForm, name: "WEB HOSTING" }));
    expect(taken.fieldErrors?.name).toMatch(/exists already/);
    const badPrice = await refusal(createService(admin, { ...serviceForm, name: "Other", price: "12.505" }));
    expect(badPrice.fieldErrors?.price).toMatch(/at most 2 decimals/);

    await deleteService(admin, { serviceId: id });
    expect(await refusal(deleteService(admin, { serviceId: id }))).toMatchObject({ code: "not_found" });
  });

  it("keeps a service that has orders: it can only be deactivated", async () => {
    const admin = await createUser("admin");
    const client = await createUser("client");
    const service = await makeService();
    await makeOrder(client.id, service.id);
    expect((await refusal(deleteService(admin, { serviceId: service.id }))).message).toMatch(/deactivate it instead/);
  });

  it("the admin's service list counts each service's orders", async () => {
    const admin = await createUser("admin");
    const client = await createUser("client");
    const [busy, idle] = [await makeService(), await makeService()];
    await makeOrder(client.id, busy.id);
    await makeOrder(client.id, busy.id, { instanceName: "instance-2" });
    const listed = await listServices(admin);
    expect(listed.find((s) => s.id === busy.id)?.orderCount).toBe(2);
    expect(listed.find((s) => s.id === idle.id)?.orderCount).toBe(0);
  });

  it.each<RoleKey>(["client", "agent", "accountant", "manager"])("refuses catalogue changes by the %s role", async (role) => {
    const actor = await createUser(role);
    expect((await refusal(createService(actor, { ...serviceForm, name: `X ${role}` }))).code).toBe("forbidden");
  });
});

describe("ordering and the order lifecycle", () => {
  it("a client orders: pending, the orders list and the client are mailed", async () => {
    const client = await createUser("client", { name: "Olga Orderer" });
    const service = await makeService({ name: "VPS Large", priceMinor: 4900 });
    const { id } = await placeOrder(client, { serviceId: service.id, instanceName: "olga-db-1", comments: "Ubuntu please" });

    const order = await getOrder(client, id);
    expect(order).toMatchObject({ status: "pending", instanceName: "olga-db-1", nextDueOn: null, priceMinor: 4900, managementNotes: null });
    const [adminMail] = (await mailsTo(env.ordersEmail)).filter((m) => m.type === "order.placed_admin" && m.subject.includes("olga-db-1"));
    expect(adminMail?.text).toContain("Olga Orderer");
    expect(adminMail?.text).toContain("Ubuntu please");
    expect((await mailsTo(client.email)).map((m) => m.type)).toEqual(["order.placed"]);
  });

  it("refuses an inactive service, unknown keys, and ordering on someone's behalf", async () => {
    const client = await createUser("client");
    const inactive = await makeService({ active: false });
    expect((await refusal(placeOrder(client, { serviceId: inactive.id, instanceName: "x", comments: "" }))).code).toBe("not_found");
    const active = await makeService();
    const extra = await refusal(placeOrder(client, { serviceId: active.id, instanceName: "x", comments: "", clientId: client.id }));
    expect(extra.fieldErrors?._form).toMatch(/may not set/);
    const agent = await createUser("agent");
    expect((await refusal(placeOrder(agent, { serviceId: active.id, instanceName: "x", comments: "" }))).code).toBe("forbidden");
  });

  it("an admin activates (first due date), suspends, resumes and cancels; wrong transitions change nothing", async () => {
    const admin = await createUser("admin");
    const client = await createUser("client");
    const id = await makeOrder(client.id, (await makeService()).id, { status: "pending", nextDueOn: null });

    await activateOrder(admin, { orderId: id, firstDueOn: "2025-01-31" });
    expect(await nextDueOf(id)).toEqual({ nextDueOn: "2025-01-31", status: "active" });
    const db = await getDb();
    expect((await db.select({ a: orders.billingAnchorDay }).from(orders).where(eq(orders.id, id)))[0]!.a).toBe(31);
    expect((await mailsTo(client.email)).map((m) => m.type)).toContain("order.activated");

    const again = await refusal(activateOrder(admin, { orderId: id, firstDueOn: "2025-02-01" }));
    expect(again).toMatchObject({ code: "conflict", message: "This order is active: it cannot be activated." });
    expect((await nextDueOf(id)).nextDueOn).toBe("2025-01-31");

    await suspendOrder(admin, { orderId: id });
    expect((await nextDueOf(id)).status).toBe("suspended");
    await resumeOrder(admin, { orderId: id });
    expect(await nextDueOf(id)).toEqual({ nextDueOn: "2025-01-31", status: "active" });
    await cancelOrder(admin, { orderId: id });
    expect((await refusal(resumeOrder(admin, { orderId: id }))).code).toBe("conflict");
    expect((await nextDueOf(id)).status).toBe("cancelled");
  });

  it("two admins activating at once: exactly one wins", async () => {
    const admin = await createUser("admin");
    const client = await createUser("client");
    const id = await makeOrder(client.id, (await makeService()).id, { status: "pending", nextDueOn: null });
    const results = await Promise.allSettled([
      activateOrder(admin, { orderId: id, firstDueOn: "2025-03-01" }),
      activateOrder(admin, { orderId: id, firstDueOn: "2025-04-01" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await mailsTo(client.email)).filter((m) => m.type === "order.activated")).toHaveLength(1);
  });

  it("an admin edits the instance name, price override, comments and due date", async () => {
    const admin = await createUser("admin");
    const client = await createUser("client");
    const id = await makeOrder(client.id, (await makeService({ priceMinor: 1000 })).id, { nextDueOn: "2025-02-28", anchorDay: 31 });
    const form = { orderId: id, instanceName: "renamed", priceOverride: "8.75", comments: "discount", nextDueOn: "2025-02-28" };
    await updateOrder(admin, form);
    const db = await getDb();
    const [row] = await db.select().from(orders).where(eq(orders.id, id));
    // The unchanged due date keeps the anchor day (31), so March still bills on the 31st.
    expect(row).toMatchObject({ instanceName: "renamed", priceOverrideMinor: 875, comments: "discount", nextDueOn: "2025-02-28", billingAnchorDay: 31 });
    await updateOrder(admin, { ...form, priceOverride: "", nextDueOn: "2025-03-15" });
    const [moved] = await db.select().from(orders).where(eq(orders.id, id));
    expect(moved).toMatchObject({ priceOverrideMinor: null, nextDueOn: "2025-03-15", billingAnchorDay: 15 });
    const bad = await refusal(updateOrder(admin, { ...form, priceOverride: "1.234" }));
    expect(bad.fieldErrors?.priceOverride).toMatch(/decimals/);
    expect((await refusal(updateOrder(client, form))).code).toBe("forbidden");
  });
});

describe("who sees which orders", () => {
  async function setup() {
    const client = await createUser("client");
    const other = await createUser("client");
    const service = await makeService();
    const mine = await makeOrder(client.id, service.id, { instanceName: "mine" });
    const theirs = await makeOrder(other.id, service.id, { instanceName: "theirs", status: "suspended" });
    return { client, other, mine, theirs };
  }

  it("a client sees and links only their own orders", async () => {
    const { client, mine, theirs } = await setup();
    const list = await listOrders(client, { mine: true });
    expect(list.rows.map((r) => r.id)).toEqual([mine]);
    expect((await getOrder(client, mine)).id).toBe(mine);
    expect((await refusal(getOrder(client, theirs))).code).toBe("not_found");
    const options = await listOwnOrdersForTicketForm(client);
    expect(options).toEqual([{ id: mine, label: expect.stringContaining(": mine"), serviceId: expect.any(String), status: "active" }]);
  });

  it("pages through a client's orders newest first, past ties on the time by the id, none twice", async () => {
    const client = await createUser("client");
    const service = await makeService();
    const db = await getDb();
    // Three orders a minute: page one ends inside a tie, which the cursor must resolve by the id.
    const values = Array.from({ length: ORDER_PAGE + 3 }, (_, i) => ({
      serviceId: service.id,
      clientId: client.id,
      instanceName: `o-${i}`,
      status: "active" as const,
      orderedAt: new Date(Date.UTC(2025, 0, 1, 0, Math.floor(i / 3))),
    }));
    const rows = await db.insert(orders).values(values).returning({ id: orders.id, at: orders.orderedAt });
    const expected = rows.sort((a, b) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : -1)).map((r) => r.id);
    const first = await listOrders(client, { mine: true });
    expect(first.rows).toHaveLength(ORDER_PAGE);
    const second = await listOrders(client, { mine: true, cursor: first.nextCursor! });
    expect([...first.rows, ...second.rows].map((r) => r.id)).toEqual(expected);
    expect(second.nextCursor).toBeNull();
  });

  it("an admin sees every order, with the management notes", async () => {
    const { mine, theirs } = await setup();
    const admin = await createUser("admin");
    const ids = (await listOrders(admin, { status: "suspended" })).rows.map((r) => r.id);
    expect(ids).toContain(theirs);
    expect(ids).not.toContain(mine);
    expect((await getOrder(admin, mine)).managementNotes).toBe("secret notes");
  });

  it.each<RoleKey>(["agent", "agent_l2", "accountant", "manager"])("the %s role sees no order at all", async (role) => {
    const { mine } = await setup();
    const actor: Actor = await createUser(role);
    expect((await refusal(listOrders(actor))).code).toBe("not_found");
    expect((await refusal(getOrder(actor, mine))).code).toBe("not_found");
    expect(await listOwnOrdersForTicketForm(actor)).toEqual([]);
  });
});
