import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Conn } from "@/db";
import { auditLog, users } from "@/db/schema";
import type { AuditKind } from "./record";

export type AuditChange = { field: string; before: unknown; after: unknown };
export type AuditRecord = {
  id: string;
  action: string;
  actorName: string | null;
  createdAt: Date;
  ip: string | null;
  /** One per stored field, before → after (null on the missing side of a creation or deletion). */
  changes: AuditChange[];
};

/** The fields of a record as from → to pairs, in the order they were stored. */
export function auditChanges(before: Record<string, unknown> | null, after: Record<string, unknown> | null): AuditChange[] {
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return fields.map((field) => ({ field, before: before?.[field] ?? null, after: after?.[field] ?? null }));
}

/**
 * One entity's records, newest first (the entity page's History). No permission check here: the
 * entity's own area checks that the reader may see the entity (and its history) before asking.
 */
export async function listEntityAudit(conn: Conn, kind: AuditKind, entityId: string, limit = 200): Promise<AuditRecord[]> {
  const rows = await conn
    .select({
      id: auditLog.id,
      action: auditLog.action,
      actorName: users.name,
      createdAt: auditLog.createdAt,
      ip: auditLog.ip,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(eq(auditLog.entityKind, kind), eq(auditLog.entityId, entityId)))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(limit);
  return rows.map(({ before, after, ...r }) => ({ ...r, changes: auditChanges(before ?? null, after ?? null) }));
}
