import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionButton } from "@/components/billing/action-button";
import { InvoiceStatusBadge } from "@/components/billing/status-badge";
import { Card, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/session";
import { minorToDecimal } from "@/lib/billing/money";
import { getInvoice } from "@/lib/billing/queries";
import { AppError } from "@/lib/errors";
import { deleteDraftInvoiceAction, issueInvoiceAction } from "../actions";
import { EditInvoiceForm, VoidInvoiceForm } from "../invoice-forms";

export const metadata: Metadata = { title: "Manage invoice" };

export default async function ManageInvoicePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor("invoice.manage");
  const { id } = await params;
  const inv = await getInvoice(actor, id).catch((e: unknown) => {
    if (e instanceof AppError && e.code === "not_found") notFound();
    throw e;
  });
  const editable = inv.status === "draft" || inv.status === "unpaid";
  return (
    <>
      <PageHeader
        title={inv.number ? `Invoice ${inv.number}` : "Draft invoice"}
        description={
          <span className="flex gap-4">
            <Link href="/admin/invoices" className="text-brand-600 hover:underline">← Invoices</Link>
            <Link href={`/invoices/${inv.id}`} className="text-brand-600 hover:underline">View, history and payment</Link>
          </span>
        }
        actions={<InvoiceStatusBadge status={inv.status} overdue={inv.overdue} />}
      />
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <Card title={editable ? "Edit" : "Details"} description={`${inv.clientName} <${inv.clientEmail}>`}>
          {editable ? (
            <EditInvoiceForm
              issued={inv.status !== "draft"}
              values={{
                invoiceId: inv.id,
                description: inv.description,
                amount: minorToDecimal(inv.amountMinor, inv.currency),
                currency: inv.currency,
                dueOn: inv.dueOn ?? "",
                periodStart: inv.periodStart ?? "",
                periodEnd: inv.periodEnd ?? "",
              }}
            />
          ) : (
            <p className="text-sm text-slate-600">A {inv.status} invoice cannot be edited.</p>
          )}
        </Card>
        <div className="space-y-6">
          {inv.status === "draft" ? (
            <Card title="Draft" description="Issuing numbers it and mails it to the client and the accounting list. A draft can also be deleted (recorded).">
              <div className="flex flex-wrap gap-3">
                <ActionButton action={issueInvoiceAction} input={{ invoiceId: inv.id }} label="Issue invoice" variant="primary" />
                <ActionButton action={deleteDraftInvoiceAction} input={{ invoiceId: inv.id }} label="Delete draft" variant="danger" confirm="Delete this draft?" />
              </div>
            </Card>
          ) : null}
          {inv.status === "unpaid" ? (
            <Card title="Void" description="An issued invoice is never deleted: voiding cancels it and keeps it in the records.">
              <VoidInvoiceForm invoiceId={inv.id} />
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
