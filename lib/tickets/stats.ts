import "server-only";
import { sql } from "drizzle-orm";
import { getDb, rawRows } from "@/db";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { now as clockNow } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { groupedPercentiles, parseIntegerList, type Percentiles } from "./percentile";

/**
 * The manager's dashboard (seed 002, SPEC §7), support tickets only, over a period: the last `days`
 * UTC days, today included (default 30, at most 366). Definitions:
 * - open: tickets now assigned to the agent and open / in progress / waiting (now, not in the period).
 * - closed: tickets the agent closed in the period (distinct tickets with a "closed" history row by
 *   them in it).
 * - reopened: of those, tickets reopened after the agent closed them; reopenRate = reopened / closed in %.
 * - firstResponse: request (created_at) → first public agent reply (first_response_at), of tickets
 *   first answered in the period; resolution: request → closed_at (closed or won't fix), of tickets
 *   closed in the period. Median and 90th percentile in whole seconds (interpolated like
 *   percentile_cont), per current assignee and for the whole desk.
 * - daily: tickets opened and closed per UTC day of the period.
 * Agents are users whose role may take tickets (ticket.assign_self).
 * Bounding every figure by the period keeps the page fast at any table size: counts and durations
 * per day come from rollup rows the database keeps at every commit (db/schema/stats.ts), active
 * tickets from a partial index — never every ticket or history row of the period.
 */
export type { Percentiles };
export type AgentStats = {
  id: string;
  name: string;
  role: string;
  active: boolean;
  open: number;
  closed: number;
  reopened: number;
  reopenRate: number | null;
  firstResponse: Percentiles;
  resolution: Percentiles;
};
export type DeskStats = {
  /** [from, to): midnight UTC of the first day to midnight UTC after today. */
  period: { days: number; from: Date; to: Date };
  agents: AgentStats[];
  desk: { open: number; unassigned: number; firstResponse: Percentiles; resolution: Percentiles };
  daily: { day: string; opened: number; closed: number }[];
};

const DAY_MS = 86_400_000;

export async function getDeskStats(actor: Actor, opts: { now?: Date; days?: number } = {}): Promise<DeskStats> {
  assertCan(actor, "stats.view", "Only managers can see desk statistics.");
  const days = opts.days ?? 30;
  if (!Number.isInteger(days) || days < 1 || days > 366) throw new AppError("invalid", "Choose a period of 1 to 366 days.");
  const at = opts.now ?? clockNow();
  const to = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()) + DAY_MS);
  const from = new Date(to.getTime() - days * DAY_MS);
  const [f, t] = [from.toISOString(), to.toISOString()];
  const [fromDay, toDay] = [f.slice(0, 10), t.slice(0, 10)];
  const db = await getDb();

  // Four independent reads, sent together: on PostgreSQL they run on separate connections (cores).
  const closesRead = rawRows<{ id: string; name: string; role: string; active: boolean; closed: number; reopened: number }>(
    db,
    sql`
    WITH agents AS (
      SELECT u.id, u.name, u.role_key AS role, u.active FROM users u
      WHERE EXISTS (SELECT 1 FROM role_permissions rp WHERE rp.role_key = u.role_key AND rp.permission_key = 'ticket.assign_self')
    ),
    -- closes per agent in the period, from the daily rollup (db/schema/stats.ts)
    per_agent AS (
      SELECT d.agent_id AS actor_id, sum(d.closes) AS closes FROM desk_agent_days d
      WHERE d.day >= ${fromDay}::date AND d.day < ${toDay}::date
      GROUP BY d.agent_id
    ),
    -- Tickets that left closed / won't fix in the period (a reopen, or an admin's status edit): only
    -- these can have been closed twice by one agent in it, or reopened after an agent's close.
    left_final AS (
      SELECT r.ticket_id, max(r.id) FILTER (WHERE r.action = 'reopened') AS last_reopen FROM ticket_history r
      WHERE r.field = 'status' AND r.old_value IN ('closed', 'wont_fix') AND r.created_at >= ${f}::timestamptz AND r.created_at < ${t}::timestamptz
      GROUP BY r.ticket_id
    ),
    -- their closes in the period, looked up by ticket (a few each), not by scanning the period again
    again AS (
      SELECT c.actor_id, c.ticket_id, count(*) AS closes, bool_or(c.id < lf.last_reopen) AS reopened
      FROM left_final lf JOIN ticket_history c ON c.ticket_id = lf.ticket_id
      WHERE c.action = 'closed' AND c.field = 'status' AND c.created_at >= ${f}::timestamptz AND c.created_at < ${t}::timestamptz
      GROUP BY c.actor_id, c.ticket_id
    ),
    -- closed = distinct tickets = all closes minus the repeated ones (counting distinct over every
    -- close of the period would hash tens of thousands of ticket numbers)
    closed AS (
      SELECT p.actor_id, p.closes - coalesce(sum(a.closes - 1), 0) AS closed, count(*) FILTER (WHERE a.reopened) AS reopened
      FROM per_agent p LEFT JOIN again a ON a.actor_id = p.actor_id
      GROUP BY p.actor_id, p.closes
    )
    SELECT a.id, a.name, a.role, a.active, coalesce(c.closed, 0)::int AS closed, coalesce(c.reopened, 0)::int AS reopened
    FROM agents a LEFT JOIN closed c ON c.actor_id = a.id
    ORDER BY a.name, a.id`,
  );

  // Active tickets per (assignee, status): the agents' open counts, the desk's and the unassigned.
  const activeRead = rawRows<{ assignee_id: string | null; status: string; n: number }>(
    db,
    sql`
    SELECT t.assignee_id, t.status, count(*)::int AS n FROM tickets t
    WHERE t.type = 'support' AND t.status IN ('open', 'in_progress', 'waiting_for_customer')
    GROUP BY t.assignee_id, t.status`,
  );

  // The period's durations in whole seconds from the rollup, one comma-separated list per measure
  // and current assignee (NOBODY: unassigned); the percentiles per agent and for the desk are
  // selected from them in the app (lib/tickets/percentile). Text: parsing arrays of tens of
  // thousands of numbers in the driver cost more than the query.
  const durationsRead = rawRows<{ assignee_id: string; response: string | null; resolution: string | null }>(
    db,
    sql`
    SELECT d.assignee_id,
      string_agg(array_to_string(d.response_secs, ','), ',') FILTER (WHERE cardinality(d.response_secs) > 0) AS response,
      string_agg(array_to_string(d.resolution_secs, ','), ',') FILTER (WHERE cardinality(d.resolution_secs) > 0) AS resolution
    FROM desk_durations d WHERE d.day >= ${fromDay}::date AND d.day < ${toDay}::date
    GROUP BY d.assignee_id`,
  );

  // Opened and closed per day, from the daily rollup; days without a row are zero.
  const dailyRead = rawRows<{ day: string; opened: number; closed: number }>(
    db,
    sql`SELECT to_char(d.day, 'YYYY-MM-DD') AS day, d.opened, d.closed FROM desk_days d WHERE d.day >= ${fromDay}::date AND d.day < ${toDay}::date`,
  );

  const [closes, active, durations, dayRows] = await Promise.all([closesRead, activeRead, durationsRead, dailyRead]);

  const openOf = new Map<string, number>();
  let open = 0;
  let unassigned = 0;
  for (const r of active) {
    const n = Number(r.n);
    open += n;
    if (r.assignee_id === null) {
      if (r.status === "open") unassigned += n;
    } else openOf.set(r.assignee_id, (openOf.get(r.assignee_id) ?? 0) + n);
  }

  // Per agent, and for the desk over every list including the unassigned tickets'.
  const split = (measure: "response" | "resolution") => {
    const { of, all } = groupedPercentiles(durations.map((r) => [r.assignee_id, parseIntegerList(r[measure])] as [string, Float64Array]));
    return { of: (id: string) => of.get(id) ?? { median: null, p90: null }, desk: all };
  };
  const response = split("response");
  const resolution = split("resolution");
  const counted = new Map(dayRows.map((d) => [d.day, d]));
  const daily = Array.from({ length: days }, (_, i) => {
    const day = new Date(from.getTime() + i * DAY_MS).toISOString().slice(0, 10);
    const row = counted.get(day);
    return { day, opened: Number(row?.opened ?? 0), closed: Number(row?.closed ?? 0) };
  });

  return {
    period: { days, from, to },
    agents: closes.map((a) => ({
      id: a.id,
      name: a.name,
      role: a.role,
      active: a.active,
      open: openOf.get(a.id) ?? 0,
      closed: Number(a.closed),
      reopened: Number(a.reopened),
      reopenRate: Number(a.closed) > 0 ? Math.round((Number(a.reopened) / Number(a.closed)) * 1000) / 10 : null,
      firstResponse: response.of(a.id),
      resolution: resolution.of(a.id),
    })),
    desk: { open, unassigned, firstResponse: response.desk, resolution: resolution.desk },
    daily,
  };
}
