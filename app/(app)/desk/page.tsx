import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/tickets/action-button";
import { NoticeBanner } from "@/components/tickets/notice-banner";
import { Pager } from "@/components/tickets/pager";
import { TicketFilters } from "@/components/tickets/ticket-filters";
import { TicketTable } from "@/components/tickets/ticket-table";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { can } from "@/lib/auth/actor";
import { requireActor } from "@/lib/auth/session";
import { now as clockNow } from "@/lib/clock";
import { listDepartmentOptions } from "@/lib/tickets/options";
import { countTickets, formatCount, listTickets } from "@/lib/tickets/queries";
import { takeTicketAction } from "../tickets/actions";
import { DeassignAll } from "../tickets/deassign-all";
import { readNotice } from "../tickets/flash";
import { listInput, pick } from "../tickets/search-params";
import { DeskTabs, type DeskTab } from "./desk-tabs";

export const metadata: Metadata = { title: "Agent desk" };

const TAB_META = {
  mine: { label: "My tickets", scope: "assigned", empty: "Nothing is assigned to you", emptyHint: "Take the next ticket from the queue." },
  queue: { label: "First-line queue", scope: "queue", empty: "The queue is empty — nice work", emptyHint: "New tickets from clients appear here." },
  escalated: { label: "Second-line queue", scope: "escalated", empty: "The queue is empty — nice work", emptyHint: "Tickets escalated by first line appear here." },
} as const;

/**
 * The agent's home: their own tickets and the queue(s) of their line, most urgent first, with a
 * Take button on each queued ticket. Managers see both queues and the end-of-day De-assign all.
 */
export default async function DeskPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor("ticket.view_assigned");
  const sp = pick(await searchParams, ["tab", "q", "departmentId", "status", "cursor", "back"]);
  const tabs: DeskTab[] = ["mine"];
  if (can(actor, "ticket.view_queue")) tabs.push("queue");
  if (can(actor, "ticket.view_escalated")) tabs.push("escalated");
  const [mine, queue, escalated] = await Promise.all([
    countTickets(actor, "assigned"),
    tabs.includes("queue") ? countTickets(actor, "queue") : null,
    tabs.includes("escalated") ? countTickets(actor, "escalated") : null,
  ]);
  const counts = { mine, queue, escalated };
  const requested = tabs.find((t) => t === sp.tab);
  // Without a choice: your own work if you have some, else the queue of your line.
  const tab: DeskTab = requested ?? (mine.n > 0 || tabs.length === 1 ? "mine" : tabs[1]!);
  const meta = TAB_META[tab];

  // My tickets default to the active ones; choosing "Any status" sends status="" on purpose.
  const mineStatus = sp.status === undefined ? "active" : sp.status || undefined;
  const filters = { q: sp.q, departmentId: sp.departmentId, status: tab === "mine" ? mineStatus : undefined };
  const [page, departments] = await Promise.all([
    listTickets(actor, listInput({ scope: meta.scope, ...filters, cursor: sp.cursor })),
    listDepartmentOptions(),
  ]);
  const filtered = Boolean(sp.q || sp.departmentId || (tab === "mine" && mineStatus !== "active"));
  const secondLine = can(actor, "ticket.view_escalated") && !can(actor, "ticket.view_queue");

  return (
    <>
      <PageHeader
        title="Agent desk"
        description={secondLine ? "Second line: escalated tickets waiting for you." : "First line: open tickets waiting for an agent, most urgent first."}
        actions={can(actor, "ticket.deassign_all") ? <DeassignAll actor={actor} from="/desk" /> : null}
      />
      <NoticeBanner text={await readNotice("/desk")} />
      <DeskTabs tabs={tabs.map((t) => ({ key: t, label: TAB_META[t].label, count: formatCount(counts[t] ?? { n: 0, more: false }) }))} current={tab} />
      <div id="desk-panel" className="mt-4">
        <TicketFilters
          action="/desk"
          hidden={{ tab }}
          values={filters}
          show={{ department: true, status: tab === "mine" }}
          departments={departments}
          searchLabel={tab === "mine" ? "Search my tickets" : "Search the queue"}
        />
        {page.items.length === 0 ? (
          filtered ? (
            <EmptyState title="No tickets match these filters">
              <Link href={`/desk?tab=${tab}`} className="font-medium text-brand-700 underline">
                Clear the filters
              </Link>
            </EmptyState>
          ) : (
            <EmptyState title={meta.empty}>{meta.emptyHint}</EmptyState>
          )
        ) : (
          <TicketTable
            items={page.items}
            now={clockNow()}
            view="staff"
            caption={meta.label}
            rowActionLabel="Take"
            showAssignee={false}
            rowAction={
              tab === "mine"
                ? undefined
                : (t) => (
                    <ActionButton
                      action={takeTicketAction}
                      input={{ ticketId: t.id }}
                      label="Take"
                      pendingLabel="Taking…"
                      variant="primary"
                      accessibleName={`Take ${t.number}: ${t.title}`}
                    />
                  )
            }
          />
        )}
        <Pager path="/desk" params={{ tab, ...filters }} cursor={sp.cursor} back={sp.back} nextCursor={page.nextCursor} labels={{ newer: "Previous page", older: "Next page" }} />
      </div>
    </>
  );
}
