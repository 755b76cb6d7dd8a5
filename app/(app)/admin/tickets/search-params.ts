import { isUuid } from "@/lib/input";
import { firstValue as first, type SearchParams } from "@/lib/search-params";
import type { ListTicketsInput } from "@/lib/tickets/schemas";
import { SUPPORT_STATUSES, PRIORITIES } from "@/lib/tickets/workflow";

export type Search = SearchParams;
const STATUSES = new Set<string>([...SUPPORT_STATUSES, "active", "done"]);
const PRIORITY_SET = new Set<string>(PRIORITIES);

/**
 * The admin list's URL → filters. People type URLs: an unknown value is dropped (show everything)
 * instead of becoming an error page; listTickets parses the result again with its strict schema.
 */
export function adminFilters(sp: Search) {
  const status = first(sp.status);
  const priority = first(sp.priority);
  const departmentId = first(sp.departmentId);
  const assigneeId = first(sp.assigneeId);
  const cursor = first(sp.cursor);
  return {
    q: first(sp.q)?.trim().slice(0, 200) || undefined,
    status: status && STATUSES.has(status) ? status : undefined,
    priority: priority && PRIORITY_SET.has(priority) ? priority : undefined,
    departmentId: isUuid(departmentId) ? departmentId : undefined,
    assigneeId: assigneeId === "none" || isUuid(assigneeId) ? assigneeId : undefined,
    cursor: cursor && cursor.length <= 500 ? cursor : undefined,
    back: first(sp.back),
    deleted: first(sp.deleted),
  };
}

export function listInput(f: ReturnType<typeof adminFilters>): ListTicketsInput {
  return {
    scope: "all",
    q: f.q,
    status: f.status as ListTicketsInput["status"],
    priority: f.priority as ListTicketsInput["priority"],
    departmentId: f.departmentId,
    assigneeId: f.assigneeId,
    cursor: f.cursor,
    limit: 25,
  };
}
