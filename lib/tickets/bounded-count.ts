import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { tickets } from "@/db/schema";

/**
 * Badges and confirmations count tickets on every page view, and an exact count reads every row it
 * counts (a first-line queue or the desk's active tickets: tens of thousands at a million tickets).
 * Past COUNT_CAP nobody acts on the exact figure, so these counts stop there and say so ("1,000+"):
 * the statement reads at most COUNT_CAP + 1 index entries whatever the desk's size.
 */
export const COUNT_CAP = 1000;

/** `n` is exact when `more` is false; otherwise there are more than `n` (= the cap). */
export type BoundedCount = { n: number; more: boolean };

export async function countTicketsUpTo(db: Db, where: SQL | undefined, cap = COUNT_CAP): Promise<BoundedCount> {
  const hits = db.select({ one: sql`1`.as("one") }).from(tickets).where(where).limit(cap + 1).as("hits");
  const [row] = await db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(hits);
  const n = row?.n ?? 0;
  return n > cap ? { n: cap, more: true } : { n, more: false };
}

/** "12", "1,000+": the figure as a badge shows it. */
export const formatCount = (c: BoundedCount) => `${c.n.toLocaleString("en")}${c.more ? "+" : ""}`;
