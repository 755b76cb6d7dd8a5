import type { Metadata } from "next";
import Link from "next/link";
import { InvoiceFilterForm } from "@/components/billing/invoice-filters";
import { InvoiceTable, InvoiceTotalsBar } from "@/components/billing/invoice-table";
import { NextPage } from "@/components/billing/pager";
import { buttonClass } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/session";
import { filterParams } from "@/lib/billing/invoice-filters";
import { today } from "@/lib/billing/invoice-issue";
import { listInvoices } from "@/lib/billing/queries";
import { invoiceFilterSchema, type InvoiceFilters } from "@/lib/billing/schemas";
import { readSearchParams, type SearchParams } from "@/lib/search-params";
import { RunBillingForm } from "./invoice-forms";

export const metadata: Metadata = { title: "Invoices" };

export default async function AdminInvoicesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requireActor("invoice.manage");
  const filters: InvoiceFilters = readSearchParams(await searchParams, invoiceFilterSchema.shape);
  const { rows, nextCursor, totals } = await listInvoices(actor, filters);
  const params = filterParams(filters);
  return (
    <>
      <PageHeader title="Invoices" description="Create, edit and void invoices; the daily job issues the recurring ones." actions={<Link href="/admin/invoices/new" className={buttonClass("primary")}>New invoice</Link>} />
      <div className="mb-6">
        <Card title="Billing job" description="Runs every day from the cron route. Run it by hand for a date: what that date already billed is never billed again.">
          <RunBillingForm today={today()} />
        </Card>
      </div>
      <InvoiceFilterForm action="/admin/invoices" filters={filters} staff drafts exportHref={`/api/invoices/export?${params}`} />
      <InvoiceTotalsBar totals={totals} />
      {rows.length === 0 ? <EmptyState title="No invoice matches these filters" /> : <InvoiceTable rows={rows} showClient />}
      <NextPage path="/admin/invoices" params={params} cursor={nextCursor} />
    </>
  );
}
