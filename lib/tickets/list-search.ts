import { and, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db";
import { tickets } from "@/db/schema";
import type { ListSort } from "./list-order";

/**
 * Ranking reads every match (ts_rank has no index), so a full-text search is ranked by relevance
 * only when it matches at most this many tickets; beyond that the list's own order applies (and the
 * returned `sort` says so). Chosen so that ranking stays within a few milliseconds at any table size.
 */
export const RELEVANCE_LIMIT = 2000;

export type SearchPlan = { sort: ListSort; only: SQL | null };

/**
 * How to fetch a page of a full-text search, decided by one bounded probe: the ids of at most
 * RELEVANCE_LIMIT + 1 matches (within the same visibility, scope and filters; the cursor aside, so
 * every page decides alike). The probe is cheap both ways — a rare word is a few GIN hits, a common
 * one is found within the first rows read.
 * - Few matches: exactly those ids (`only`). Relevance (the default) or any requested order then
 *   sorts at most RELEVANCE_LIMIT rows, and the planner can never mistake a rare word for a common
 *   one and walk a whole ordered index looking for it.
 * - Many matches: the requested order, or the list's default instead of relevance; the planner walks
 *   the ordered index and filters, finding a page within the first few rows.
 */
export async function planSearch(db: Db, conditions: SQL[], requested: ListSort | undefined, fallback: ListSort): Promise<SearchPlan> {
  const probe = await db
    .select({ id: tickets.id })
    .from(tickets)
    .where(and(...conditions))
    .limit(RELEVANCE_LIMIT + 1);
  if (probe.length > RELEVANCE_LIMIT) return { sort: requested && requested !== "relevance" ? requested : fallback, only: null };
  const ids = `{${probe.map((r) => r.id).join(",")}}`;
  return { sort: requested ?? "relevance", only: sql`${tickets.id} = ANY(${ids}::uuid[])` };
}
