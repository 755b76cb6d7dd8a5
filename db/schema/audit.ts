import { index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";
import { users } from "./auth";

/**
 * Administrative changes that have no history of their own (services, orders; later users, roles,
 * departments, companies …): who changed what, when, from where, and the fields before and after.
 * Append-only. The entity is named by kind and id, without a foreign key, so a deleted row's record stays.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: id(),
    actorId: uuid().references(() => users.id, { onDelete: "set null" }),
    /** What was changed: "service", "order", … */
    entityKind: text().notNull(),
    entityId: uuid(),
    /** A short verb: "created", "updated", "activated", "suspended", … */
    action: text().notNull(),
    before: jsonb().$type<Record<string, unknown>>(),
    after: jsonb().$type<Record<string, unknown>>(),
    ip: text(),
    createdAt: createdAt(),
  },
  (t) => [
    index("audit_log_entity_idx").on(t.entityKind, t.entityId, t.createdAt.desc()),
    index("audit_log_created_idx").on(t.createdAt.desc(), t.id),
    index("audit_log_actor_idx").on(t.actorId, t.createdAt.desc()),
  ],
);
