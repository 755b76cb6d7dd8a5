import { eq } from "drizzle-orm";
import type { Conn } from "@/db";
import { attachments, messages, tickets } from "@/db/schema";
import { HISTORY_ACTIONS, recordAttachmentHistory } from "./history";
import { getStorage } from "./storage";

/**
 * Deletes every attachment of a ticket — rows AND bytes. The ticket-delete code calls this inside
 * its transaction, BEFORE deleting the ticket row (the foreign key cascade would drop the rows and
 * lose the storage keys). With the Postgres driver the bytes go in the same transaction; an object
 * store is not transactional, so its objects are deleted right away (a rollback afterwards leaves
 * rows whose download answers "no longer available" — never bytes nobody can reach).
 */
export async function purgeTicketAttachments(tx: Conn, ticketId: string, actorId: string | null = null): Promise<{ count: number }> {
  const [ticket] = await tx.select({ number: tickets.number }).from(tickets).where(eq(tickets.id, ticketId));
  const removed = await tx
    .delete(attachments)
    .where(eq(attachments.ticketId, ticketId))
    .returning({ key: attachments.storageKey, size: attachments.size });
  if (!removed.length) return { count: 0 };
  await getStorage().delete(tx, removed.map((r) => r.key));
  if (ticket) {
    await recordAttachmentHistory(tx, [
      {
        ticketId,
        ticketNumber: ticket.number,
        actorId,
        action: HISTORY_ACTIONS.purged,
        newValue: String(removed.length),
        internal: false,
        details: { count: removed.length, bytes: removed.reduce((s, r) => s + r.size, 0) },
      },
    ]);
  }
  return { count: removed.length };
}

/** The same for one message (call before deleting the message row). */
export async function purgeMessageAttachments(tx: Conn, messageId: string): Promise<{ count: number }> {
  const [message] = await tx.select({ id: messages.id }).from(messages).where(eq(messages.id, messageId));
  if (!message) return { count: 0 };
  const removed = await tx.delete(attachments).where(eq(attachments.messageId, messageId)).returning({ key: attachments.storageKey });
  if (removed.length) await getStorage().delete(tx, removed.map((r) => r.key));
  return { count: removed.length };
}
