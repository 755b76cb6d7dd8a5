import Link from "next/link";
import type { CalendarEntry as Entry } from "@/lib/change-requests/calendar";
import { ChangeStatusBadge } from "../../_components/change-badges";
import { windowLabel } from "./labels";

/** One change in a day: its window, number and title (the link), service, status and technician. */
export function CalendarEntry({ entry, compact = false }: { entry: Entry; compact?: boolean }) {
  const where = [entry.instanceName, entry.serviceName ? `(${entry.serviceName})` : null].filter(Boolean).join(" ");
  return (
    <li className="rounded-md border border-slate-200 bg-white px-2.5 py-2 text-sm shadow-sm">
      <p className="text-xs font-medium text-slate-600 tabular-nums">
        <time dateTime={entry.start.toISOString()}>{windowLabel(entry.start, entry.end)}</time>
      </p>
      <Link href={`/changes/${entry.number}`} className="font-medium break-words text-brand-700 hover:underline">
        <span className="font-mono">{entry.number}</span>
        {compact ? <span className="sr-only">: {entry.title}</span> : <>: {entry.title}</>}
      </Link>
      {compact ? (
        <p className="truncate text-xs text-slate-700" aria-hidden="true">
          {entry.title}
        </p>
      ) : null}
      <div className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-slate-600">
        <ChangeStatusBadge status={entry.status} />
        {where ? <span>{where}</span> : null}
        {!compact && entry.assigneeName ? <span>Technician: {entry.assigneeName}</span> : null}
      </div>
    </li>
  );
}
