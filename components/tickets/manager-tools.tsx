"use client";

import { FormMessage } from "@/components/forms/field";
import { usePlainForm } from "@/components/forms/use-plain-form";
import { Button } from "@/components/ui/button";
import { checkAssignee, checkPriority } from "@/lib/tickets/form-rules";
import { PRIORITIES } from "@/lib/tickets/workflow";
import type { AssignInput, SetPriorityInput } from "@/lib/tickets/schemas";
import type { TicketAction } from "./action-button";
import { PRIORITY_LABELS } from "./badges";

const selectClass = (error?: string) =>
  `block w-full min-w-0 rounded-md border bg-white px-2.5 py-2 text-sm shadow-sm focus:outline-2 ${error ? "border-red-500 focus:outline-red-500" : "border-slate-300 focus:outline-brand-600"}`;

type Agent = { id: string; name: string; role: string; activeTickets: number };

const ROLE_NAMES: Record<string, string> = { agent: "first line", agent_l2: "second line", manager: "manager", admin: "admin" };

/** Reassign: the agents who work this ticket's line, with their current load. */
export function ReassignForm({ ticketId, assigneeId, agents, action }: { ticketId: string; assigneeId: string | null; agents: Agent[]; action: TicketAction<AssignInput> }) {
  const form = usePlainForm({ action, defaultValues: { ticketId, assigneeId: "" }, validate: (v) => ({ assigneeId: checkAssignee(v.assigneeId) }) });
  const { onSubmit, message, pending } = form;
  const error = form.errors.assigneeId;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-2">
      <label htmlFor="reassign" className="block text-sm font-medium text-slate-800">
        {assigneeId ? "Reassign to" : "Assign to"}
      </label>
      <div className="flex gap-2">
        <select
          id="reassign"
          className={selectClass(error)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "reassign-error" : undefined}
          {...form.register("assigneeId")}
        >
          <option value="">Choose an agent…</option>
          {agents.map((a) => (
            <option key={a.id} value={a.id} disabled={a.id === assigneeId}>
              {a.name} ({ROLE_NAMES[a.role] ?? a.role}, {a.activeTickets} active){a.id === assigneeId ? " — current" : ""}
            </option>
          ))}
        </select>
        <Button type="submit" variant="secondary" pending={pending} pendingLabel="Assigning…" className="shrink-0 whitespace-nowrap">
          Assign
        </Button>
      </div>
      {error ? (
        <p id="reassign-error" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <FormMessage message={message} />
    </form>
  );
}

export function PriorityForm({ ticketId, priority, action }: { ticketId: string; priority: string; action: TicketAction<SetPriorityInput> }) {
  const form = usePlainForm({ action, defaultValues: { ticketId, priority: priority as SetPriorityInput["priority"] }, validate: (v) => ({ priority: checkPriority(v.priority) }) });
  const { onSubmit, message, pending } = form;
  const error = form.errors.priority;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-2">
      <label htmlFor="set-priority" className="block text-sm font-medium text-slate-800">
        Priority
      </label>
      <div className="flex gap-2">
        <select
          id="set-priority"
          defaultValue={priority}
          className={selectClass(error)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "set-priority-error" : undefined}
          {...form.register("priority")}
        >
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {PRIORITY_LABELS[p]}
            </option>
          ))}
        </select>
        <Button type="submit" variant="secondary" pending={pending} pendingLabel="Saving…" className="shrink-0 whitespace-nowrap">
          Set priority
        </Button>
      </div>
      {error ? (
        <p id="set-priority-error" className="text-sm text-red-700">
          {error}
        </p>
      ) : null}
      <FormMessage message={message} />
    </form>
  );
}
