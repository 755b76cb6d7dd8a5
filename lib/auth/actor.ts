import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { rolePermissions, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { Permission } from "./permissions";

/** The signed-in user as every domain function sees it: who, which role, which permissions. */
export type Actor = {
  id: string;
  name: string;
  email: string;
  role: string;
  companyId: string | null;
  permissions: ReadonlySet<string>;
};

export function can(actor: Actor | null | undefined, permission: Permission): boolean {
  return !!actor && actor.permissions.has(permission);
}

export function assertCan(actor: Actor, permission: Permission, message?: string) {
  if (!can(actor, permission)) throw new AppError("forbidden", message ?? "You are not allowed to do that.");
}

/**
 * Loads the actor for a session, or null when the session is stale: the user is gone or inactive,
 * or the session version moved on (password change, reset, role change, deactivation).
 */
export async function loadActor(userId: string, sessionVersion: number): Promise<Actor | null> {
  const db = await getDb();
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.roleKey,
      companyId: users.companyId,
      sessionVersion: users.sessionVersion,
      active: users.active,
      permission: rolePermissions.permissionKey,
    })
    .from(users)
    .leftJoin(rolePermissions, eq(rolePermissions.roleKey, users.roleKey))
    .where(and(eq(users.id, userId)));
  const first = rows[0];
  if (!first || !first.active || first.sessionVersion !== sessionVersion) return null;
  return {
    id: first.id,
    name: first.name,
    email: first.email,
    role: first.role,
    companyId: first.companyId,
    permissions: new Set(rows.map((r) => r.permission).filter((p): p is string => !!p)),
  };
}
