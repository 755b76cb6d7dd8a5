import type { Conn } from "@/db";
import { auditLog } from "@/db/schema";
import { changedFields, type AuditContext, type Snapshot } from "./diff";

/**
 * The audit log's writer (audit_log): administrative changes to rows that have no history of their
 * own — services and orders now, users, roles, departments … later. Call it inside the change's own
 * transaction, so the change and its record commit (or roll back) together.
 */
export type AuditKind = "order" | "service";
export type AuditMeta = { ip?: string | null };

export type AuditEntry = {
  /** Who did it; null for the system (a job). */
  actor: { id: string } | null;
  kind: AuditKind;
  entityId: string;
  /** A short verb: "created", "updated", "activated", "suspended", "deleted" … */
  action: string;
  /** The entity's audited fields before (null for a creation) and after (null for a deletion). */
  before: Snapshot | null;
  after: Snapshot | null;
  /** Fields stored to explain a change (a price's currency), not changes themselves: see AuditContext. */
  context?: AuditContext;
  ip?: string | null;
};

/** Appends one record with only the changed fields; writes nothing (and returns false) when nothing changed. */
export async function recordAudit(tx: Conn, e: AuditEntry): Promise<boolean> {
  const diff = changedFields(e.before, e.after, e.context);
  if (!diff) return false;
  await tx.insert(auditLog).values({
    actorId: e.actor?.id ?? null,
    entityKind: e.kind,
    entityId: e.entityId,
    action: e.action,
    before: diff.before,
    after: diff.after,
    ip: e.ip ?? null,
  });
  return true;
}
