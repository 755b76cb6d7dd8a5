import { and, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { priorityRank, tickets } from "@/db/schema";
import { cursorTime, isUuid } from "@/lib/input";
import { decodeCursor, encodeCursor } from "@/lib/pagination";
import type { LIST_SORTS } from "./schemas";

/**
 * Keyset pagination for ticket lists: each sort is a list of keys ending in the id (a total order),
 * the cursor holds the last row's key values as text (timestamps to the microsecond), and the next
 * page is "rows after that tuple" — fast at any depth, stable while rows are added.
 */
export type ListSort = (typeof LIST_SORTS)[number];

type Key = { expr: SQL; dir: "asc" | "desc"; text: SQL<string>; param: (v: string) => SQL; valid: (v: string) => boolean };

const TS_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const NUM_RE = /^-?\d+(\.\d+)?(e[-+]?\d+)?$/i;
/** A real instant in range, in the microsecond form the query writes (PostgreSQL refuses month 13). */
const isCursorTime = (v: string) => TS_RE.test(v) && cursorTime.safeParse(v).success;
/** What `::real` accepts: zero, or a magnitude between its limits (beyond them PostgreSQL refuses it). */
const isReal = (v: string) => {
  const n = Math.abs(Number(v));
  return NUM_RE.test(v) && Number.isFinite(n) && (n === 0 || (n > 1e-37 && n < 1e37));
};
const cursorShape = z.object({ s: z.string(), v: z.array(z.string()).max(3) });

const timeKey = (col: typeof tickets.createdAt | typeof tickets.lastActivityAt, dir: "asc" | "desc"): Key => ({
  expr: sql`${col}`,
  dir,
  text: sql<string>`to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
  param: (v) => sql`${v}::timestamptz`,
  valid: isCursorTime,
});
const idKey = (dir: "asc" | "desc"): Key => ({
  expr: sql`${tickets.id}`,
  dir,
  text: sql<string>`${tickets.id}::text`,
  param: (v) => sql`${v}::uuid`,
  valid: isUuid,
});
/** Critical first as an ascending number (0 critical … 3 low), so the queue order is one ascending row (see priorityRank). */
const PRIORITY_RANK = priorityRank(tickets.priority);
const priorityKey: Key = {
  expr: PRIORITY_RANK,
  dir: "asc",
  text: sql<string>`${PRIORITY_RANK}::text`,
  param: (v) => sql`${v}::int`,
  valid: (v) => /^[0-3]$/.test(v),
};
const rankKey = (rank: SQL): Key => ({
  expr: rank,
  dir: "desc",
  text: sql<string>`(${rank})::text`,
  param: (v) => sql`${v}::real`,
  valid: isReal,
});

/** The keys of a sort. "relevance" needs the search rank; without one it falls back to priority. */
export function sortKeys(sort: ListSort, rank: SQL | null): Key[] {
  switch (sort) {
    case "newest":
      return [timeKey(tickets.createdAt, "desc"), idKey("desc")];
    case "oldest":
      return [timeKey(tickets.createdAt, "asc"), idKey("asc")];
    case "activity":
      // Matches tickets_requester_idx (requester_id, last_activity_at desc, id): "my tickets".
      return [timeKey(tickets.lastActivityAt, "desc"), idKey("asc")];
    case "relevance":
      if (rank) return [rankKey(rank), idKey("asc")];
      return sortKeys("priority", null);
    case "priority":
      // Queues: critical first, then the oldest request first.
      return [priorityKey, timeKey(tickets.createdAt, "asc"), idKey("asc")];
  }
}

export const orderByKeys = (keys: Key[]): SQL[] => keys.map((k) => (k.dir === "asc" ? sql`${k.expr} asc` : sql`${k.expr} desc`));

/** The columns to select so the last row can become the next cursor: k0, k1, k2. */
export function cursorColumns(keys: Key[]) {
  return { k0: keys[0]!.text, k1: keys[1]!.text, k2: keys[2]?.text ?? sql<string>`''` };
}

/** "After the cursor's tuple" in the sort's directions; null when there is no (valid) cursor. */
export function afterCursor(keys: Key[], sort: ListSort, cursor: string | undefined): SQL | null {
  const decoded = decodeCursor(cursor, cursorShape);
  if (!decoded || decoded.s !== sort || decoded.v.length !== keys.length) return null;
  const values = decoded.v;
  if (!values.every((v, i) => keys[i]!.valid(v))) return null;
  const params = keys.map((k, i) => k.param(values[i]!));
  // One direction: a row comparison, which PostgreSQL turns into a single index range (a seek to
  // the cursor, however deep) when an index has the keys in this order.
  if (keys.every((k) => k.dir === keys[0]!.dir)) {
    const row = (xs: SQL[]) => sql.join(xs, sql`, `);
    return sql`(${row(keys.map((k) => k.expr))}) ${sql.raw(keys[0]!.dir === "asc" ? ">" : "<")} (${row(params)})`;
  }
  // Mixed directions: the first key bounds the range (an index can seek to it), the OR settles ties.
  const first = keys[0]!.dir === "asc" ? sql`${keys[0]!.expr} >= ${params[0]}` : sql`${keys[0]!.expr} <= ${params[0]}`;
  const branches = keys.map((key, i) => {
    const equal = keys.slice(0, i).map((k, j) => sql`${k.expr} = ${params[j]}`);
    const beyond = key.dir === "asc" ? sql`${key.expr} > ${params[i]}` : sql`${key.expr} < ${params[i]}`;
    return and(...equal, beyond)!;
  });
  return and(first, or(...branches))!;
}

export function nextCursor(sort: ListSort, keys: Key[], last: { k0: string; k1: string; k2: string }): string {
  return encodeCursor({ s: sort, v: [last.k0, last.k1, last.k2].slice(0, keys.length) });
}
