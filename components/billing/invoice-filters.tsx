import type { InvoiceFilters } from "@/lib/billing/schemas";

const input = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm";

/**
 * The invoice list's filters: a plain GET form (works without JavaScript; the server filters).
 * Staff get the client and period filters and the CSV export of exactly what is filtered.
 */
export function InvoiceFilterForm({ action, filters, staff, drafts, exportHref }: { action: string; filters: InvoiceFilters; staff?: boolean; drafts?: boolean; exportHref?: string }) {
  return (
    <form method="get" action={action} role="search" aria-label="Filter invoices" className="mb-4 flex flex-wrap items-end gap-3">
      <div className="flex flex-col gap-1">
        <label htmlFor="f-status" className="text-xs font-medium text-slate-600">Status</label>
        <select id="f-status" name="status" defaultValue={filters.status ?? ""} className={input}>
          <option value="">Any (not drafts)</option>
          {drafts ? <option value="draft">Draft</option> : null}
          <option value="unpaid">Unpaid</option>
          <option value="paid">Paid</option>
          <option value="void">Void</option>
        </select>
      </div>
      {staff ? (
        <>
          <div className="flex flex-col gap-1">
            <label htmlFor="f-client" className="text-xs font-medium text-slate-600">Client</label>
            <input id="f-client" name="client" defaultValue={filters.client ?? ""} placeholder="Name or e-mail" className={`${input} w-56`} />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="f-from" className="text-xs font-medium text-slate-600">Issued from</label>
            <input id="f-from" name="from" type="date" defaultValue={filters.from ?? ""} className={input} />
          </div>
          <div className="flex flex-col gap-1">
            <label htmlFor="f-to" className="text-xs font-medium text-slate-600">Issued to</label>
            <input id="f-to" name="to" type="date" defaultValue={filters.to ?? ""} className={input} />
          </div>
        </>
      ) : null}
      <label className="flex items-center gap-2 pb-1.5 text-sm text-slate-700">
        <input type="checkbox" name="overdue" value="1" defaultChecked={filters.overdue === "1"} className="size-4 rounded border-slate-300" />
        Overdue only
      </label>
      <button className="rounded-md bg-white px-3 py-1.5 text-sm font-medium ring-1 ring-slate-300 hover:bg-slate-50">Filter</button>
      {exportHref ? (
        <a href={exportHref} className="rounded-md bg-white px-3 py-1.5 text-sm font-medium text-brand-600 ring-1 ring-slate-300 hover:bg-slate-50">
          Export CSV
        </a>
      ) : null}
    </form>
  );
}
