import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { users } from "@/db/schema";
import { now } from "@/lib/clock";
import { utcDate, yearOf } from "./dates";
import { queueInvoiceMails, type IssuedInvoice } from "./invoice-mail";
import { allocateInvoiceNumbers } from "./numbering";

export const today = () => utcDate(now());

/** Numbers an invoice and queues its mails (client and accounting list), in the caller's transaction. */
export async function numberAndAnnounce(
  tx: Tx,
  invoice: Omit<IssuedInvoice, "number" | "clientName" | "clientEmail">,
): Promise<IssuedInvoice> {
  const [number] = await allocateInvoiceNumbers(tx, yearOf(invoice.issuedOn), 1);
  const [client] = await tx.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, invoice.clientId));
  const issued = { ...invoice, number: number!, clientName: client!.name, clientEmail: client!.email };
  await queueInvoiceMails(tx, [issued]);
  return issued;
}
