import { and, eq, inArray, sql } from "drizzle-orm";
import { rawRows, type Conn } from "@/db";
import { departments } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { now } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { queueInApp } from "@/lib/mail/outbox";
import { recordHistoryMany, statusEntry } from "@/lib/tickets/history";

/**
 * Every chosen department must exist and be active; one the agent already belongs to may stay even
 * if it was deactivated since.
 */
export async function checkDepartments(tx: Conn, chosen: string[], kept: string[]): Promise<void> {
  const wanted = [...new Set(chosen)].filter((id) => !kept.includes(id));
  if (wanted.length === 0) return;
  const found = await tx
    .select({ id: departments.id })
    .from(departments)
    .where(and(inArray(departments.id, wanted), eq(departments.isActive, true)));
  if (found.length !== wanted.length) {
    throw new AppError("invalid", "Check the highlighted fields.", { departmentIds: "Choose active departments from the list." });
  }
}

/**
 * A deactivated agent can no longer work: their open, in-progress and waiting support tickets go back
 * to the queue (status open, no assignee), one history row each, and the manager gets one in-app note.
 * Returns the ticket numbers.
 */
export async function releaseTickets(tx: Conn, actor: Actor, agent: { id: string; name: string }): Promise<string[]> {
  const rows = await rawRows<{ id: string; number: string; status: string }>(
    tx,
    sql`WITH old AS (
          SELECT t.id, t.status::text AS status FROM tickets t
          WHERE t.assignee_id = ${agent.id} AND t.type = 'support'
            AND t.status IN ('open', 'in_progress', 'waiting_for_customer')
          FOR UPDATE OF t
        )
        UPDATE tickets SET status = 'open', assignee_id = NULL, updated_at = ${now().toISOString()}::timestamptz
        FROM old WHERE tickets.id = old.id
        RETURNING tickets.id, tickets.number, old.status`,
  );
  if (rows.length === 0) return [];
  await recordHistoryMany(
    tx,
    rows.map((r) => ({
      ticket: { id: r.id, number: r.number },
      entry: { ...statusEntry("deassigned", r.status, "open", `Unassigned from ${agent.name} (agent deactivated).`), extra: { previousAssigneeId: agent.id } },
    })),
    actor.id,
  );
  const numbers = rows.map((r) => r.number).sort();
  await queueInApp(tx, {
    type: "agent.tickets_released",
    recipientId: actor.id,
    subject: `${numbers.length} ticket(s) of ${agent.name} returned to the queue`,
    text: `${agent.name} was deactivated: ${numbers.join(", ")} are open again.`,
    link: "/tickets",
  });
  return numbers;
}
