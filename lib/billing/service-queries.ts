import { asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { services } from "@/db/schema";
import { listEntityAudit } from "@/lib/audit/queries";
import { can, type Actor } from "@/lib/auth/actor";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/input";

const catalogueColumns = {
  id: services.id,
  name: services.name,
  type: services.type,
  billingPeriod: services.billingPeriod,
  priceMinor: services.priceMinor,
  currency: services.currency,
  description: services.description,
};

/** What a client may order: the active catalogue (management notes are staff-only). */
export async function listCatalogue(actor: Actor) {
  if (!can(actor, "order.create") && !can(actor, "service.manage")) throw notFound("That page");
  const db = await getDb();
  return db.select(catalogueColumns).from(services).where(eq(services.active, true)).orderBy(asc(services.type), asc(services.name));
}

export async function getCatalogueService(actor: Actor, id: string) {
  if (!can(actor, "order.create") || !isUuid(id)) throw notFound("That service");
  const db = await getDb();
  const [row] = await db.select(catalogueColumns).from(services).where(sql`${services.id} = ${id} AND ${services.active}`);
  if (!row) throw notFound("That service");
  return row;
}

export type CatalogueService = Awaited<ReturnType<typeof getCatalogueService>>;

/** The whole catalogue for admins, with how many orders each service has. */
export async function listServices(actor: Actor) {
  if (!can(actor, "service.manage")) throw notFound("That page");
  const db = await getDb();
  return db
    .select({
      ...catalogueColumns,
      active: services.active,
      // Qualified by hand: drizzle writes this table's columns unqualified ("id"), which inside the
      // subquery is the order's own id (every count was 0).
      orderCount: sql<number>`(SELECT count(*) FROM orders o WHERE o.service_id = services.id)`.mapWith(Number),
    })
    .from(services)
    .orderBy(asc(services.name));
}

export async function getService(actor: Actor, id: string) {
  if (!can(actor, "service.manage") || !isUuid(id)) throw notFound("That service");
  const db = await getDb();
  const [row] = await db
    .select({ ...catalogueColumns, managementNotes: services.managementNotes, active: services.active })
    .from(services)
    .where(eq(services.id, id));
  if (!row) throw notFound("That service");
  return { ...row, history: await listEntityAudit(db, "service", id) };
}
