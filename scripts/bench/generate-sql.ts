import { COMMON_WORD, MEDIUM_SHARE, MEDIUM_WORD, RARE_WORD, SENTENCE_COUNT, TITLE_COUNT } from "./vocabulary";

/**
 * The SQL of one generator batch: tickets g = from..to, computed entirely in the database from
 * generate_series and random() (seeded per batch). Only numbers and ISO timestamps the generator
 * computed itself are spliced into the text. Shape of the data:
 * - created_at evenly over the span (so ~N/days tickets a day), numbers TKT-YYYYMMDD-NNNN per UTC day;
 * - ~4.5% still active (60% of the last two days' tickets): ~2% open (the queue), then in progress
 *   and waiting; the rest closed (3% of those won't fix); 15% of active and 5% of done escalated;
 * - priorities 5% critical, 15% high, 60% normal, 20% low; requesters skewed (the first client
 *   has ~6% of all tickets); 10% without department;
 * - 0..2×ratio messages per ticket (mean = ratio); a third of staff messages are internal notes,
 *   which are NOT part of search_vector (as in lib/tickets/search.ts);
 * - history: created, taken, escalated, closed (+ an earlier close and a reopen for 3% of closed
 *   tickets) or won't fix — the rows the stats page reads.
 */
export type BatchPlan = {
  from: number;
  to: number;
  seed: number;
  /** Midnight UTC of the first day, ISO. */
  startIso: string;
  nowIso: string;
  stepUs: number;
  /** Tickets from this g on are "the last two days". */
  recentFrom: number;
  messageRatio: number;
  rareEvery: number;
};

const n = (v: number) => {
  if (!Number.isFinite(v)) throw new Error(`Not a number: ${v}`);
  return String(v);
};

export function stageSql(p: BatchPlan): string {
  const created = `('${p.startIso}'::timestamptz + (x.g::bigint * ${n(p.stepUs)}) * interval '1 microsecond')`;
  const day = `((x.g::bigint * ${n(p.stepUs)}) / 86400000000)`;
  const firstOfDay = `((${day} * 86400000000 + ${n(p.stepUs)} - 1) / ${n(p.stepUs)})`;
  const seq = `(x.g - ${firstOfDay} + 1)`;
  const active = `(CASE WHEN x.g >= ${n(p.recentFrom)} THEN x.r_state < 0.6 ELSE x.r_state < 0.045 END)`;
  const status = `(CASE WHEN NOT ${active} THEN (CASE WHEN x.r_status < 0.03 THEN 'wont_fix' ELSE 'closed' END)
    WHEN x.r_status < 0.45 THEN 'open' WHEN x.r_status < 0.85 THEN 'in_progress' ELSE 'waiting_for_customer' END)`;
  const rare = `(x.g % ${n(p.rareEvery)} = 7)`;
  return `
CREATE TEMP TABLE bench_stage ON COMMIT DROP AS
WITH people AS (
  SELECT array_agg(id ORDER BY email) FILTER (WHERE role_key = 'client') AS clients,
         array_agg(id ORDER BY email) FILTER (WHERE role_key = 'agent') AS l1,
         array_agg(id ORDER BY email) FILTER (WHERE role_key = 'agent_l2') AS l2
  FROM users WHERE email LIKE '%@bench.example'
), depts AS (SELECT array_agg(id ORDER BY name) AS ids FROM departments)
SELECT y.*,
  CASE WHEN y.status IN ('closed', 'wont_fix')
    THEN greatest(y.created_at, least(y.created_at + interval '20 minutes' + y.r_res * y.r_res * interval '10 days', '${p.nowIso}'::timestamptz - interval '1 minute'))
  END AS closed_at,
  CASE WHEN y.status <> 'open' OR y.r_resp < 0.1
    THEN least(y.created_at + interval '2 minutes' + y.r_resp * y.r_resp * y.r_resp * interval '2 days',
               greatest(y.created_at, '${p.nowIso}'::timestamptz - interval '1 minute'))
  END AS first_response_at
FROM (
  SELECT x.g, gen_random_uuid() AS id, ${created} AS created_at, x.r_res, x.r_resp,
    'TKT-' || to_char(('${p.startIso}'::timestamptz AT TIME ZONE 'UTC')::date + ${day}::int, 'YYYYMMDD') || '-' ||
      lpad(${seq}::text, greatest(4, length(${seq}::text)), '0') AS number,
    ${status}::ticket_status AS status,
    (CASE WHEN x.r_prio < 0.05 THEN 'critical' WHEN x.r_prio < 0.20 THEN 'high' WHEN x.r_prio < 0.80 THEN 'normal' ELSE 'low' END)::ticket_priority AS priority,
    (CASE WHEN ${active} THEN x.r_esc < 0.15 ELSE x.r_esc < 0.05 END) AS escalated,
    p.clients[1 + floor(x.r_client * x.r_client * cardinality(p.clients))::int] AS requester_id,
    CASE WHEN ${status} = 'open' THEN NULL
         WHEN (CASE WHEN ${active} THEN x.r_esc < 0.15 ELSE x.r_esc < 0.05 END) THEN p.l2[1 + floor(x.r_agent * cardinality(p.l2))::int]
         ELSE p.l1[1 + floor(power(x.r_agent, 1.3) * cardinality(p.l1))::int] END AS assignee_id,
    CASE WHEN x.r_dept < 0.1 THEN NULL ELSE d.ids[1 + floor(x.r_dept * cardinality(d.ids))::int] END AS department_id,
    (CASE WHEN x.r_chan < 0.8 THEN 'web' WHEN x.r_chan < 0.98 THEN 'email' ELSE 'api' END)::ticket_channel AS channel,
    (CASE WHEN ${status} = 'closed' AND x.r_reopen < 0.03 THEN 1 ELSE 0 END) AS reopen_count,
    floor(x.r_msgs * ${n(2 * p.messageRatio + 1)})::int AS msg_count,
    t.t || CASE WHEN x.r_common < 0.3 AND x.r_where < 0.3 THEN ' ${COMMON_WORD}' ELSE '' END
        || CASE WHEN ${rare} AND (x.g / ${n(p.rareEvery)}) % 2 = 0 THEN ' ${RARE_WORD}' ELSE '' END AS title,
    b1.s || ' ' || b2.s || ' ' || b3.s
        || CASE WHEN x.r_common < 0.3 AND x.r_where >= 0.3 THEN ' The ${COMMON_WORD} is involved.' ELSE '' END
        || CASE WHEN x.r_medium < ${MEDIUM_SHARE} THEN ' Probably the ${MEDIUM_WORD} again.' ELSE '' END
        || CASE WHEN ${rare} AND (x.g / ${n(p.rareEvery)}) % 2 = 1 THEN ' It sounds like a ${RARE_WORD}.' ELSE '' END AS body
  FROM (
    SELECT g, random() AS r_state, random() AS r_status, random() AS r_prio, random() AS r_esc, random() AS r_client,
      random() AS r_agent, random() AS r_dept, random() AS r_chan, random() AS r_reopen, random() AS r_msgs,
      random() AS r_common, random() AS r_where, random() AS r_res, random() AS r_resp, random() AS r_medium,
      floor(random() * ${TITLE_COUNT})::int AS ti, floor(random() * ${SENTENCE_COUNT})::int AS s1,
      floor(random() * ${SENTENCE_COUNT})::int AS s2, floor(random() * ${SENTENCE_COUNT})::int AS s3
    FROM generate_series(${n(p.from)}, ${n(p.to)}) g
  ) x
  CROSS JOIN people p CROSS JOIN depts d
  JOIN bench_titles t ON t.i = x.ti
  JOIN bench_sentences b1 ON b1.i = x.s1 JOIN bench_sentences b2 ON b2.i = x.s2 JOIN bench_sentences b3 ON b3.i = x.s3
) y`;
}

export function stageMessagesSql(p: BatchPlan): string {
  return `
CREATE TEMP TABLE bench_stage_msg ON COMMIT DROP AS
SELECT z.g, z.ticket_id, z.id, z.created_at, z.author_id, z.visibility::message_visibility AS visibility, m1.s || ' ' || m2.s AS body
FROM (
  SELECT s.g, s.id AS ticket_id, gen_random_uuid() AS id,
    s.created_at + (k + 1) * ((coalesce(s.closed_at, '${p.nowIso}'::timestamptz) - s.created_at) / (s.msg_count + 1)) AS created_at,
    CASE WHEN k % 2 = 0 AND s.assignee_id IS NOT NULL THEN s.assignee_id ELSE s.requester_id END AS author_id,
    CASE WHEN k % 2 = 0 AND s.assignee_id IS NOT NULL AND random() < 0.33 THEN 'internal' ELSE 'public' END AS visibility,
    floor(random() * ${SENTENCE_COUNT})::int AS i1, floor(random() * ${SENTENCE_COUNT})::int AS i2
  FROM bench_stage s CROSS JOIN LATERAL generate_series(0, s.msg_count - 1) k
) z
JOIN bench_sentences m1 ON m1.i = z.i1 JOIN bench_sentences m2 ON m2.i = z.i2`;
}

/** Same document as refreshSearchVector: title (A) || body (B) || public thread in order (C). */
export const insertTicketsSql = `
INSERT INTO tickets (id, number, type, title, body, status, priority, department_id, requester_id, assignee_id, escalated,
  channel, created_at, updated_at, last_activity_at, first_response_at, closed_at, reopen_count, wont_fix_reason, search_vector)
SELECT s.id, s.number, 'support', s.title, s.body, s.status, s.priority, s.department_id, s.requester_id, s.assignee_id, s.escalated,
  s.channel, s.created_at, la.at, la.at, s.first_response_at, s.closed_at, s.reopen_count,
  CASE WHEN s.status = 'wont_fix' THEN 'Out of scope for support.' END,
  setweight(to_tsvector('english'::regconfig, s.title), 'A')
    || setweight(to_tsvector('english'::regconfig, s.body), 'B')
    || setweight(to_tsvector('english'::regconfig, coalesce(pm.thread, '')), 'C')
FROM bench_stage s
LEFT JOIN (SELECT g, string_agg(body, ' ' ORDER BY created_at, id) AS thread, max(created_at) AS last_at
           FROM bench_stage_msg WHERE visibility = 'public' GROUP BY g) pm ON pm.g = s.g
CROSS JOIN LATERAL (SELECT greatest(s.created_at, s.first_response_at, s.closed_at, pm.last_at) AS at) la`;

export const insertMessagesSql = `
INSERT INTO messages (id, ticket_id, author_id, body, visibility, kind, created_at)
SELECT id, ticket_id, author_id, body, visibility, 'comment', created_at FROM bench_stage_msg`;

export const insertHistorySql = `
INSERT INTO ticket_history (ticket_id, ticket_number, actor_id, action, field, old_value, new_value, comment, metadata, created_at)
SELECT s.id, s.number, s.requester_id, 'created', 'status', NULL, 'open', s.title,
  jsonb_build_object('channel', s.channel, 'priority', s.priority), s.created_at FROM bench_stage s
UNION ALL
SELECT s.id, s.number, s.assignee_id, 'taken', 'assignee', NULL, u.name, NULL, jsonb_build_object('channel', 'web', 'assigneeId', s.assignee_id),
  s.created_at + (coalesce(s.first_response_at, s.created_at + interval '1 hour') - s.created_at) / 2
FROM bench_stage s JOIN users u ON u.id = s.assignee_id
UNION ALL
SELECT s.id, s.number, s.assignee_id, 'escalated', 'escalated', 'false', 'true', NULL, '{"channel":"web"}'::jsonb,
  s.created_at + (coalesce(s.first_response_at, s.created_at + interval '1 hour') - s.created_at) * 0.75
FROM bench_stage s WHERE s.escalated
UNION ALL
SELECT s.id, s.number, s.assignee_id, 'closed', 'status', 'in_progress', 'closed', NULL, '{"channel":"web"}'::jsonb,
  s.created_at + (s.closed_at - s.created_at) / 3
FROM bench_stage s WHERE s.reopen_count > 0
UNION ALL
SELECT s.id, s.number, s.requester_id, 'reopened', 'status', 'closed', 'in_progress', NULL, '{"channel":"web","reopenCount":1}'::jsonb,
  s.created_at + (s.closed_at - s.created_at) / 2
FROM bench_stage s WHERE s.reopen_count > 0
UNION ALL
SELECT s.id, s.number, CASE WHEN s.status = 'closed' THEN s.assignee_id ELSE (SELECT id FROM users WHERE role_key = 'manager' ORDER BY email LIMIT 1) END,
  s.status::text, 'status', 'in_progress', s.status::text, CASE WHEN s.status = 'wont_fix' THEN 'Out of scope for support.' END,
  '{"channel":"web"}'::jsonb, s.closed_at
FROM bench_stage s WHERE s.status IN ('closed', 'wont_fix')`;
