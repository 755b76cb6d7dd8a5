import { isUuid } from "@/lib/input";
import { firstValue, type SearchParams } from "@/lib/search-params";
import type { ListTicketsInput } from "@/lib/tickets/schemas";

/** The first value of each wanted query parameter (repeated parameters keep the first). */
export function pick<K extends string>(sp: SearchParams, keys: readonly K[]): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const key of keys) {
    const first = firstValue(sp[key]);
    if (first !== undefined) out[key] = first;
  }
  return out;
}

const STATUS = new Set(["open", "in_progress", "waiting_for_customer", "closed", "wont_fix", "active", "done"]);
const PRIORITY = new Set(["low", "normal", "high", "critical"]);
const SORTS = new Set(["priority", "newest", "oldest", "activity", "relevance"]);

/**
 * A URL is typed by people: a value the list does not know is dropped (show everything) rather than
 * turned into an error page. listTickets parses the result again with its strict schema.
 */
export function listInput(p: {
  scope: ListTicketsInput["scope"];
  q?: string;
  status?: string;
  priority?: string;
  departmentId?: string;
  assigneeId?: string;
  sort?: string;
  cursor?: string;
  limit?: number;
}): ListTicketsInput {
  return {
    scope: p.scope,
    q: p.q?.trim().slice(0, 200) || undefined,
    status: p.status && STATUS.has(p.status) ? (p.status as ListTicketsInput["status"]) : undefined,
    priority: p.priority && PRIORITY.has(p.priority) ? (p.priority as ListTicketsInput["priority"]) : undefined,
    departmentId: isUuid(p.departmentId) ? p.departmentId : undefined,
    assigneeId: p.assigneeId === "none" || isUuid(p.assigneeId) ? p.assigneeId : undefined,
    sort: p.sort && SORTS.has(p.sort) ? (p.sort as ListTicketsInput["sort"]) : undefined,
    cursor: p.cursor && p.cursor.length <= 500 ? p.cursor : undefined,
    limit: p.limit ?? 25,
  };
}
