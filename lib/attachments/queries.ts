import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { attachments, messages, tickets } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { attachmentVisibility } from "./access";
import { toAttachmentDto, type AttachmentDto } from "./dto";

export type TicketAttachments = {
  /** Files on the ticket itself (sent with the ticket's description). */
  ticket: AttachmentDto[];
  /** Files per message id; internal notes' files only for staff. */
  byMessage: Record<string, AttachmentDto[]>;
};

/** The attachments of a ticket the actor may see, grouped for the thread. */
export async function listTicketAttachments(actor: Actor, ticketId: string): Promise<TicketAttachments> {
  const db = await getDb();
  const rows = await db
    .select({
      id: attachments.id,
      ticketId: attachments.ticketId,
      messageId: attachments.messageId,
      filename: attachments.filename,
      size: attachments.size,
      mimeType: attachments.mimeType,
      uploaderId: attachments.uploaderId,
      createdAt: attachments.createdAt,
    })
    .from(attachments)
    .innerJoin(tickets, eq(tickets.id, attachments.ticketId))
    .leftJoin(messages, eq(messages.id, attachments.messageId))
    .where(and(eq(attachments.ticketId, ticketId), attachmentVisibility(actor)))
    .orderBy(asc(attachments.createdAt), asc(attachments.id));
  const result: TicketAttachments = { ticket: [], byMessage: {} };
  for (const row of rows) {
    const dto = toAttachmentDto(row);
    if (row.messageId) (result.byMessage[row.messageId] ??= []).push(dto);
    else result.ticket.push(dto);
  }
  return result;
}
