import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AssignForm } from "@/components/admin/assign-form";
import { DeleteTicket } from "@/components/admin/delete-ticket";
import { EditTicketForm, type EditableTicket } from "@/components/admin/edit-ticket-form";
import { EscalatedBadge, PriorityBadge, StatusBadge } from "@/components/tickets/badges";
import { NoticeBanner } from "@/components/tickets/notice-banner";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/components/ui/format";
import type { Actor } from "@/lib/auth/actor";
import { requireActor } from "@/lib/auth/session";
import { decodePathParam } from "@/lib/search-params";
import { AppError } from "@/lib/errors";
import { listDepartmentOptions, listTicketProjectOptions } from "@/lib/tickets/options";
import { getTicketDetail, listAssignableAgents } from "@/lib/tickets/queries";
import { assignTicketAction, deleteTicketAction, editTicketAction } from "../../actions";

type Props = { params: Promise<{ number: string }>; searchParams: Promise<{ created?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { number } = await params;
  return { title: `Edit ${(decodePathParam(number) ?? "ticket").toUpperCase().slice(0, 40)}` };
}

type ProjectOptions = Awaited<ReturnType<typeof listTicketProjectOptions>>;
type Named = { id: string; name: string };

/** The company's active projects and tasks, plus the ticket's own if it was since deactivated. */
function withCurrent(projects: ProjectOptions, project: Named | null, task: Named | null): ProjectOptions {
  if (!project) return projects;
  const listed = projects.find((p) => p.id === project.id);
  if (!listed) return [...projects, { id: project.id, name: project.name, tasks: task ? [task] : [] }];
  if (!task || listed.tasks.some((t) => t.id === task.id)) return projects;
  return projects.map((p) => (p === listed ? { ...p, tasks: [...p.tasks, task] } : p));
}

async function load(actor: Actor, number: string) {
  try {
    return await getTicketDetail(actor, number);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") return null;
    throw error;
  }
}

export default async function EditTicketPage({ params, searchParams }: Props) {
  const actor = await requireActor("ticket.manage");
  const { number } = await params;
  const { created } = await searchParams;
  const decoded = decodePathParam(number);
  const detail = decoded === null ? null : await load(actor, decoded);
  if (!detail || detail.ticket.type !== "support") notFound();
  const { ticket, actions } = detail;
  const [departments, projects, agents] = await Promise.all([
    listDepartmentOptions(),
    listTicketProjectOptions(actor, ticket.id),
    actions.assign.ok ? listAssignableAgents(actor, { ticketId: ticket.id }) : Promise.resolve(null),
  ]);
  const dept = ticket.department?.id ? ticket.department : null;
  // An inactive department, project or task the ticket still points at stays selectable.
  const departmentOptions = dept && !departments.some((d) => d.id === dept.id) ? [...departments, { id: dept.id, name: dept.name }] : departments;
  const projectOptions = withCurrent(projects, ticket.project?.id ? ticket.project : null, ticket.task?.id ? ticket.task : null);

  return (
    <>
      <Link href="/admin/tickets" className="text-sm font-medium text-slate-600 hover:text-slate-900 hover:underline">
        ← All tickets
      </Link>
      <header className="mt-3 mb-6">
        <p className="font-mono text-sm text-slate-500">{ticket.number}</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight break-words text-slate-900">Edit ticket</h1>
        <div className="mt-2 flex flex-wrap items-center gap-3 text-sm text-slate-600">
          <StatusBadge status={ticket.status} />
          <PriorityBadge priority={ticket.priority} />
          {ticket.escalated ? <EscalatedBadge /> : null}
          <span>
            for {ticket.requesterName}
            {ticket.requesterEmail ? ` <${ticket.requesterEmail}>` : ""} · opened {formatDateTime(ticket.createdAt)}
          </span>
          <Link href={`/tickets/${ticket.number}`} className="font-medium text-brand-600 hover:underline">
            Open the ticket page
          </Link>
        </div>
      </header>
      <NoticeBanner text={created ? `Ticket ${ticket.number} was created for ${ticket.requesterName}, who was sent a confirmation.` : null} />

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <Card title="Ticket">
            <EditTicketForm
              action={editTicketAction}
              departments={departmentOptions}
              ticket={{
                ticketId: ticket.id,
                title: ticket.title,
                body: ticket.body,
                status: ticket.status as EditableTicket["status"], // support tickets only (checked above)
                priority: ticket.priority,
                departmentId: dept?.id ?? "",
                projectId: ticket.project?.id ?? "",
                taskId: ticket.task?.id ?? "",
                hasAssignee: ticket.assigneeId !== null,
              }}
              projects={projectOptions}
            />
          </Card>
        </div>
        <div className="space-y-6">
          <Card title="Assignment" description={ticket.assigneeName ? `Now: ${ticket.assigneeName}` : "Nobody is working on this ticket."}>
            {agents ? (
              <AssignForm ticketId={ticket.id} assigneeId={ticket.assigneeId} agents={agents} action={assignTicketAction} />
            ) : (
              <p className="text-sm text-slate-600">{actions.assign.ok ? null : actions.assign.reason}</p>
            )}
          </Card>
          {actions.delete.ok ? (
            <Card title="Danger zone">
              <DeleteTicket ticketId={ticket.id} number={ticket.number} action={deleteTicketAction} />
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
