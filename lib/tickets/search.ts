import { eq, like, sql, type SQL } from "drizzle-orm";
import type { Conn } from "@/db";
import { tickets } from "@/db/schema";
import { isSafeText } from "@/lib/input";
import { parseTicketNumber } from "./numbering";

/**
 * Full-text search over tickets. `tickets.search_vector` (GIN-indexed) is
 *   title (weight A) || body (B) || every PUBLIC message (C)
 * and is rebuilt in the same transaction as a create, an edit or a public message. Internal notes are
 * never part of it, so no search, by anyone, finds a ticket by words that only an internal note has.
 */
const CONFIG = sql.raw(`'english'::regconfig`);
/** A tsvector is limited to 1 MB; the public thread beyond this many characters is not indexed. */
const MAX_THREAD_CHARS = 200_000;

/** The search vector of a ticket without public messages yet (a new one), to write with its INSERT. */
export function newTicketSearchVector(title: string, body: string): SQL<string> {
  return sql<string>`setweight(to_tsvector(${CONFIG}, ${title}::text), 'A') || setweight(to_tsvector(${CONFIG}, left(${body}::text, ${MAX_THREAD_CHARS})), 'B')`;
}

export async function refreshSearchVector(tx: Conn, ticketId: string): Promise<void> {
  await tx.execute(sql`
    UPDATE tickets t SET search_vector =
        setweight(to_tsvector(${CONFIG}, t.title), 'A')
     || setweight(to_tsvector(${CONFIG}, left(t.body, ${MAX_THREAD_CHARS})), 'B')
     || setweight(to_tsvector(${CONFIG}, left(coalesce((
          SELECT string_agg(m.body, ' ' ORDER BY m.created_at, m.id)
          FROM messages m
          WHERE m.ticket_id = t.id AND m.visibility = 'public'
        ), ''), ${MAX_THREAD_CHARS})), 'C')
    WHERE t.id = ${ticketId}`);
}

export type SearchFilter = {
  where: SQL;
  /** ts_rank for relevance ordering; null for a number lookup. */
  rank: SQL<number> | null;
  /** The tsquery of a full-text search (null for a number lookup), to match it on another alias. */
  query: SQL | null;
};

/**
 * What a search box query means: a full ticket number (TKT-20250101-0007, case and zero padding
 * forgiven) is an exact lookup, a day prefix (TKT-20250101) lists that day's tickets, anything else
 * is a web-style full-text query ("quoted phrases", -excluded, or).
 */
export function searchFilter(q: string): SearchFilter {
  const text = q.trim();
  // No ticket holds control characters (lib/input.ts refuses them), and PostgreSQL refuses NUL in
  // a query: such a search matches nothing, and is never sent.
  if (!isSafeText(text)) return { where: sql`false`, rank: null, query: null };
  const number = parseTicketNumber(text);
  if (number) return { where: eq(tickets.number, number), rank: null, query: null };
  const day = text.toUpperCase().match(/^TKT-(\d{8})-?$/);
  if (day) return { where: like(tickets.number, `TKT-${day[1]}-%`), rank: null, query: null };
  const query = sql`websearch_to_tsquery(${CONFIG}, ${text})`;
  return {
    where: sql`${tickets.searchVector} @@ ${query}`,
    rank: sql<number>`ts_rank(${tickets.searchVector}, ${query})`,
    query,
  };
}
