"use client";

import { FormMessage, SelectField } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import type { ActionFn } from "@/lib/errors";
import { assignSchema, type AssignInput } from "@/lib/tickets/schemas";

type Agent = { id: string; name: string; role: string; activeTickets: number };

/** Assign (or reassign) to an agent of the ticket's line; the agent is mailed unless it is you. */
export function AssignForm({
  ticketId,
  assigneeId,
  agents,
  action,
}: {
  ticketId: string;
  assigneeId: string | null;
  agents: Agent[];
  action: ActionFn<AssignInput, { status: string }>;
}) {
  const { form, onSubmit, message, pending } = useActionForm({
    schema: assignSchema,
    action,
    defaultValues: { ticketId, assigneeId: assigneeId ?? "" },
    onSuccess: () => "Assigned. The agent gets an e-mail.",
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <SelectField
        id="assigneeId"
        label="Assignee"
        hint="Agents who work this ticket's line, with their active tickets. To unassign, set the status to Open."
        error={form.formState.errors.assigneeId?.message}
        options={[
          { value: "", label: "Choose an agent…", disabled: true },
          ...agents.map((a) => ({ value: a.id, label: `${a.name} (${a.activeTickets} active)` })),
        ]}
        {...form.register("assigneeId")}
      />
      <FormMessage message={message} />
      <Button type="submit" variant="secondary" pending={pending} pendingLabel="Assigning…">
        Assign
      </Button>
    </form>
  );
}
