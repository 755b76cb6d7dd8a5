import type { Conn } from "@/db";
import { invoiceEvents } from "@/db/schema";

export type InvoiceEventAction = "created" | "issued" | "edited" | "paid" | "unpaid" | "voided" | "draft_deleted";

/** Appends to an invoice's history (who, what, from → to, why). */
export async function recordInvoiceEvent(
  tx: Conn,
  e: { invoiceId: string | null; invoiceNumber: string | null; actorId: string | null; action: InvoiceEventAction; oldValue?: string | null; newValue?: string | null; comment?: string | null },
) {
  await tx.insert(invoiceEvents).values({
    invoiceId: e.invoiceId,
    invoiceNumber: e.invoiceNumber,
    actorId: e.actorId,
    action: e.action,
    oldValue: e.oldValue ?? null,
    newValue: e.newValue ?? null,
    comment: e.comment || null,
  });
}
