import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import type { AssignableAgent } from "@/lib/tickets/agents";
import type { TicketDetail } from "@/lib/tickets/queries";
import type { AssignInput, SetPriorityInput, TicketRefInput, WontFixInput } from "@/lib/tickets/schemas";
import { isActive } from "@/lib/tickets/workflow";
import { ActionButton, type TicketAction } from "./action-button";
import { ConfirmAction } from "./confirm-action";
import { PriorityForm, ReassignForm } from "./manager-tools";
import { WontFixDialog } from "./wont-fix-dialog";

export type StaffActionDoors = {
  take: TicketAction<TicketRefInput>;
  escalate: TicketAction<TicketRefInput>;
  close: TicketAction<TicketRefInput>;
  assign: TicketAction<AssignInput>;
  setPriority: TicketAction<SetPriorityInput>;
  wontFix: TicketAction<WontFixInput>;
  remove: TicketAction<TicketRefInput>;
};

/**
 * The buttons staff get on a ticket, exactly those getTicketDetail allows. Close is also shown when
 * the only obstacle is the workflow (no public reply yet): pressing it then says why, in the
 * domain's words, instead of hiding the button without explanation.
 */
export function StaffActions({ detail, agents, doors }: { detail: TicketDetail; agents: AssignableAgent[] | null; doors: StaffActionDoors }) {
  const { ticket, actions } = detail;
  const input = { ticketId: ticket.id };
  const showClose = actions.close.ok || (actions.close.code === "invalid" && isActive(ticket.status));
  const workflow = actions.take.ok || actions.escalate.ok || showClose;
  const manage = actions.assign.ok || actions.set_priority.ok || actions.wont_fix.ok || actions.delete.ok || actions.edit.ok;
  if (!workflow && !manage) return null;
  return (
    <section aria-labelledby="actions-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="actions-heading" className="text-sm font-semibold text-slate-900">
        Actions
      </h2>
      {workflow ? (
        <div className="flex flex-wrap items-start gap-2">
          {actions.take.ok ? <ActionButton action={doors.take} input={input} label="Take" pendingLabel="Taking…" variant="primary" /> : null}
          {actions.escalate.ok ? <ActionButton action={doors.escalate} input={input} label="Escalate" pendingLabel="Escalating…" /> : null}
          {showClose ? <ActionButton action={doors.close} input={input} label="Close" pendingLabel="Closing…" /> : null}
        </div>
      ) : null}
      {actions.assign.ok && agents ? <ReassignForm ticketId={ticket.id} assigneeId={ticket.assigneeId} agents={agents} action={doors.assign} /> : null}
      {actions.set_priority.ok ? <PriorityForm ticketId={ticket.id} priority={ticket.priority} action={doors.setPriority} /> : null}
      {actions.wont_fix.ok || actions.delete.ok || actions.edit.ok ? (
        <div className="flex flex-wrap items-start gap-2 border-t border-slate-100 pt-4">
          {actions.wont_fix.ok ? <WontFixDialog ticketId={ticket.id} number={ticket.number} action={doors.wontFix} /> : null}
          {actions.edit.ok ? (
            <Link href={`/admin/tickets/${ticket.number}/edit`} className={buttonClass("secondary")}>
              Edit
            </Link>
          ) : null}
          {actions.delete.ok ? (
            <ConfirmAction
              action={doors.remove}
              input={input}
              trigger="Delete…"
              title={`Delete ${ticket.number}?`}
              body={
                <p>
                  The ticket, its messages and its files are deleted for good. Only the history keeps a record that it existed. This cannot be
                  undone.
                </p>
              }
              confirmLabel="Delete ticket"
              pendingLabel="Deleting…"
            />
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
