import "server-only";
import { sql } from "drizzle-orm";
import { getDb, rawRows } from "@/db";
import { assertCan, type Actor } from "@/lib/auth/actor";
import { now as clockNow } from "@/lib/clock";

/**
 * The manager's dashboard (seed 002, SPEC §7), support tickets only. Definitions:
 * - open: tickets now assigned to the agent and open / in progress / waiting.
 * - closed: tickets the agent closed (distinct tickets with a "closed" history row by them).
 * - reopened: of those, tickets reopened after the agent closed them; reopenRate = reopened / closed in %.
 * - firstResponse: request (created_at) → first public agent reply (first_response_at);
 *   resolution: request → closed_at (closed or won't fix). Median and 90th percentile in seconds
 *   (percentile_cont, interpolated), per current assignee and for the whole desk.
 * - daily: tickets opened and closed per UTC day over the last 30 days, today included.
 * Agents are users whose role may take tickets (ticket.assign_self).
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
  agents: AgentStats[];
  desk: { open: number; unassigned: number; firstResponse: Percentiles; resolution: Percentiles };
  daily: { day: string; opened: number; closed: number }[];
};

type TimeRow = { resp_median: number | null; resp_p90: number | null; res_median: number | null; res_p90: number | null };

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const pct = (r: TimeRow) => ({
  firstResponse: { median: num(r.resp_median), p90: num(r.resp_p90) },
  resolution: { median: num(r.res_median), p90: num(r.res_p90) },
});

const TIMES = sql`
  percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM t.first_response_at - t.created_at)::float8)
    FILTER (WHERE t.first_response_at IS NOT NULL) AS resp_median,
  percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM t.first_response_at - t.created_at)::float8)
    FILTER (WHERE t.first_response_at IS NOT NULL) AS resp_p90,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM t.closed_at - t.created_at)::float8)
    FILTER (WHERE t.closed_at IS NOT NULL) AS res_median,
  percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM t.closed_at - t.created_at)::float8)
    FILTER (WHERE t.closed_at IS NOT NULL) AS res_p90`;

export async function getDeskStats(actor: Actor, opts: { now?: Date } = {}): Promise<DeskStats> {
  assertCan(actor, "stats.view", "Only managers can see desk statistics.");
  const at = (opts.now ?? clockNow()).toISOString();
  const db = await getDb();

  const agents = await rawRows<TimeRow & { id: string; name: string; role: string; active: boolean; open: number; closed: number; reopened: number }>(
    db,
    sql`
    WITH agents AS (
      SELECT u.id, u.name, u.role_key AS role, u.active FROM users u
      WHERE EXISTS (SELECT 1 FROM role_permissions rp WHERE rp.role_key = u.role_key AND rp.permission_key = 'ticket.assign_self')
    ),
    closes AS (
      SELECT h.actor_id, h.ticket_number, h.id, h.created_at FROM ticket_history h
      WHERE h.action = 'closed' AND h.field = 'status'
    ),
    closed AS (
      SELECT c.actor_id, count(DISTINCT c.ticket_number) AS closed,
        count(DISTINCT c.ticket_number) FILTER (WHERE EXISTS (
          SELECT 1 FROM ticket_history r
          WHERE r.ticket_number = c.ticket_number AND r.action = 'reopened' AND r.id > c.id
        )) AS reopened
      FROM closes c GROUP BY c.actor_id
    ),
    times AS (
      SELECT t.assignee_id,
        count(*) FILTER (WHERE t.status IN ('open', 'in_progress', 'waiting_for_customer')) AS open,
        ${TIMES}
      FROM tickets t WHERE t.type = 'support' AND t.assignee_id IS NOT NULL GROUP BY t.assignee_id
    )
    SELECT a.id, a.name, a.role, a.active,
      coalesce(tm.open, 0)::int AS open, coalesce(c.closed, 0)::int AS closed, coalesce(c.reopened, 0)::int AS reopened,
      tm.resp_median, tm.resp_p90, tm.res_median, tm.res_p90
    FROM agents a
    LEFT JOIN closed c ON c.actor_id = a.id
    LEFT JOIN times tm ON tm.assignee_id = a.id
    ORDER BY a.name, a.id`,
  );

  const [desk] = await rawRows<TimeRow & { open: number; unassigned: number }>(
    db,
    sql`SELECT
      count(*) FILTER (WHERE t.status IN ('open', 'in_progress', 'waiting_for_customer'))::int AS open,
      count(*) FILTER (WHERE t.status = 'open' AND t.assignee_id IS NULL)::int AS unassigned,
      ${TIMES}
    FROM tickets t WHERE t.type = 'support'`,
  );

  const daily = await rawRows<{ day: string; opened: number; closed: number }>(
    db,
    sql`
    WITH days AS (
      SELECT generate_series((${at}::timestamptz AT TIME ZONE 'UTC')::date - 29, (${at}::timestamptz AT TIME ZONE 'UTC')::date, interval '1 day')::date AS day
    )
    SELECT to_char(d.day, 'YYYY-MM-DD') AS day,
      (SELECT count(*) FROM tickets t WHERE t.type = 'support'
         AND t.created_at >= d.day::timestamp AT TIME ZONE 'UTC' AND t.created_at < (d.day + 1)::timestamp AT TIME ZONE 'UTC')::int AS opened,
      (SELECT count(*) FROM tickets t WHERE t.type = 'support'
         AND t.closed_at >= d.day::timestamp AT TIME ZONE 'UTC' AND t.closed_at < (d.day + 1)::timestamp AT TIME ZONE 'UTC')::int AS closed
    FROM days d ORDER BY d.day`,
  );

  return {
    agents: agents.map((a) => ({
      id: a.id,
      name: a.name,
      role: a.role,
      active: a.active,
      open: Number(a.open),
      closed: Number(a.closed),
      reopened: Number(a.reopened),
      reopenRate: Number(a.closed) > 0 ? Math.round((Number(a.reopened) / Number(a.closed)) * 1000) / 10 : null,
      ...pct(a),
    })),
    desk: { open: Number(desk!.open), unassigned: Number(desk!.unassigned), ...pct(desk!) },
    daily: daily.map((d) => ({ day: d.day, opened: Number(d.opened), closed: Number(d.closed) })),
  };
}
