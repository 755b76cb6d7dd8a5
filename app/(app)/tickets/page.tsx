import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { NoticeBanner } from "@/components/tickets/notice-banner";
import { Pager } from "@/components/tickets/pager";
import { TicketFilters } from "@/components/tickets/ticket-filters";
import { TicketTable } from "@/components/tickets/ticket-table";
import { buttonClass } from "@/components/ui/button";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/actor";
import { requireActor } from "@/lib/auth/session";
import { now as clockNow } from "@/lib/clock";
import { listAssigneeFilterOptions, listDepartmentOptions } from "@/lib/tickets/options";
import { listTickets } from "@/lib/tickets/queries";
import { DeassignAll } from "./deassign-all";
import { readNotice } from "./flash";
import { listInput, pick } from "./search-params";

export const metadata: Metadata = { title: "Tickets" };

type Search = Record<string, string | string[] | undefined>;

/**
 * One page, scoped by permission: clients see their own tickets (newest activity first); managers
 * and admins (ticket.view_all) see every ticket with more filters. Agents work from the desk.
 */
export default async function TicketsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireActor();
  const all = can(actor, "ticket.view_all");
  if (!all && !can(actor, "ticket.view_own")) {
    if (can(actor, "ticket.view_assigned")) redirect("/desk");
    redirect("/");
  }
  const sp = pick(await searchParams, ["q", "status", "priority", "departmentId", "assigneeId", "sort", "cursor", "back"]);
  const filters = { q: sp.q, status: sp.status, priority: all ? sp.priority : undefined, departmentId: all ? sp.departmentId : undefined, assigneeId: all ? sp.assigneeId : undefined };
  // Recent activity first unless a search asks for the best matches or the user chose another order.
  const sort = sp.sort || (sp.q?.trim() ? "relevance" : "activity");
  const [page, departments, assignees] = await Promise.all([
    listTickets(actor, listInput({ scope: all ? "all" : "mine", ...filters, sort, cursor: sp.cursor })),
    all ? listDepartmentOptions() : [],
    listAssigneeFilterOptions(actor),
  ]);
  const filtered = Object.values(filters).some(Boolean);

  return (
    <>
      <PageHeader
        title={all ? "All tickets" : "My tickets"}
        description={all ? "Every support ticket. Filter, search and open any of them." : "Your requests to our support team and their answers."}
        actions={
          <div className="flex flex-wrap items-start gap-2">
            {can(actor, "ticket.deassign_all") ? <DeassignAll actor={actor} from="/tickets" /> : null}
            {can(actor, "ticket.create") && !all ? (
              <Link href="/tickets/new" className={buttonClass("primary")}>
                Open a ticket
              </Link>
            ) : null}
          </div>
        }
      />
      <NoticeBanner text={await readNotice("/tickets")} />
      <TicketFilters
        action="/tickets"
        values={{ ...filters, sort: page.sort }}
        show={{ status: true, priority: all, department: all, assignee: all, sort: true }}
        departments={departments}
        assignees={assignees}
      />
      {page.items.length === 0 ? (
        filtered || sp.cursor ? (
          <EmptyState title="No tickets match these filters">
            Try other words or fewer filters, or{" "}
            <Link href="/tickets" className="font-medium text-brand-700 underline">
              show all {all ? "tickets" : "your tickets"}
            </Link>
            .
          </EmptyState>
        ) : all ? (
          <EmptyState title="No tickets yet">When clients open tickets, they appear here.</EmptyState>
        ) : (
          <EmptyState title="You have no tickets yet">
            Something not working?{" "}
            <Link href="/tickets/new" className="font-medium text-brand-700 underline">
              Open a ticket
            </Link>{" "}
            and our team will get back to you.
          </EmptyState>
        )
      ) : (
        <TicketTable items={page.items} now={clockNow()} view={all ? "staff" : "client"} caption={all ? "All tickets" : "Your tickets"} />
      )}
      <Pager
        path="/tickets"
        params={{ ...filters, sort: sp.sort }}
        cursor={sp.cursor}
        back={sp.back}
        nextCursor={page.nextCursor}
        labels={page.sort === "activity" || page.sort === "newest" ? { newer: "Newer", older: "Older" } : { newer: "Previous page", older: "Next page" }}
      />
    </>
  );
}
