import "server-only";
import { sql } from "drizzle-orm";
import { getDb, rawRows } from "@/db";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { now as clockNow } from "@/lib/clock";
import { AppError } from "@/lib/errors";

/**
 * The manager's dashboard (seed 002, SPEC §7), support tickets only, over a period: the last `days`
 * UTC days, today included (default 30, at most 366). Definitions:
 * - open: tickets now assigned to the agent and open / in progress / waiting (now, not in the period).
 * - closed: tickets the agent closed in the period (distinct tickets with a "closed" history row by
 *   them in it).
 * - reopened: of those, tickets reopened after the agent closed them; reopenRate = reopened / closed in %.
 * - firstResponse: request (created_at) → first public agent reply (first_response_at), of tickets
 *   first answered in the period; resolution: request → closed_at (closed or won't fix), of tickets
 *   closed in the period. Median and 90th percentile in seconds (percentile_cont, interpolated), per
 *   current assignee and for the whole desk.
 * - daily: tickets opened and closed per UTC day of the period.
 * Agents are users whose role may take tickets (ticket.assign_self).
 * Bounding every figure by the period keeps the page fast at any table size: each statement reads
 * one range of an index (history by action and time, tickets by closed_at / first_response_at /
 * created_at, active tickets through a partial index), never the whole history.
 */
export type Percentiles = { median: number | null; p90: number | null };
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
const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const none = (): Percentiles => ({ median: null, p90: null });

/** date_part, not extract: extract returns numeric (PostgreSQL 14+), several times slower to compute and sort. */
const percentiles = (column: "first_response_at" | "closed_at") => sql`
  percentile_cont(0.5) WITHIN GROUP (ORDER BY date_part('epoch', t.${sql.raw(column)} - t.created_at)) AS median,
  percentile_cont(0.9) WITHIN GROUP (ORDER BY date_part('epoch', t.${sql.raw(column)} - t.created_at)) AS p90`;

export async function getDeskStats(actor: Actor, opts: { now?: Date; days?: number } = {}): Promise<DeskStats> {
  assertCan(actor, "stats.view", "Only managers can see desk statistics.");
  const days = opts.days ?? 30;
  if (!Number.isInteger(days) || days < 1 || days > 366) throw new AppError("invalid", "Choose a period of 1 to 366 days.");
  const at = opts.now ?? clockNow();
  const to = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()) + DAY_MS);
  const from = new Date(to.getTime() - days * DAY_MS);
  const [f, t] = [from.toISOString(), to.toISOString()];
  const db = await getDb();

  // Three independent reads, sent together: on PostgreSQL they run on separate connections (cores).
  const agentsRead = rawRows<{ id: string; name: string; role: string; active: boolean; open: number; closed: number; reopened: number }>(
    db,
    sql`
    WITH agents AS (
      SELECT u.id, u.name, u.role_key AS role, u.active FROM users u
      WHERE EXISTS (SELECT 1 FROM role_permissions rp WHERE rp.role_key = u.role_key AND rp.permission_key = 'ticket.assign_self')
    ),
    closes AS (
      SELECT h.actor_id, h.ticket_number, h.id FROM ticket_history h
      WHERE h.action = 'closed' AND h.field = 'status' AND h.created_at >= ${f}::timestamptz AND h.created_at < ${t}::timestamptz
    ),
    per_agent AS (SELECT actor_id, count(*) AS closes FROM closes GROUP BY actor_id),
    -- Tickets that left closed / won't fix in the period (a reopen, or an admin's status edit): only
    -- these can have been closed twice by one agent in it, or reopened after an agent's close.
    left_final AS (
      SELECT r.ticket_number, max(r.id) FILTER (WHERE r.action = 'reopened') AS last_reopen FROM ticket_history r
      WHERE r.field = 'status' AND r.old_value IN ('closed', 'wont_fix') AND r.created_at >= ${f}::timestamptz AND r.created_at < ${t}::timestamptz
      GROUP BY r.ticket_number
    ),
    again AS (
      SELECT c.actor_id, c.ticket_number, count(*) AS closes, bool_or(c.id < lf.last_reopen) AS reopened
      FROM closes c JOIN left_final lf ON lf.ticket_number = c.ticket_number
      GROUP BY c.actor_id, c.ticket_number
    ),
    -- closed = distinct tickets = all closes minus the repeated ones (counting distinct over every
    -- close of the period would hash tens of thousands of ticket numbers)
    closed AS (
      SELECT p.actor_id, p.closes - coalesce(sum(a.closes - 1), 0) AS closed, count(*) FILTER (WHERE a.reopened) AS reopened
      FROM per_agent p LEFT JOIN again a ON a.actor_id = p.actor_id
      GROUP BY p.actor_id, p.closes
    ),
    open AS (
      SELECT t.assignee_id, count(*) AS open FROM tickets t
      WHERE t.type = 'support' AND t.status IN ('open', 'in_progress', 'waiting_for_customer') AND t.assignee_id IS NOT NULL
      GROUP BY t.assignee_id
    )
    SELECT a.id, a.name, a.role, a.active,
      coalesce(o.open, 0)::int AS open, coalesce(c.closed, 0)::int AS closed, coalesce(c.reopened, 0)::int AS reopened
    FROM agents a
    LEFT JOIN closed c ON c.actor_id = a.id
    LEFT JOIN open o ON o.assignee_id = a.id
    ORDER BY a.name, a.id`,
  );

  // Per agent: one index range per agent (assignee, time), so the percentiles sort each agent's few
  // hundred values instead of sorting the whole period by assignee first; then once for the desk.
  const inPeriod = (column: "first_response_at" | "closed_at") =>
    sql`t.type = 'support' AND t.${sql.raw(column)} >= ${f}::timestamptz AND t.${sql.raw(column)} < ${t}::timestamptz`;
  const timesRead = rawRows<{ measure: "response" | "resolution"; assignee_id: string | null; desk: number; median: number | null; p90: number | null }>(
    db,
    sql`
    WITH agents AS (
      SELECT u.id FROM users u
      WHERE EXISTS (SELECT 1 FROM role_permissions rp WHERE rp.role_key = u.role_key AND rp.permission_key = 'ticket.assign_self')
    )
    SELECT 'response' AS measure, a.id AS assignee_id, 0 AS desk, r.median, r.p90 FROM agents a
    CROSS JOIN LATERAL (SELECT ${percentiles("first_response_at")} FROM tickets t WHERE t.assignee_id = a.id AND ${inPeriod("first_response_at")}) r
    UNION ALL
    SELECT 'resolution', a.id, 0, r.median, r.p90 FROM agents a
    CROSS JOIN LATERAL (SELECT ${percentiles("closed_at")} FROM tickets t WHERE t.assignee_id = a.id AND ${inPeriod("closed_at")}) r
    UNION ALL
    SELECT 'response', NULL, 1, ${percentiles("first_response_at")} FROM tickets t WHERE ${inPeriod("first_response_at")}
    UNION ALL
    SELECT 'resolution', NULL, 1, ${percentiles("closed_at")} FROM tickets t WHERE ${inPeriod("closed_at")}`,
  );

  type Day = { day: string; opened: number; closed: number };
  const countsRead = rawRows<{ open: number; unassigned: number; daily: Day[] | string }>(
    db,
    sql`
    WITH days AS (
      -- UTC days: 24 hours each, whatever the session's time zone
      SELECT d AS start FROM generate_series(${f}::timestamptz, ${t}::timestamptz - interval '24 hours', interval '24 hours') d
    )
    SELECT
      (SELECT count(*)::int FROM tickets t WHERE t.type = 'support' AND t.status IN ('open', 'in_progress', 'waiting_for_customer')) AS open,
      (SELECT count(*)::int FROM tickets t WHERE t.type = 'support' AND t.status = 'open' AND t.assignee_id IS NULL) AS unassigned,
      -- a count per day is an index-only range count (cheaper than converting and grouping every row)
      (SELECT json_agg(json_build_object(
          'day', to_char(d.start AT TIME ZONE 'UTC', 'YYYY-MM-DD'),
          'opened', (SELECT count(*) FROM tickets t WHERE t.type = 'support' AND t.created_at >= d.start AND t.created_at < d.start + interval '24 hours'),
          'closed', (SELECT count(*) FROM tickets t WHERE t.type = 'support' AND t.closed_at >= d.start AND t.closed_at < d.start + interval '24 hours')
        ) ORDER BY d.start)
       FROM days d) AS daily`,
  );

  const [agents, times, [counts]] = await Promise.all([agentsRead, timesRead, countsRead]);

  const pick = (measure: "response" | "resolution", assignee: string | null) => {
    const row = times.find((r) => r.measure === measure && (assignee === null ? Number(r.desk) === 1 : Number(r.desk) === 0 && r.assignee_id === assignee));
    return row ? { median: num(row.median), p90: num(row.p90) } : none();
  };
  const daily = (typeof counts!.daily === "string" ? JSON.parse(counts!.daily) : counts!.daily) as Day[];

  return {
    period: { days, from, to },
    agents: agents.map((a) => ({
      id: a.id,
      name: a.name,
      role: a.role,
      active: a.active,
      open: Number(a.open),
      closed: Number(a.closed),
      reopened: Number(a.reopened),
      reopenRate: Number(a.closed) > 0 ? Math.round((Number(a.reopened) / Number(a.closed)) * 1000) / 10 : null,
      firstResponse: pick("response", a.id),
      resolution: pick("resolution", a.id),
    })),
    desk: { open: Number(counts!.open), unassigned: Number(counts!.unassigned), firstResponse: pick("response", null), resolution: pick("resolution", null) },
    daily: daily.map((d) => ({ day: d.day, opened: Number(d.opened), closed: Number(d.closed) })),
  };
}
