import { lt, sql } from "drizzle-orm";
import { rawRows, type Conn } from "@/db";
import { rateLimits } from "@/db/schema";
import { now as clockNow } from "@/lib/clock";

/**
 * Fixed-window rate limits counted in PostgreSQL, so a limit holds across every instance (the mail
 * forms now, API tokens later). A key names what is counted (`forgot-password:ip:203.0.113.7`);
 * windows are aligned on the epoch, so every instance agrees where one starts.
 */
export type RateLimit = { limit: number; windowSeconds: number };

export type RateLimitResult = {
  allowed: boolean;
  /** Hits left in this window after this one. */
  remaining: number;
  resetAt: Date;
  /** Whole seconds until the window ends (at least 1): what a Retry-After header says. */
  retryAfterSeconds: number;
};

/**
 * Old windows are deleted lazily: each hit drops its own key's earlier windows (in the same
 * statement), and about one hit in PRUNE_ONE_IN sweeps windows of keys nobody uses any more. The sweep
 * keeps a day, so no limit may have a longer window.
 */
export const MAX_WINDOW_SECONDS = 24 * 60 * 60;
const PRUNE_ONE_IN = 200;

export function windowStart(at: Date, windowSeconds: number): Date {
  const ms = windowSeconds * 1000;
  return new Date(Math.floor(at.getTime() / ms) * ms);
}

/**
 * Counts one hit on `key` and says whether it is within the limit. One INSERT … ON CONFLICT DO UPDATE
 * … RETURNING: concurrent hits queue on the row, each sees its own count, so no more than `limit` are
 * ever allowed in a window. Call it outside the request's transaction, so that a request that fails
 * or rolls back afterwards still counts.
 */
export async function hit(conn: Conn, key: string, opts: RateLimit & { now?: Date }): Promise<RateLimitResult> {
  const { limit, windowSeconds } = opts;
  if (!(limit >= 1 && windowSeconds >= 1 && windowSeconds <= MAX_WINDOW_SECONDS)) {
    throw new Error(`rate limit ${key}: limit ≥ 1 and a window of 1 s to ${MAX_WINDOW_SECONDS} s, not ${limit}/${windowSeconds} s`);
  }
  const at = opts.now ?? clockNow();
  const start = windowStart(at, windowSeconds);
  const resetAt = new Date(start.getTime() + windowSeconds * 1000);
  const startIso = start.toISOString();
  // The count stops one past the limit: enough to refuse, and no integer overflow under a flood.
  const [row] = await rawRows<{ count: number }>(
    conn,
    sql`
    WITH earlier AS (
      DELETE FROM rate_limits WHERE key = ${key} AND window_start < ${startIso}::timestamptz
    )
    INSERT INTO rate_limits (key, window_start, count) VALUES (${key}, ${startIso}::timestamptz, 1)
    ON CONFLICT (key, window_start) DO UPDATE SET count = least(rate_limits.count, ${limit}::int) + 1
    RETURNING count`,
  );
  const count = Number(row!.count);
  if (Math.random() * PRUNE_ONE_IN < 1) await pruneRateLimits(conn, at);
  return {
    allowed: count <= limit,
    remaining: Math.max(0, limit - count),
    resetAt,
    retryAfterSeconds: Math.max(1, Math.ceil((resetAt.getTime() - at.getTime()) / 1000)),
  };
}

/** Deletes windows older than the longest allowed window (keys that were not hit again). */
export async function pruneRateLimits(conn: Conn, at: Date = clockNow()) {
  await conn.delete(rateLimits).where(lt(rateLimits.windowStart, new Date(at.getTime() - MAX_WINDOW_SECONDS * 1000)));
}
