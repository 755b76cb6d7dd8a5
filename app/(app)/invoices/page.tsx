import type { Metadata } from "next";
import { InvoiceFilterForm } from "@/components/billing/invoice-filters";
import { InvoiceTable } from "@/components/billing/invoice-table";
import { NextPage } from "@/components/billing/pager";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/session";
import { filterParams } from "@/lib/billing/invoice-filters";
import { listInvoices } from "@/lib/billing/queries";
import { invoiceFilterSchema, type InvoiceFilters } from "@/lib/billing/schemas";
import { readSearchParams, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "My invoices" };

export default async function MyInvoicesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor("invoice.view_own");
  const raw = readSearchParams(await searchParams, invoiceFilterSchema.shape);
  // A client's list: only the status and overdue filters apply (visibility keeps it to their own).
  const filters: InvoiceFilters = { status: raw.status === "draft" ? undefined : raw.status, overdue: raw.overdue, cursor: raw.cursor };
  const { rows, nextCursor } = await listInvoices(actor, filters, { mine: true });
  return (
    <>
      <PageHeader title="My invoices" description="Every invoice we issued to you. Download any of them as a PDF." />
      <InvoiceFilterForm action="/invoices" filters={filters} />
      {rows.length === 0 ? (
        <EmptyState title="No invoices here">Invoices appear once a service you ordered is active and billed.</EmptyState>
      ) : (
        <InvoiceTable rows={rows} />
      )}
      <NextPage path="/invoices" params={filterParams(filters)} cursor={nextCursor} />
    </>
  );
}
