import Link from "next/link";
import { PriorityBadge } from "@/components/tickets/badges";
import { formatDateTime } from "@/components/ui/format";
import type { ChangeListItem } from "@/lib/change-requests/queries";
import { ChangeStatusBadge, changeTypeLabel } from "./change-badges";

/** A list of change requests: number (the link), title, service, kind, status, window, requester. */
export function ChangeTable({ items, caption }: { items: ChangeListItem[]; caption: string }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className="px-4 py-3">Number</th>
            <th scope="col" className="px-4 py-3">Title</th>
            <th scope="col" className="px-4 py-3">Service</th>
            <th scope="col" className="px-4 py-3">Kind</th>
            <th scope="col" className="px-4 py-3">Status</th>
            <th scope="col" className="px-4 py-3">Priority</th>
            <th scope="col" className="px-4 py-3">Window</th>
            <th scope="col" className="px-4 py-3">Requester</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {items.map((c) => (
            <tr key={c.id}>
              <td className="px-4 py-3 font-mono whitespace-nowrap">
                <Link href={`/changes/${c.number}`} className="font-medium text-brand-700 hover:underline">
                  {c.number}
                </Link>
              </td>
              <td className="px-4 py-3 break-words text-slate-900">{c.title}</td>
              <td className="px-4 py-3 text-slate-700">{c.instanceName ?? "—"}</td>
              <td className="px-4 py-3 text-slate-700">{changeTypeLabel(c.changeType)}</td>
              <td className="px-4 py-3"><ChangeStatusBadge status={c.status} /></td>
              <td className="px-4 py-3"><PriorityBadge priority={c.priority} /></td>
              <td className="px-4 py-3 whitespace-nowrap text-slate-700">{c.scheduledFor ? formatDateTime(c.scheduledFor) : "—"}</td>
              <td className="px-4 py-3 text-slate-700">{c.requesterName}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
