import { sql } from "drizzle-orm";
import { bigint, date, integer, pgTable, primaryKey, uuid } from "drizzle-orm/pg-core";

/*
 * Desk-statistics rollups per UTC day, kept by triggers on tickets and ticket_history (see
 * drizzle/0007_desk_stats_triggers.sql) in the writing transaction, at commit. The statistics page
 * reads a row per day instead of every ticket and history row of its period; every write path
 * (workflow, admin edits, deletes, raw SQL) is counted because the database does the counting.
 * `rebuild_desk_stats()` recomputes both from scratch (after a bulk load with triggers off).
 */

/** Support tickets opened (by created_at) and now closed (by closed_at, closed or won't fix) per day. */
export const deskDays = pgTable("desk_days", {
  day: date({ mode: "string" }).primaryKey(),
  opened: integer().notNull().default(0),
  closed: integer().notNull().default(0),
});

/**
 * Closes per agent and day: ticket_history rows (field status, action closed) by the agent. No
 * foreign key: rows are written at commit, and a rollup must never make a user's deletion fail.
 */
export const deskAgentDays = pgTable(
  "desk_agent_days",
  {
    day: date({ mode: "string" }).notNull(),
    agentId: uuid().notNull(),
    closes: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.agentId] })],
);

/**
 * Request → first public agent reply (by first_response_at's day) and request → close (by
 * closed_at's day) of support tickets, in whole seconds, per day and current assignee (the nil
 * UUID for nobody): the raw values, so the page's medians and 90th percentiles stay exact while it
 * reads a row per agent and day instead of every ticket of the period.
 */
export const NOBODY = "00000000-0000-0000-0000-000000000000";
export const deskDurations = pgTable(
  "desk_durations",
  {
    day: date({ mode: "string" }).notNull(),
    assigneeId: uuid().notNull(),
    responseSecs: bigint({ mode: "number" }).array().notNull().default(sql`'{}'::bigint[]`),
    resolutionSecs: bigint({ mode: "number" }).array().notNull().default(sql`'{}'::bigint[]`),
  },
  (t) => [primaryKey({ columns: [t.day, t.assigneeId] })],
);
