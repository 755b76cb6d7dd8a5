"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { actorOrThrow } from "@/lib/auth/session";
import { createInvoice, deleteDraftInvoice, issueInvoice, updateInvoice, voidInvoice } from "@/lib/billing/invoices";
import { runBillingAs } from "@/lib/billing/run-manual";
import { toActionError, type ActionResult } from "@/lib/errors";
import { kickOutbox } from "@/lib/mail/kick";

/** Admins' invoice doors: session → domain (permission, rules, same schema as the form) → refresh. */
function refresh() {
  revalidatePath("/", "layout");
}

export async function createInvoiceAction(input: unknown): Promise<ActionResult<never>> {
  let id: string;
  try {
    ({ id } = await createInvoice(await actorOrThrow(), input));
    kickOutbox();
    refresh();
  } catch (error) {
    return toActionError(error, "create-invoice");
  }
  redirect(`/admin/invoices/${id}`);
}

export async function updateInvoiceAction(input: unknown): Promise<ActionResult<{ message: string }>> {
  try {
    await updateInvoice(await actorOrThrow(), input);
    refresh();
    return { ok: true, data: { message: "Saved." } };
  } catch (error) {
    return toActionError(error, "update-invoice");
  }
}

export async function issueInvoiceAction(input: unknown): Promise<ActionResult<{ message: string }>> {
  try {
    const { number } = await issueInvoice(await actorOrThrow(), input);
    kickOutbox();
    refresh();
    return { ok: true, data: { message: `Issued as ${number}.` } };
  } catch (error) {
    return toActionError(error, "issue-invoice");
  }
}

export async function voidInvoiceAction(input: unknown): Promise<ActionResult<{ message: string }>> {
  try {
    await voidInvoice(await actorOrThrow(), input);
    refresh();
    return { ok: true, data: { message: "Voided." } };
  } catch (error) {
    return toActionError(error, "void-invoice");
  }
}

export async function deleteDraftInvoiceAction(input: unknown): Promise<ActionResult<never>> {
  try {
    await deleteDraftInvoice(await actorOrThrow(), input);
    refresh();
  } catch (error) {
    return toActionError(error, "delete-draft-invoice");
  }
  redirect("/admin/invoices");
}

/** "Run billing for date": the daily job, by hand, for one date. */
export async function runBillingAction(input: unknown): Promise<ActionResult<{ message: string }>> {
  try {
    const { summary } = await runBillingAs(await actorOrThrow(), input);
    kickOutbox();
    refresh();
    return { ok: true, data: { message: summary } };
  } catch (error) {
    return toActionError(error, "run-billing");
  }
}
