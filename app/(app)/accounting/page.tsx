import type { Metadata } from "next";
import { ActionButton } from "@/components/billing/action-button";
import { InvoiceFilterForm } from "@/components/billing/invoice-filters";
import { InvoiceTable, InvoiceTotalsBar } from "@/components/billing/invoice-table";
import { NextPage } from "@/components/billing/pager";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/actor";
import { requireActor } from "@/lib/auth/session";
import { today } from "@/lib/billing/invoice-issue";
import { filterParams } from "@/lib/billing/invoice-filters";
import { listInvoices } from "@/lib/billing/queries";
import { invoiceFilterSchema, type InvoiceFilters } from "@/lib/billing/schemas";
import { readSearchParams, type SearchParams } from "@/lib/search-params";
import { markInvoicePaidAction } from "../invoices/actions";

export const metadata: Metadata = { title: "Accounting" };

/** The accountant's home: every issued invoice, filtered and totalled on the server, exported as CSV. */
export default async function AccountingPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor("invoice.view_all");
  const raw = readSearchParams(await searchParams, invoiceFilterSchema.shape);
  const filters: InvoiceFilters = { ...raw, status: raw.status === "draft" ? undefined : raw.status };
  const { rows, nextCursor, totals } = await listInvoices(actor, filters);
  const params = filterParams(filters);
  const day = today();
  const setsStatus = can(actor, "invoice.set_status");
  return (
    <>
      <PageHeader title="Accounting" description="Every invoice issued: filter, check the totals, record payments and export what you filtered." />
      <InvoiceFilterForm action="/accounting" filters={filters} staff exportHref={`/api/invoices/export?${params}`} />
      <InvoiceTotalsBar totals={totals} />
      {rows.length === 0 ? (
        <EmptyState title="No invoice matches these filters" />
      ) : (
        <InvoiceTable
          rows={rows}
          showClient
          actions={(r) =>
            setsStatus && r.status === "unpaid" ? (
              <ActionButton action={markInvoicePaidAction} input={{ invoiceId: r.id, paidOn: day, comment: "" }} label="Mark paid" ariaLabel={`Mark ${r.number} paid`} pendingLabel="Saving…" />
            ) : null
          }
        />
      )}
      <NextPage path="/accounting" params={params} cursor={nextCursor} />
    </>
  );
}
