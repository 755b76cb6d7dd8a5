/**
 * Test helpers for the ticket suites (imported by *.int.test.ts only): a desk of users, tickets in
 * any state inserted directly, and a snapshot to prove that a refused action changed nothing.
 */
import { count, eq, sql } from "drizzle-orm";
import { expect } from "vitest";
import { getDb, rawRows } from "@/db";
import { companies, messages, notifications, ticketHistory, tickets } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { createUser } from "@/lib/test/factories";
import { nextTicketNumber } from "./numbering";
import { refreshSearchVector } from "./search";

export async function refusal(p: Promise<unknown>): Promise<AppError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

export type Desk = Record<"client" | "agent" | "agent_l2" | "manager" | "admin" | "accountant", Actor> & { companyId: string };

let companySeq = 0;
export async function createDesk(): Promise<Desk> {
  const db = await getDb();
  const [company] = await db.insert(companies).values({ name: `Company ${++companySeq} ${Math.random()}` }).returning({ id: companies.id });
  const companyId = company!.id;
  const [client, agent, agent_l2, manager, admin, accountant] = await Promise.all([
    createUser("client", { name: "Carla Client", companyId }),
    createUser("agent", { name: "Arne Agent" }),
    createUser("agent_l2", { name: "Lena Second" }),
    createUser("manager", { name: "Mona Manager" }),
    createUser("admin", { name: "Adam Admin" }),
    createUser("accountant", { name: "Aiko Accountant" }),
  ]);
  return { client: client!, agent: agent!, agent_l2: agent_l2!, manager: manager!, admin: admin!, accountant: accountant!, companyId };
}

export type TicketSeed = {
  requester: Actor;
  status?: "open" | "in_progress" | "waiting_for_customer" | "closed" | "wont_fix";
  assignee?: Actor | null;
  escalated?: boolean;
  priority?: "low" | "normal" | "high" | "critical";
  title?: string;
  body?: string;
  closedAt?: Date | null;
  createdAt?: Date;
  /** Add a public comment by this staff member (the explanation closing needs). */
  publicReplyBy?: Actor;
};

/** Inserts a ticket in any state, bypassing the workflow (for fixtures). */
export async function insertTicket(s: TicketSeed): Promise<{ id: string; number: string }> {
  const db = await getDb();
  const at = s.createdAt ?? now();
  return db.transaction(async (tx) => {
    const number = await nextTicketNumber(tx, at);
    const status = s.status ?? "open";
    const final = status === "closed" || status === "wont_fix";
    const [row] = await tx
      .insert(tickets)
      .values({
        number,
        title: s.title ?? `Printer on fire ${number}`,
        body: s.body ?? "It smells of toner.",
        status,
        priority: s.priority ?? "normal",
        requesterId: s.requester.id,
        assigneeId: s.assignee?.id ?? null,
        escalated: s.escalated ?? false,
        companyId: s.requester.companyId,
        closedAt: s.closedAt ?? (final ? at : null),
        wontFixReason: status === "wont_fix" ? "Out of scope" : null,
        createdAt: at,
        updatedAt: at,
        lastActivityAt: at,
      })
      .returning({ id: tickets.id });
    if (s.publicReplyBy) {
      await tx.insert(messages).values({ ticketId: row!.id, authorId: s.publicReplyBy.id, body: "Try turning it off and on again.", createdAt: at });
      await tx.update(tickets).set({ firstResponseAt: at }).where(eq(tickets.id, row!.id));
    }
    await refreshSearchVector(tx, row!.id);
    return { id: row!.id, number };
  });
}

/** Everything a refused action must leave untouched. */
export async function snapshot(ticketId: string) {
  const db = await getDb();
  const [row] = await db.select().from(tickets).where(eq(tickets.id, ticketId));
  const [h] = await db.select({ n: count() }).from(ticketHistory).where(eq(ticketHistory.ticketId, ticketId));
  const [m] = await db.select({ n: count() }).from(messages).where(eq(messages.ticketId, ticketId));
  const [n] = await db.select({ n: count() }).from(notifications);
  return { row, history: h!.n, messages: m!.n, notifications: n!.n };
}

/** Every notification (e-mail and in-app) queued to a user. */
export async function notificationsOf(userId: string) {
  const db = await getDb();
  return db
    .select({ channel: notifications.channel, type: notifications.type, subject: notifications.subject, text: notifications.text, html: notifications.html, emailMessageId: notifications.emailMessageId, toAddress: notifications.toAddress })
    .from(notifications)
    .where(eq(notifications.recipientId, userId));
}

export async function historyOf(ticketId: string) {
  const db = await getDb();
  return db.select().from(ticketHistory).where(eq(ticketHistory.ticketId, ticketId)).orderBy(ticketHistory.id);
}

type DayRow = { day: string; opened: number; closed: number };
type AgentRow = { day: string; agent_id: string; closes: number };
/** The desk-statistics rollup rows (db/schema/stats.ts), non-empty ones, duration lists sorted. */
export async function deskRollups() {
  const db = await getDb();
  const days = await rawRows<DayRow>(db, sql`SELECT to_char(day, 'YYYY-MM-DD') AS day, opened, closed FROM desk_days WHERE opened <> 0 OR closed <> 0 ORDER BY day`);
  const agents = await rawRows<AgentRow>(db, sql`SELECT to_char(day, 'YYYY-MM-DD') AS day, agent_id, closes FROM desk_agent_days WHERE closes <> 0 ORDER BY day, agent_id`);
  // the lists are multisets: compared sorted, empty rows left out
  const durations = await rawRows<{ day: string; assignee_id: string; response: string; resolution: string }>(
    db,
    sql`SELECT to_char(day, 'YYYY-MM-DD') AS day, assignee_id,
        (SELECT coalesce(string_agg(v::text, ',' ORDER BY v), '') FROM unnest(response_secs) v) AS response,
        (SELECT coalesce(string_agg(v::text, ',' ORDER BY v), '') FROM unnest(resolution_secs) v) AS resolution
      FROM desk_durations WHERE cardinality(response_secs) + cardinality(resolution_secs) > 0 ORDER BY day, assignee_id`,
  );
  return { days, agents, durations };
}
