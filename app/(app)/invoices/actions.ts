"use server";

import { markInvoicePaid, markInvoiceUnpaid } from "@/lib/billing/invoice-status";
import { markPaidSchema, markUnpaidSchema } from "@/lib/billing/schemas";
import { action, EVERYTHING } from "@/lib/http/action";
import { kickOutbox } from "@/lib/mail/kick";

/** Accountants' status changes (lib/http/action.ts): session → domain (same schema as the form, permission, history) → refresh. */

export const markInvoicePaidAction = action({ name: "mark-invoice-paid", input: markPaidSchema, revalidate: EVERYTHING }, async (actor, input) => {
  await markInvoicePaid(actor, input);
  kickOutbox();
  return { message: "Marked paid." };
});

export const markInvoiceUnpaidAction = action({ name: "mark-invoice-unpaid", input: markUnpaidSchema, revalidate: EVERYTHING }, async (actor, input) => {
  await markInvoiceUnpaid(actor, input);
  return { message: "Marked unpaid." };
});
