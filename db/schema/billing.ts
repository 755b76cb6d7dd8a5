import { sql } from "drizzle-orm";
import {
  boolean,
  char,
  check,
  date,
  index,
  integer,
  pgEnum,
  pgTable,
  smallint,
  text,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id, tstz, updatedAt } from "./columns";
import { users } from "./auth";

export const billingPeriod = pgEnum("billing_period", ["monthly", "quarterly", "yearly", "one_time"]);

/** Seed 000's catalogue. Money is integer minor units with an ISO 4217 currency. */
export const services = pgTable(
  "services",
  {
    id: id(),
    name: text().notNull(),
    type: text().notNull(),
    billingPeriod: billingPeriod().notNull(),
    priceMinor: integer().notNull(),
    currency: char({ length: 3 }).notNull().default("EUR"),
    description: text().notNull().default(""),
    managementNotes: text().notNull().default(""),
    active: boolean().notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("services_name_key").on(t.name), check("services_price_nonneg", sql`${t.priceMinor} >= 0`)],
);

export const orderStatus = pgEnum("order_status", ["pending", "active", "suspended", "cancelled"]);

export const orders = pgTable(
  "orders",
  {
    id: id(),
    serviceId: uuid()
      .notNull()
      .references(() => services.id, { onDelete: "restrict" }),
    clientId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    instanceName: text().notNull(),
    status: orderStatus().notNull().default("pending"),
    orderedAt: createdAt(),
    activatedAt: tstz(),
    suspendedAt: tstz(),
    cancelledAt: tstz(),
    /** "Specific billing" (seed 000): overrides the service price for this instance. */
    priceOverrideMinor: integer(),
    nextDueOn: date({ mode: "string" }),
    /**
     * The day of the month periods are anchored to (the first due date's day): a 31st stays the 31st
     * after a short month (Jan 31 → Feb 28 → Mar 31). Set on activation and when the due date is edited.
     */
    billingAnchorDay: smallint(),
    comments: text().notNull().default(""),
    updatedAt: updatedAt(),
  },
  (t) => [
    // The order lists, newest first (ordered_at DESC, id DESC, read backwards): a client's, everybody's.
    index("orders_client_idx").on(t.clientId, t.orderedAt, t.id),
    index("orders_ordered_idx").on(t.orderedAt, t.id),
    // The service list's order counts, and the service's ON DELETE RESTRICT check.
    index("orders_service_idx").on(t.serviceId),
    index("orders_due_idx").on(t.nextDueOn).where(sql`${t.status} = 'active'`),
    check("orders_override_nonneg", sql`${t.priceOverrideMinor} IS NULL OR ${t.priceOverrideMinor} >= 0`),
    check("orders_anchor_day_range", sql`${t.billingAnchorDay} IS NULL OR ${t.billingAnchorDay} BETWEEN 1 AND 31`),
  ],
);

export const invoiceStatus = pgEnum("invoice_status", ["draft", "unpaid", "paid", "void"]);

export const invoices = pgTable(
  "invoices",
  {
    id: id(),
    number: text(),
    clientId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    orderId: uuid().references(() => orders.id, { onDelete: "restrict" }),
    serviceId: uuid().references(() => services.id, { onDelete: "restrict" }),
    amountMinor: integer().notNull(),
    currency: char({ length: 3 }).notNull(),
    description: text().notNull().default(""),
    periodStart: date({ mode: "string" }),
    periodEnd: date({ mode: "string" }),
    issuedOn: date({ mode: "string" }),
    dueOn: date({ mode: "string" }),
    status: invoiceStatus().notNull().default("unpaid"),
    paidAt: tstz(),
    paidById: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("invoices_number_key").on(t.number),
    // A period is billed once, however often (or on however many instances) the job runs.
    unique("invoices_order_period_key").on(t.orderId, t.periodStart),
    index("invoices_client_idx").on(t.clientId, t.issuedOn),
    index("invoices_status_idx").on(t.status, t.dueOn),
    // The unpaid and "overdue" (unpaid, due before today) invoice lists in their order (number, newest
    // first), the due date checked in the index. A partial index, because the planner takes status and
    // due date as independent: it expects many old unpaid invoices and would walk every number looking
    // for them (an index on (status, number, due_on) costs more in its eyes than that walk).
    index("invoices_unpaid_idx").on(t.number, t.dueOn).where(sql`${t.status} = 'unpaid'`),
    check("invoices_amount_nonneg", sql`${t.amountMinor} >= 0`),
  ],
);

/** Who changed an invoice and how (paid, unpaid, void, edited): append-only. */
export const invoiceEvents = pgTable(
  "invoice_events",
  {
    id: id(),
    invoiceId: uuid().references(() => invoices.id, { onDelete: "set null" }),
    invoiceNumber: text(),
    actorId: uuid().references(() => users.id, { onDelete: "set null" }),
    action: text().notNull(),
    oldValue: text(),
    newValue: text(),
    comment: text(),
    createdAt: createdAt(),
  },
  (t) => [index("invoice_events_invoice_idx").on(t.invoiceId, t.createdAt)],
);

/** Per-scope counters for human-readable numbers (tickets per day, invoices per year). */
export const counters = pgTable("counters", {
  scope: text().primaryKey(),
  value: integer().notNull(),
});
