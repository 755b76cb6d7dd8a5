import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { attachments } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { findVisibleAttachment, lockTicket } from "./access";
import { isUuid } from "@/lib/input";
import type { RequestMeta } from "./dto";
import { attachmentNotFound } from "./errors";
import { HISTORY_ACTIONS, recordAttachmentHistory } from "./history";
import { assertMayDelete } from "./rules";
import { getStorage } from "./storage";

/** DELETE /api/attachments/[id]: the uploader (while the ticket takes replies) or a ticket manager. */
export async function deleteAttachment(actor: Actor, input: { id: string; meta?: RequestMeta }): Promise<{ id: string }> {
  if (!isUuid(input.id)) throw attachmentNotFound();
  const db = await getDb();
  const storage = getStorage();
  const found = await findVisibleAttachment(db, actor, input.id);
  if (!found) throw attachmentNotFound();
  const key = await db.transaction(async (tx) => {
    await lockTicket(tx, found.ticketId);
    const row = await findVisibleAttachment(tx, actor, input.id);
    if (!row) throw attachmentNotFound();
    assertMayDelete(actor, row);
    const deleted = await tx.delete(attachments).where(eq(attachments.id, row.id)).returning({ id: attachments.id });
    if (!deleted.length) throw attachmentNotFound();
    if (storage.transactional) await storage.delete(tx, [row.storageKey]);
    await recordAttachmentHistory(tx, [
      {
        ticketId: row.ticketId,
        ticketNumber: row.number,
        actorId: actor.id,
        action: HISTORY_ACTIONS.deleted,
        oldValue: row.filename,
        internal: row.visibility === "internal",
        details: { attachmentId: row.id, messageId: row.messageId, size: row.size, mimeType: row.mimeType },
        meta: input.meta,
      },
    ]);
    return row.storageKey;
  });
  // Object stores are outside the transaction: remove the bytes once the row is gone for good.
  if (!storage.transactional) await storage.delete(db, [key]);
  return { id: input.id };
}
