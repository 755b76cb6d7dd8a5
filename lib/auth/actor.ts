import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { rolePermissions, userSessions, users } from "@/db/schema";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import type { Permission } from "./permissions";
import { isStale, touchSession } from "./sessions";

/** The signed-in user as every domain function sees it: who, which role, which permissions. */
export type Actor = {
  id: string;
  name: string;
  email: string;
  role: string;
  companyId: string | null;
  permissions: ReadonlySet<string>;
  /** The browser session (user_sessions row) the request came with; none for scripts and tests. */
  sessionId?: string;
};

export function can(actor: Actor | null | undefined, permission: Permission): boolean {
  return !!actor && actor.permissions.has(permission);
}

export function assertCan(actor: Actor, permission: Permission, message?: string) {
  if (!can(actor, permission)) throw new AppError("forbidden", message ?? "You are not allowed to do that.");
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const actorColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  role: users.roleKey,
  companyId: users.companyId,
  sessionVersion: users.sessionVersion,
  active: users.active,
  permission: rolePermissions.permissionKey,
};

type ActorRow = { id: string; name: string; email: string; role: string; companyId: string | null; sessionVersion: number; active: boolean; permission: string | null };

function toActor(rows: ActorRow[], sessionVersion: number): Actor | null {
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

/**
 * Loads a user as an actor, or null when the user is gone or inactive, or the session version moved
 * on (password change, reset, role change, deactivation). For scripts and tests; a browser request
 * goes through loadSessionActor.
 */
export async function loadActor(userId: string, sessionVersion: number): Promise<Actor | null> {
  const db = await getDb();
  const rows = await db
    .select(actorColumns)
    .from(users)
    .leftJoin(rolePermissions, eq(rolePermissions.roleKey, users.roleKey))
    .where(eq(users.id, userId));
  return toActor(rows, sessionVersion);
}

/**
 * The actor for a browser session (every request): as loadActor, and the session row must exist and
 * not be ended (sign-out, "End", a password change …), in the same query. last_seen_at is written
 * only when it is a few minutes old, so a request normally writes nothing.
 */
export async function loadSessionActor(userId: string, sessionVersion: number, sessionId: string): Promise<Actor | null> {
  if (!UUID.test(sessionId)) return null;
  const db = await getDb();
  const rows = await db
    .select({ ...actorColumns, lastSeenAt: userSessions.lastSeenAt })
    .from(users)
    .innerJoin(userSessions, and(eq(userSessions.id, sessionId), eq(userSessions.userId, users.id), isNull(userSessions.endedAt)))
    .leftJoin(rolePermissions, eq(rolePermissions.roleKey, users.roleKey))
    .where(eq(users.id, userId));
  const actor = toActor(rows, sessionVersion);
  if (!actor) return null;
  const at = now();
  if (isStale(rows[0]!.lastSeenAt, at)) {
    // "Last seen" is a convenience: a failed write must not fail the request.
    await touchSession(db, sessionId, at).catch((error: unknown) => console.error("[session] last-seen update failed", error));
  }
  return { ...actor, sessionId };
}
