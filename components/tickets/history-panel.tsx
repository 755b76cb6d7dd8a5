import type { TicketDetail } from "@/lib/tickets/queries";
import { STATUS_LABELS } from "@/lib/tickets/workflow";
import { PRIORITY_LABELS } from "./badges";
import { TimeAgo } from "./time-ago";

type Row = TicketDetail["history"][number];

const label = (field: string | null, v: string | null) =>
  v === null ? "—" : field === "status" ? (STATUS_LABELS[v] ?? v) : field === "priority" ? (PRIORITY_LABELS[v] ?? v) : v;

/** One history row as a sentence (the actor's name is shown once per group). */
export function describe(row: Row): string {
  const { action, field, oldValue: from, newValue: to } = row;
  if (field === "status") {
    if (action === "created") return "opened the ticket";
    return `changed the status from ${label(field, from)} to ${label(field, to)}`;
  }
  if (field === "assignee" && action === "taken") return "took the ticket";
  if (field === "assignee") return to ? (from ? `reassigned it from ${from} to ${to}` : `assigned it to ${to}`) : `removed ${from ?? "the assignee"}`;
  if (field === "priority") return `changed the priority from ${label(field, from)} to ${label(field, to)}`;
  if (field === "escalated") return "escalated it to second line";
  if (field === "attachment") {
    if (action === "attachment_uploaded") return `attached ${to ?? "a file"}`;
    if (action === "attachment_deleted") return `deleted the file ${from ?? ""}`.trim();
    return "removed attachments";
  }
  switch (action) {
    case "replied":
      return "replied to the client";
    case "client_replied":
      return "replied";
    case "internal_note":
      return "added an internal note";
    case "edited":
      return `edited the ${field ?? "ticket"}`;
    default:
      return action.replaceAll("_", " ");
  }
}

/** Consecutive rows of one actor at one instant are one event (taking a ticket = assignee + status). */
function group(rows: Row[]): Row[][] {
  const out: Row[][] = [];
  for (const row of rows) {
    const last = out.at(-1)?.[0];
    if (last && last.actorName === row.actorName && new Date(last.createdAt).getTime() === new Date(row.createdAt).getTime()) out.at(-1)!.push(row);
    else out.push([row]);
  }
  return out;
}

/** Who did what, when: the ticket's audit trail for staff, newest last. */
export function HistoryPanel({ history, now }: { history: Row[]; now: Date }) {
  return (
    <section aria-labelledby="history-heading" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="history-heading" className="text-sm font-semibold text-slate-900">
        History
      </h2>
      {history.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">Nothing has happened yet.</p>
      ) : (
        <ol className="mt-3 space-y-3 border-l border-slate-200 pl-4">
          {group(history).map((rows) => {
            const first = rows[0]!;
            const comment = rows.find((r) => r.comment && r.action !== "created")?.comment;
            return (
              <li key={first.id} className="relative text-sm">
                <span aria-hidden className="absolute top-1.5 -left-[21px] size-2.5 rounded-full border-2 border-white bg-slate-400" />
                <p className="text-slate-800">
                  <span className="font-medium">{first.actorName ?? "System"}</span> {rows.map(describe).join(", ")}
                  {first.channel && first.channel !== "web" ? <span className="text-slate-500"> (by {first.channel})</span> : null}
                </p>
                {comment ? <p className="mt-0.5 text-xs text-slate-600">“{comment}”</p> : null}
                <p className="mt-0.5 text-xs text-slate-500">
                  <TimeAgo date={first.createdAt} now={now} />
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
