import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionButton } from "@/components/tickets/action-button";
import { EscalatedBadge, PriorityBadge, StatusBadge } from "@/components/tickets/badges";
import { ClientReply } from "@/components/tickets/client-reply";
import { HistoryPanel } from "@/components/tickets/history-panel";
import { NoticeBanner } from "@/components/tickets/notice-banner";
import { StaffActions } from "@/components/tickets/staff-actions";
import { StaffComposer } from "@/components/tickets/staff-composer";
import { Thread } from "@/components/tickets/thread";
import { TicketDetails } from "@/components/tickets/ticket-details";
import { formatDateTime } from "@/components/ui/format";
import { uploaderConfig } from "@/lib/attachments/config";
import { listTicketAttachments } from "@/lib/attachments/queries";
import { acceptsUploads } from "@/lib/attachments/rules";
import { can } from "@/lib/auth/actor";
import { requireActor } from "@/lib/auth/session";
import { decodePathParam } from "@/lib/search-params";
import { now as clockNow } from "@/lib/clock";
import { AppError } from "@/lib/errors";
import { getTicketDetail, listAssignableAgents, type TicketDetail } from "@/lib/tickets/queries";
import { isFinal } from "@/lib/tickets/workflow";
import * as doors from "../actions";
import { readNotice } from "../flash";

type Props = { params: Promise<{ number: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { number } = await params;
  return { title: (decodePathParam(number) ?? "Ticket").toUpperCase().slice(0, 40) };
}

export default async function TicketPage({ params }: Props) {
  const actor = await requireActor();
  const { number } = await params;
  const decoded = decodePathParam(number);
  const detail = decoded === null ? null : await loadDetail(actor, decoded);
  if (!detail) notFound();

  const { ticket, actions, seesInternal: staff } = detail;
  const now = clockNow();
  const files = await listTicketAttachments(actor, ticket.id);
  const uploadsOpen = acceptsUploads(ticket.status);
  const deletable = [...files.ticket, ...Object.values(files.byMessage).flat()]
    .filter((a) => can(actor, "ticket.manage") || (uploadsOpen && a.uploaderId === actor.id))
    .map((a) => a.id);
  const agents = actions.assign.ok ? await listAssignableAgents(actor, { ticketId: ticket.id }) : null;
  const uploader = uploaderConfig();
  const back = can(actor, "ticket.view_all") || !staff ? { href: "/tickets", label: staff ? "All tickets" : "My tickets" } : { href: "/desk", label: "Desk" };

  return (
    <>
      <Link href={back.href} className="text-sm font-medium text-slate-600 hover:text-slate-900 hover:underline">
        ← {back.label}
      </Link>
      <header className="mt-3 mb-6">
        <p className="font-mono text-sm text-slate-500">{ticket.number}</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight break-words text-slate-900">{ticket.title}</h1>
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <StatusBadge status={ticket.status} />
          <PriorityBadge priority={ticket.priority} />
          {staff && ticket.escalated ? <EscalatedBadge /> : null}
        </div>
      </header>
      <NoticeBanner text={await readNotice(`/tickets/${ticket.number}`)} />
      <StatusNote detail={detail} staff={staff} now={now} />

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="space-y-6">
          <Thread
            ticket={ticket}
            messages={detail.thread}
            bodyFiles={files.ticket}
            filesByMessage={files.byMessage}
            deletable={deletable}
            now={now}
            viewer={staff ? "staff" : "client"}
          />
          <section aria-label={staff ? "Reply or add a note" : "Reply"}>
            {staff && actions.note.ok ? (
              <StaffComposer
                ticketId={ticket.id}
                reply={actions.reply.ok ? { ok: true } : { ok: false, reason: actions.reply.reason }}
                action={doors.addCommentAction}
                uploader={uploadsOpen ? uploader : null}
              />
            ) : !staff && actions.reply.ok ? (
              <ClientReply ticketId={ticket.id} action={doors.addCommentAction} uploader={uploader} />
            ) : !staff && !actions.reply.ok && !isFinal(ticket.status) ? (
              <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-3 text-sm text-slate-600">{actions.reply.reason}</p>
            ) : null}
          </section>
        </div>
        <aside className="space-y-4" aria-label="Ticket details and actions">
          {!staff && actions.reopen.ok ? (
            <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
              <p className="mb-3 text-sm text-slate-700">Not solved after all? You can reopen this ticket until {formatDateTime(detail.reopenUntil)}.</p>
              <ActionButton action={doors.reopenTicketAction} input={{ ticketId: ticket.id }} label="Reopen ticket" pendingLabel="Reopening…" variant="primary" />
            </div>
          ) : null}
          {staff ? (
            <StaffActions
              detail={detail}
              agents={agents}
              doors={{
                take: doors.takeTicketAction,
                escalate: doors.escalateTicketAction,
                close: doors.closeTicketAction,
                assign: doors.assignTicketAction,
                setPriority: doors.setPriorityAction,
                wontFix: doors.wontFixAction,
                remove: doors.deleteTicketAction,
              }}
            />
          ) : null}
          <TicketDetails ticket={ticket} staff={staff} />
          {staff ? <HistoryPanel history={detail.history} now={now} /> : null}
        </aside>
      </div>
    </>
  );
}

async function loadDetail(actor: Awaited<ReturnType<typeof requireActor>>, number: string): Promise<TicketDetail | null> {
  try {
    return await getTicketDetail(actor, number);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  }
}

/** Why a closed ticket looks the way it does: the won't-fix reason, or the reopen window. */
function StatusNote({ detail, staff, now }: { detail: TicketDetail; staff: boolean; now: Date }) {
  const { ticket } = detail;
  if (ticket.status === "wont_fix") {
    return (
      <div className="mb-6 rounded-lg border border-slate-300 bg-slate-100 px-4 py-3 text-sm text-slate-800">
        <p className="font-semibold">Closed as won&apos;t fix</p>
        {ticket.wontFixReason ? <p className="mt-1 whitespace-pre-wrap">{ticket.wontFixReason}</p> : null}
        {!staff ? <p className="mt-1 text-slate-600">This ticket cannot be reopened. If you still need help, please open a new ticket.</p> : null}
      </div>
    );
  }
  if (ticket.status === "closed" && !staff && detail.reopenUntil && detail.reopenUntil < now) {
    return (
      <p className="mb-6 rounded-lg border border-slate-300 bg-slate-100 px-4 py-3 text-sm text-slate-800">
        This ticket was closed on {formatDateTime(ticket.closedAt)}. The hour to reopen it has passed; if you still need help, please{" "}
        <Link href="/tickets/new" className="font-medium text-brand-700 underline">
          open a new ticket
        </Link>
        .
      </p>
    );
  }
  return null;
}
