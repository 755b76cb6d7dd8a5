import type { Metadata } from "next";
import Link from "next/link";
import { NoticeBanner } from "@/components/tickets/notice-banner";
import { Pager } from "@/components/tickets/pager";
import { TicketFilters } from "@/components/tickets/ticket-filters";
import { TicketTable } from "@/components/tickets/ticket-table";
import { buttonClass } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { requireActor } from "@/lib/auth/session";
import { now as clockNow } from "@/lib/clock";
import { listAssigneeFilterOptions, listDepartmentOptions } from "@/lib/tickets/options";
import { listTickets } from "@/lib/tickets/queries";
import { adminFilters, listInput, type Search } from "./search-params";

export const metadata: Metadata = { title: "Tickets · Administration" };

/** Every support ticket for the admin: filter, search, page; edit or open each one, or create one for a client. */
export default async function AdminTicketsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireActor("ticket.manage");
  const f = adminFilters(await searchParams);
  const [page, departments, assignees] = await Promise.all([
    listTickets(actor, listInput(f)),
    listDepartmentOptions(),
    listAssigneeFilterOptions(actor),
  ]);
  const filters = { q: f.q, status: f.status, priority: f.priority, departmentId: f.departmentId, assigneeId: f.assigneeId };
  const filtered = Object.values(filters).some(Boolean);

  return (
    <>
      <PageHeader
        title="Tickets"
        description="Every support ticket. Create tickets on a client's behalf, edit any field, assign or delete."
        actions={
          <Link href="/admin/tickets/new" className={buttonClass("primary")}>
            New ticket for a client
          </Link>
        }
      />
      <NoticeBanner text={f.deleted ? `Ticket ${f.deleted} was deleted.` : null} />
      <TicketFilters
        action="/admin/tickets"
        values={filters}
        show={{ status: true, priority: true, department: true, assignee: true }}
        departments={departments}
        assignees={assignees}
      />
      {page.items.length === 0 ? (
        <EmptyState title={filtered || f.cursor ? "No tickets match these filters" : "No tickets yet"}>
          {filtered || f.cursor ? (
            <Link href="/admin/tickets" className="font-medium text-brand-700 underline">
              Show all tickets
            </Link>
          ) : (
            "When clients open tickets, or you open one for them, they appear here."
          )}
        </EmptyState>
      ) : (
        <TicketTable
          items={page.items}
          now={clockNow()}
          view="staff"
          caption="All tickets"
          rowActionLabel="Edit"
          rowAction={(t) => (
            <Link href={`/admin/tickets/${t.number}/edit`} className="text-sm font-medium text-brand-600 hover:underline">
              Edit<span className="sr-only"> {t.number}</span>
            </Link>
          )}
        />
      )}
      <Pager
        path="/admin/tickets"
        params={filters}
        cursor={f.cursor}
        back={f.back}
        nextCursor={page.nextCursor}
        labels={page.sort === "newest" || page.sort === "activity" ? { newer: "Newer", older: "Older" } : { newer: "Previous page", older: "Next page" }}
      />
    </>
  );
}
