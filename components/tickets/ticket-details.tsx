import { formatDateTime } from "@/components/ui/format";
import type { TicketDetail } from "@/lib/tickets/queries";
import { PriorityBadge, StatusBadge } from "./badges";

/** The facts of a ticket as a description list (sidebar). */
export function TicketDetails({ ticket, staff }: { ticket: TicketDetail["ticket"]; staff: boolean }) {
  const rows: [string, React.ReactNode][] = [
    ["Status", <StatusBadge key="s" status={ticket.status} />],
    ["Priority", <PriorityBadge key="p" priority={ticket.priority} />],
  ];
  if (staff) {
    rows.push([
      "Requester",
      <>
        {ticket.requesterName}
        {ticket.requesterEmail ? <span className="block truncate text-xs text-slate-500">{ticket.requesterEmail}</span> : null}
      </>,
    ]);
    rows.push(["Assignee", ticket.assigneeName ?? "Unassigned"]);
    rows.push(["Line", ticket.escalated ? "Second line (escalated)" : "First line"]);
  } else if (ticket.assigneeName) {
    rows.push(["Handled by", ticket.assigneeName]);
  }
  if (ticket.department?.id) rows.push(["Department", ticket.department.name]);
  if (ticket.order?.id) rows.push(["Service", `${ticket.order.instanceName}${ticket.service?.name ? ` (${ticket.service.name})` : ""}`]);
  else if (ticket.service?.id) rows.push(["Service", ticket.service.name]);
  if (ticket.project?.id) rows.push(["Project", ticket.task?.id ? `${ticket.project.name} › ${ticket.task.name}` : ticket.project.name]);
  rows.push(["Opened", formatDateTime(ticket.createdAt)]);
  if (staff) rows.push(["First response", ticket.firstResponseAt ? formatDateTime(ticket.firstResponseAt) : "Not yet"]);
  if (ticket.closedAt) rows.push(["Closed", formatDateTime(ticket.closedAt)]);
  if (ticket.reopenCount > 0) rows.push(["Reopened", `${ticket.reopenCount} time${ticket.reopenCount === 1 ? "" : "s"}`]);
  if (staff && ticket.channel !== "web") rows.push(["Channel", ticket.channel === "email" ? "E-mail" : "API"]);

  return (
    <section aria-labelledby="details-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="details-heading" className="text-sm font-semibold text-slate-900">
        Details
      </h2>
      <dl className="mt-3 space-y-2.5 text-sm">
        {rows.map(([term, value]) => (
          <div key={term} className="grid grid-cols-[7.5rem_1fr] gap-2">
            <dt className="text-slate-500">{term}</dt>
            <dd className="min-w-0 break-words text-slate-800">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
