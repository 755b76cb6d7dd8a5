"use server";

import { revalidatePath } from "next/cache";
import { actorOrThrow } from "@/lib/auth/session";
import { markInvoicePaid, markInvoiceUnpaid } from "@/lib/billing/invoice-status";
import { toActionError, type ActionResult } from "@/lib/errors";
import { kickOutbox } from "@/lib/mail/kick";

/** Accountants' status changes: session → domain (same schema as the form, permission, history) → refresh. */
export async function markInvoicePaidAction(input: unknown): Promise<ActionResult<{ message: string }>> {
  try {
    await markInvoicePaid(await actorOrThrow(), input);
    kickOutbox();
    revalidatePath("/", "layout");
    return { ok: true, data: { message: "Marked paid." } };
  } catch (error) {
    return toActionError(error, "mark-invoice-paid");
  }
}

export async function markInvoiceUnpaidAction(input: unknown): Promise<ActionResult<{ message: string }>> {
  try {
    await markInvoiceUnpaid(await actorOrThrow(), input);
    revalidatePath("/", "layout");
    return { ok: true, data: { message: "Marked unpaid." } };
  } catch (error) {
    return toActionError(error, "mark-invoice-unpaid");
  }
}
