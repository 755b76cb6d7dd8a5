import { and, eq, isNull, or, sql, type SQL } from "drizzle-orm";
import type { Conn } from "@/db";
import { attachments, messages, tickets } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { ticketVisibility, seesInternal } from "@/lib/tickets/visibility";

/** Attachments an actor may see: on a visible ticket, and not on an internal note unless staff. */
export function attachmentVisibility(actor: Actor): SQL {
  const ticketOk = ticketVisibility(actor);
  if (seesInternal(actor)) return ticketOk;
  return and(ticketOk, or(isNull(attachments.messageId), eq(messages.visibility, "public")))!;
}

const ticketColumns = { id: tickets.id, number: tickets.number, status: tickets.status, requesterId: tickets.requesterId };

export async function findVisibleTicket(conn: Conn, actor: Actor, number: string) {
  const [row] = await conn
    .select(ticketColumns)
    .from(tickets)
    .where(and(eq(tickets.number, number), ticketVisibility(actor)));
  return row ?? null;
}

export async function findVisibleMessage(conn: Conn, actor: Actor, messageId: string) {
  const internalOk = seesInternal(actor) ? sql`true` : eq(messages.visibility, "public");
  const [row] = await conn
    .select({
      id: messages.id,
      authorId: messages.authorId,
      kind: messages.kind,
      visibility: messages.visibility,
      ticketId: tickets.id,
      number: tickets.number,
      status: tickets.status,
      requesterId: tickets.requesterId,
    })
    .from(messages)
    .innerJoin(tickets, eq(tickets.id, messages.ticketId))
    .where(and(eq(messages.id, messageId), ticketVisibility(actor), internalOk));
  return row ?? null;
}

export async function findVisibleAttachment(conn: Conn, actor: Actor, id: string) {
  const [row] = await conn
    .select({
      id: attachments.id,
      ticketId: attachments.ticketId,
      messageId: attachments.messageId,
      filename: attachments.filename,
      storageKey: attachments.storageKey,
      size: attachments.size,
      mimeType: attachments.mimeType,
      uploaderId: attachments.uploaderId,
      number: tickets.number,
      status: tickets.status,
      visibility: messages.visibility,
    })
    .from(attachments)
    .innerJoin(tickets, eq(tickets.id, attachments.ticketId))
    .leftJoin(messages, eq(messages.id, attachments.messageId))
    .where(and(eq(attachments.id, id), attachmentVisibility(actor)));
  return row ?? null;
}

/** Serialises uploads and deletions on one ticket, so the per-message limits hold under concurrency. */
export async function lockTicket(conn: Conn, ticketId: string) {
  await conn.select({ id: tickets.id }).from(tickets).where(eq(tickets.id, ticketId)).for("update");
}
