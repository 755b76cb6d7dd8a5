import { sql, type SQL } from "drizzle-orm";
import { rawRows, type Db } from "@/db";
import { tickets } from "@/db/schema";
import type { ListSort } from "./list-order";

/**
 * Ranking reads every match (ts_rank has no index), so a full-text search is ranked by relevance
 * only when it matches at most this many tickets; beyond that the list's own order applies (and the
 * returned `sort` says so). At a million tickets this is about the balance point: ranking 3,000
 * matches, or walking the ordered index past ~9,000 rows to fill a page of a word just above it,
 * each cost tens of milliseconds at most (see scripts/bench).
 */
export const RELEVANCE_LIMIT = 3000;

/**
 * A search the planner expects to match this many tickets or more is taken as too broad to rank
 * without the probe. The estimate comes from the search index's word statistics (ANALYZE), which
 * for a word that common are close (1M tickets: "printer" 301,257 expected, 300,000 real); at 3×
 * the limit, a word ranked by the probe is never mistaken for one too broad to rank.
 */
const SURELY_TOO_BROAD = 3 * RELEVANCE_LIMIT;

export type SearchPlan = { sort: ListSort; only: SQL | null };

/**
 * How to fetch a page of a full-text search (`query`, a tsquery), decided by one bounded probe: the
 * ids of at most RELEVANCE_LIMIT + 1 tickets of the whole desk that match. The probe has the match
 * as its only condition, so PostgreSQL either reads a rare word's few GIN entries or stops a plain
 * scan after the first matches of a common one; it never ANDs a common word's huge GIN bitmap with
 * a scope's index (hundreds of milliseconds). The desk-wide count bounds the scope's.
 * - Few matches: the page query is confined to those ids (`only`, a literal array, so the planner
 *   knows how few rows it sorts), and the list's visibility, scope and filters still apply.
 *   Relevance (the default) or any requested order then sorts at most RELEVANCE_LIMIT rows, and the
 *   planner can never mistake a rare word for a common one and walk a whole index looking for it.
 * - Many: the requested order, or the list's default instead of relevance; the planner walks the
 *   ordered index and filters, which fills a page quickly because matches are frequent.
 * The cursor is not part of the probe, so every page of a search decides alike.
 *
 * A common word is decided without the probe, by the planner's estimate (SURELY_TOO_BROAD): the
 * probe would read thousands of rows to find RELEVANCE_LIMIT + 1 matches (1M tickets, a word in 30%
 * of them: ~10,000 rows, 50-70 ms) only to learn what the statistics already say.
 */
export async function planSearch(db: Db, query: SQL, requested: ListSort | undefined, fallback: ListSort): Promise<SearchPlan> {
  const broad = { sort: requested && requested !== "relevance" ? requested : fallback, only: null };
  if ((await estimatedMatches(db, query)) >= SURELY_TOO_BROAD) return broad;
  const probe = await rawRows<{ id: string }>(
    db,
    sql`SELECT hit.id FROM tickets hit WHERE hit.search_vector @@ ${query} LIMIT ${RELEVANCE_LIMIT + 1}`,
  );
  if (probe.length > RELEVANCE_LIMIT) return broad;
  const ids = `{${probe.map((r) => r.id).join(",")}}`;
  return { sort: requested ?? "relevance", only: sql`${tickets.id} = ANY(${ids}::uuid[])` };
}

/** How many tickets the planner expects a full-text query to match (EXPLAIN: planned, not run). */
async function estimatedMatches(db: Db, query: SQL): Promise<number> {
  const [row] = await rawRows<Record<string, unknown>>(db, sql`EXPLAIN (FORMAT JSON) SELECT 1 FROM tickets hit WHERE hit.search_vector @@ ${query}`);
  const value = row ? Object.values(row)[0] : null;
  // postgres.js parses the JSON plan, PGlite returns it as text.
  const plans = (typeof value === "string" ? JSON.parse(value) : value) as { Plan?: { "Plan Rows"?: number } }[] | null;
  return plans?.[0]?.Plan?.["Plan Rows"] ?? 0;
}
