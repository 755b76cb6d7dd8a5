import { and, desc, eq, gt, isNull, lt, ne, or } from "drizzle-orm";
import { getDb, type Conn } from "@/db";
import { userSessions } from "@/db/schema";
import { now } from "@/lib/clock";
import { AppError, notFound, zodFieldErrors } from "@/lib/errors";
import { UNKNOWN_IP } from "@/lib/http/client-ip";
import type { Actor } from "./actor";
import { sessionRefSchema } from "./schemas";
import { SESSION_MAX_AGE_SECONDS, SESSION_TOUCH_MS } from "./session-policy";
import { describeUserAgent } from "./user-agent";

/**
 * Server-side sessions: one user_sessions row per signed-in browser, its id in the session JWT
 * (token.sid). A row that is ended refuses its JWT on the next request (loadSessionActor), so a
 * cookie copied before sign-out, "End", a password change or a deactivation opens nothing.
 */

export type SessionDto = {
  id: string;
  /** "Chrome on Linux" */
  browser: string;
  /** Where the session signed in from; null when the address could not be told. */
  ip: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  /** The session this request came with. */
  current: boolean;
};

const maxAgeAgo = (at: Date) => new Date(at.getTime() - SESSION_MAX_AGE_SECONDS * 1000);

/** A new session at sign-in; returns its id for the JWT. */
export async function startSession(userId: string, meta: { ip: string; userAgent: string | null }): Promise<string> {
  const db = await getDb();
  const at = now();
  const [row] = await db
    .insert(userSessions)
    .values({
      userId,
      ip: meta.ip === UNKNOWN_IP ? null : meta.ip,
      userAgent: meta.userAgent?.slice(0, 500) ?? null,
      createdAt: at,
      lastSeenAt: at,
    })
    .returning({ id: userSessions.id });
  // Keep the table small: sessions ended or idle past any cookie's life no longer matter.
  if (Math.random() < 0.01) {
    const old = maxAgeAgo(at);
    await db.delete(userSessions).where(or(lt(userSessions.endedAt, old), lt(userSessions.lastSeenAt, old)));
  }
  return row!.id;
}

/** Moves last_seen_at on, at most every few minutes; the WHERE makes a concurrent second touch a no-op. */
export async function touchSession(conn: Conn, sessionId: string, at: Date): Promise<void> {
  await conn
    .update(userSessions)
    .set({ lastSeenAt: at })
    .where(and(eq(userSessions.id, sessionId), lt(userSessions.lastSeenAt, new Date(at.getTime() - SESSION_TOUCH_MS))));
}

export function isStale(lastSeenAt: Date, at: Date): boolean {
  return at.getTime() - lastSeenAt.getTime() >= SESSION_TOUCH_MS;
}

/** The actor's live sessions, most recently seen first. */
export async function listSessions(actor: Actor): Promise<SessionDto[]> {
  const db = await getDb();
  const rows = await db
    .select({
      id: userSessions.id,
      ip: userSessions.ip,
      userAgent: userSessions.userAgent,
      createdAt: userSessions.createdAt,
      lastSeenAt: userSessions.lastSeenAt,
    })
    .from(userSessions)
    .where(and(eq(userSessions.userId, actor.id), isNull(userSessions.endedAt), gt(userSessions.lastSeenAt, maxAgeAgo(now()))))
    .orderBy(desc(userSessions.lastSeenAt))
    .limit(100);
  return rows.map(({ userAgent, ...row }) => ({ ...row, browser: describeUserAgent(userAgent), current: row.id === actor.sessionId }));
}

/** Ends one of the actor's own sessions; another user's (or an ended one) is "not found". */
export async function endSession(actor: Actor, input: unknown): Promise<{ id: string }> {
  const parsed = sessionRefSchema.safeParse(input);
  if (!parsed.success) {
    const fieldErrors = zodFieldErrors(parsed.error.issues);
    throw new AppError("invalid", fieldErrors._form ?? fieldErrors.sessionId ?? "Choose a session from the list.");
  }
  const db = await getDb();
  const [row] = await db
    .update(userSessions)
    .set({ endedAt: now() })
    .where(and(eq(userSessions.id, parsed.data.sessionId), eq(userSessions.userId, actor.id), isNull(userSessions.endedAt)))
    .returning({ id: userSessions.id });
  if (!row) throw notFound("This session");
  return row;
}

/** Ends every session of the actor except the one this request came with. */
export async function endOtherSessions(actor: Actor): Promise<{ ended: number }> {
  const db = await getDb();
  const rows = await db
    .update(userSessions)
    .set({ endedAt: now() })
    .where(
      and(
        eq(userSessions.userId, actor.id),
        isNull(userSessions.endedAt),
        actor.sessionId ? ne(userSessions.id, actor.sessionId) : undefined,
      ),
    )
    .returning({ id: userSessions.id });
  return { ended: rows.length };
}

/** Sign-out: ends the session named by a (verified) JWT. */
export async function endSignedOutSession(userId: string, sessionId: string): Promise<void> {
  const db = await getDb();
  await db
    .update(userSessions)
    .set({ endedAt: now() })
    .where(and(eq(userSessions.id, sessionId), eq(userSessions.userId, userId), isNull(userSessions.endedAt)));
}

/**
 * Ends every session of a user, in the caller's transaction: a password change or reset, a role
 * change, a deactivation. (They also move users.session_version on, which refuses the JWTs; this
 * keeps the session list true.)
 */
export async function endAllSessions(conn: Conn, userId: string): Promise<void> {
  await conn
    .update(userSessions)
    .set({ endedAt: now() })
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.endedAt)));
}
