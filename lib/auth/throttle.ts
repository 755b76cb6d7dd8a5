import { and, eq, gt, lt, or, sql } from "drizzle-orm";
import type { Conn } from "@/db";
import { loginAttempts } from "@/db/schema";
import { UNKNOWN_IP } from "@/lib/http/client-ip";

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 10;
/** An address shared by an office gets more room than one account. */
export const MAX_FAILURES_PER_IP = 50;

/**
 * Returns the minutes to wait when the account or the IP has too many recent failures, else null.
 * Counted in PostgreSQL so the limit holds across every instance. An address that could not be told
 * ("unknown", see lib/http/client-ip.ts) is no address: one shared budget for everyone would let
 * anybody lock everybody out, so only the per-account limit applies then.
 */
export async function throttleWait(conn: Conn, email: string, rawIp: string, now: Date): Promise<number | null> {
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  // null never equals a stored address, so the per-IP counts stay 0
  const ip = rawIp === UNKNOWN_IP ? null : rawIp;
  const [row] = await conn
    .select({
      byEmail: sql<number>`count(*) filter (where ${loginAttempts.email} = ${email})`.mapWith(Number),
      byIp: sql<number>`count(*) filter (where ${loginAttempts.ip} = ${ip})`.mapWith(Number),
      oldestEmail: sql<string | null>`min(${loginAttempts.createdAt}) filter (where ${loginAttempts.email} = ${email})`,
      oldestIp: sql<string | null>`min(${loginAttempts.createdAt}) filter (where ${loginAttempts.ip} = ${ip})`,
    })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.succeeded, false),
        gt(loginAttempts.createdAt, since),
        ip === null ? eq(loginAttempts.email, email) : or(eq(loginAttempts.email, email), eq(loginAttempts.ip, ip)),
      ),
    );
  if (!row) return null;
  const blockedSince =
    row.byEmail >= MAX_FAILURES_PER_ACCOUNT ? row.oldestEmail : row.byIp >= MAX_FAILURES_PER_IP ? row.oldestIp : null;
  if (!blockedSince) return null;
  const until = new Date(blockedSince).getTime() + THROTTLE_WINDOW_MS;
  return Math.max(1, Math.ceil((until - now.getTime()) / 60000));
}

export async function recordAttempt(conn: Conn, email: string, ip: string, succeeded: boolean, now: Date) {
  await conn.insert(loginAttempts).values({ email, ip, succeeded, createdAt: now });
  if (succeeded) {
    // A successful sign-in clears the account's failures: its owner is back.
    await conn.delete(loginAttempts).where(and(eq(loginAttempts.email, email), eq(loginAttempts.succeeded, false)));
  }
  // Keep the table small: attempts older than a day no longer matter.
  if (Math.random() < 0.01) {
    await conn.delete(loginAttempts).where(lt(loginAttempts.createdAt, new Date(now.getTime() - 86_400_000)));
  }
}
