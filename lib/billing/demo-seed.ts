import { eq, sql } from "drizzle-orm";
import type { Conn } from "@/db";
import { invoices, orders, services, users } from "@/db/schema";
import { now } from "@/lib/clock";
import { addDays, addMonthsAnchored, dayOf, isoDate, utcDate, yearOf } from "./dates";
import { recordInvoiceEvent } from "./events";
import { allocateInvoiceNumbers } from "./numbering";

export const DEMO_SERVICES = [
  { name: "VPS Small", type: "vps", billingPeriod: "monthly", priceMinor: 999, description: "1 vCPU, 2 GB RAM, 40 GB SSD, one IPv4 address.", managementNotes: "Provision on the Proxmox cluster, template debian-12-small." },
  { name: "Managed WordPress", type: "hosting", billingPeriod: "monthly", priceMinor: 1900, description: "WordPress with daily backups, updates and TLS.", managementNotes: "Create the site on web-02 with the managed-wp playbook." },
  { name: "Offsite Backup 500 GB", type: "storage", billingPeriod: "quarterly", priceMinor: 2700, description: "Encrypted offsite backups, 500 GB, 30 days of history.", managementNotes: "Bucket on backup-01; send the client the restic credentials." },
  { name: "Domain registration (.com)", type: "domain", billingPeriod: "yearly", priceMinor: 1500, description: "A .com domain with DNS hosting.", managementNotes: "Register through the registrar account; set our nameservers." },
  { name: "Server migration", type: "service", billingPeriod: "one_time", priceMinor: 9900, description: "We move one site or server to our platform.", managementNotes: "Schedule with the client; two hours of work on average." },
] as const;

/**
 * Demo billing data for the demo client: the catalogue, an active monthly and an active yearly
 * order, a paid and an unpaid invoice. Idempotent (the seed runs at every start): services are
 * upserted by name, orders and invoices are only made when the demo client has no order yet.
 */
export async function seedDemoBilling(db: Conn, clientEmail = "client@example.com") {
  await db.transaction(async (tx) => {
    await tx
      .insert(services)
      .values(DEMO_SERVICES.map((s) => ({ ...s, currency: "EUR" })))
      .onConflictDoNothing();
    const [client] = await tx.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, clientEmail));
    if (!client) return;
    const [existing] = await tx.select({ id: orders.id }).from(orders).where(eq(orders.clientId, client.id)).limit(1);
    if (existing) return;
    const [accountant] = await tx.select({ id: users.id }).from(users).where(eq(users.roleKey, "accountant")).limit(1);

    const rows = await tx.select({ id: services.id, name: services.name, priceMinor: services.priceMinor }).from(services);
    const byName = new Map(rows.map((r) => [r.name, r]));
    const vps = byName.get("VPS Small")!;
    const domain = byName.get("Domain registration (.com)")!;
    const today = utcDate(now());

    // Monthly VPS: activated this month; its current period is invoiced and unpaid.
    const anchor = Math.min(dayOf(today), 28);
    const vpsStart = isoDate(yearOf(today), Number(today.slice(5, 7)), anchor);
    const vpsNext = addMonthsAnchored(vpsStart, 1, anchor);
    // Yearly domain: registered 40 days ago; its first year is invoiced and paid.
    const domainStart = addDays(today, -40);
    const domainNext = addMonthsAnchored(domainStart, 12, dayOf(domainStart));

    const [vpsOrder, domainOrder] = await tx
      .insert(orders)
      .values([
        { serviceId: vps.id, clientId: client.id, instanceName: "acme-web-01", status: "active", orderedAt: new Date(`${vpsStart}T09:00:00Z`), activatedAt: new Date(`${vpsStart}T10:00:00Z`), nextDueOn: vpsNext, billingAnchorDay: anchor, comments: "Debian, please." },
        { serviceId: domain.id, clientId: client.id, instanceName: "acme.example", status: "active", orderedAt: new Date(`${domainStart}T09:00:00Z`), activatedAt: new Date(`${domainStart}T10:00:00Z`), nextDueOn: domainNext, billingAnchorDay: dayOf(domainStart) },
      ])
      .returning({ id: orders.id });

    const [domainNumber] = await allocateInvoiceNumbers(tx, yearOf(domainStart), 1);
    const [vpsNumber] = await allocateInvoiceNumbers(tx, yearOf(vpsStart), 1);
    const paidAt = new Date(`${addDays(domainStart, 3)}T10:00:00Z`);
    const [paid] = await tx
      .insert(invoices)
      .values([
        { number: domainNumber, clientId: client.id, orderId: domainOrder!.id, serviceId: domain.id, amountMinor: domain.priceMinor, currency: "EUR", description: `${domain.name}: acme.example`, periodStart: domainStart, periodEnd: addDays(domainNext, -1), issuedOn: domainStart, dueOn: addDays(domainStart, 14), status: "paid", paidAt, paidById: accountant?.id ?? null },
        { number: vpsNumber, clientId: client.id, orderId: vpsOrder!.id, serviceId: vps.id, amountMinor: vps.priceMinor, currency: "EUR", description: `${vps.name}: acme-web-01`, periodStart: vpsStart, periodEnd: addDays(vpsNext, -1), issuedOn: vpsStart, dueOn: addDays(vpsStart, 14), status: "unpaid" },
      ])
      .returning({ id: invoices.id, number: invoices.number });
    await recordInvoiceEvent(tx, { invoiceId: paid!.id, invoiceNumber: paid!.number, actorId: accountant?.id ?? null, action: "paid", oldValue: "unpaid", newValue: `paid on ${paidAt.toISOString().slice(0, 10)}`, comment: "Bank transfer (demo data)" });
  });
}
