import Link from "next/link";
import type { ReactNode } from "react";
import type { TicketListItem } from "@/lib/tickets/queries";
import { EscalatedBadge, PriorityBadge, StatusBadge } from "./badges";
import { TimeAgo } from "./time-ago";

type Props = {
  items: TicketListItem[];
  now: Date;
  /** Clients see their own tickets: no requester column, no assignee. */
  view: "client" | "staff";
  caption: string;
  /** Extra cell at the end of each row (the queue's Take button). */
  rowAction?: (item: TicketListItem) => ReactNode;
  rowActionLabel?: string;
  /** Queues hold unassigned tickets only: no assignee column there. */
  showAssignee?: boolean;
};

const th = "px-4 py-2.5 font-medium";
const td = "px-4 py-3 align-top";

/** A list of tickets: number and title link to the ticket; status and priority in words. */
export function TicketTable({ items, now, view, caption, rowAction, rowActionLabel = "Action", showAssignee = true }: Props) {
  const staff = view === "staff";
  const assigneeColumn = staff && showAssignee;
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className={th}>
              Ticket
            </th>
            <th scope="col" className={th}>
              Status
            </th>
            <th scope="col" className={th}>
              Priority
            </th>
            {staff ? (
              <>
                <th scope="col" className={`${th} hidden md:table-cell`}>
                  Requester
                </th>
                {assigneeColumn ? (
                  <th scope="col" className={`${th} hidden md:table-cell`}>
                    Assignee
                  </th>
                ) : null}
              </>
            ) : null}
            <th scope="col" className={th}>
              {staff ? "Opened" : "Last activity"}
            </th>
            {rowAction ? (
              <th scope="col" className={th}>
                <span className="sr-only">{rowActionLabel}</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {items.map((t) => (
            <tr key={t.id} className="hover:bg-slate-50/70">
              <td className={`${td} max-w-md`}>
                <Link href={`/tickets/${t.number}`} className="group block">
                  <span className="block font-medium text-slate-900 group-hover:text-brand-700 group-hover:underline">{t.title}</span>
                  <span className="mt-0.5 block font-mono text-xs text-slate-500">{t.number}</span>
                </Link>
                {t.department || (staff && t.escalated) ? (
                  <span className="mt-1 flex flex-wrap items-center gap-1.5 text-xs text-slate-500">
                    {t.department ? <span>{t.department}</span> : null}
                    {staff && t.escalated ? <EscalatedBadge /> : null}
                  </span>
                ) : null}
              </td>
              <td className={td}>
                <StatusBadge status={t.status} />
              </td>
              <td className={td}>
                <PriorityBadge priority={t.priority} />
              </td>
              {staff ? (
                <>
                  <td className={`${td} hidden text-slate-700 md:table-cell`}>{t.requesterName}</td>
                  {assigneeColumn ? (
                    <td className={`${td} hidden text-slate-700 md:table-cell`}>{t.assigneeName ?? <span className="text-slate-500 italic">Unassigned</span>}</td>
                  ) : null}
                </>
              ) : null}
              <td className={`${td} whitespace-nowrap text-slate-600`}>
                <TimeAgo date={staff ? t.createdAt : t.lastActivityAt} now={now} />
              </td>
              {rowAction ? <td className={`${td} text-right`}>{rowAction(t)}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
