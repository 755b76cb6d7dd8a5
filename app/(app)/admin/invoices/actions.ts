"use server";

import { createInvoice, deleteDraftInvoice, issueInvoice, updateInvoice, voidInvoice } from "@/lib/billing/invoices";
import { runBillingAs } from "@/lib/billing/run-manual";
import { createInvoiceSchema, invoiceIdSchema, runBillingSchema, updateInvoiceSchema, voidInvoiceSchema } from "@/lib/billing/schemas";
import { action, EVERYTHING, redirectTo } from "@/lib/http/action";
import { kickOutbox } from "@/lib/mail/kick";

/** Admins' invoice doors (lib/http/action.ts): session → domain (permission, rules, same schema as the form) → refresh. */

export const createInvoiceAction = action({ name: "create-invoice", input: createInvoiceSchema, revalidate: EVERYTHING }, async (actor, input) => {
  const { id } = await createInvoice(actor, input);
  kickOutbox();
  return redirectTo(`/admin/invoices/${id}`);
});

export const updateInvoiceAction = action({ name: "update-invoice", input: updateInvoiceSchema, revalidate: EVERYTHING }, async (actor, input) => {
  await updateInvoice(actor, input);
  return { message: "Saved." };
});

export const issueInvoiceAction = action({ name: "issue-invoice", input: invoiceIdSchema, revalidate: EVERYTHING }, async (actor, input) => {
  const { number } = await issueInvoice(actor, input);
  kickOutbox();
  return { message: `Issued as ${number}.` };
});

export const voidInvoiceAction = action({ name: "void-invoice", input: voidInvoiceSchema, revalidate: EVERYTHING }, async (actor, input) => {
  await voidInvoice(actor, input);
  return { message: "Voided." };
});

export const deleteDraftInvoiceAction = action({ name: "delete-draft-invoice", input: invoiceIdSchema, revalidate: EVERYTHING }, async (actor, input) => {
  await deleteDraftInvoice(actor, input);
  return redirectTo("/admin/invoices");
});

/** "Run billing for date": the daily job, by hand, for one date. */
export const runBillingAction = action({ name: "run-billing", input: runBillingSchema, revalidate: EVERYTHING }, async (actor, input) => {
  const { summary } = await runBillingAs(actor, input);
  kickOutbox();
  return { message: summary };
});
