"use client";

import { z } from "zod";
import { FormMessage, SelectField, TextAreaField, TextField } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import type { ActionFn } from "@/lib/errors";
import { editTicketSchema, type EditTicketInput } from "@/lib/tickets/schemas";
import { needsAssignee } from "@/lib/tickets/workflow";
import { departmentOptions, editableStatusOptions, priorityOptions } from "./options";

export type EditableTicket = {
  ticketId: string;
  title: string;
  body: string;
  status: "open" | "in_progress" | "waiting_for_customer" | "closed" | "wont_fix";
  priority: "low" | "normal" | "high" | "critical";
  departmentId: string;
  /** "" for none. */
  projectId: string;
  taskId: string;
  /** In progress and waiting need one (editTicket refuses them otherwise): the Assign form sets it. */
  hasAssignee: boolean;
};

type ProjectOption = { id: string; name: string; tasks: { id: string; name: string }[] };

/** The server's schema, except that a won't-fix ticket may keep its status (the form then leaves it alone). */
const formSchema = editTicketSchema.extend({ status: z.enum(["open", "in_progress", "waiting_for_customer", "closed", "wont_fix"], "Choose a status.") });

// Escalation is not an edit (editTicketSchema refuses `escalated`): the ticket page's Escalate button does it.
const FIELDS = ["title", "body", "status", "priority", "departmentId", "projectId", "taskId"] as const;

/** Only what changed goes to the server: editTicket records one history row per changed field. */
function changes(initial: EditableTicket, values: z.input<typeof formSchema>): EditTicketInput {
  // The schema's "" means "clear" for links; the form's "" means "none", compared as such.
  const out: EditTicketInput = { ticketId: initial.ticketId };
  for (const key of FIELDS) {
    const raw = values[key] ?? "";
    const value = typeof raw === "string" && key !== "body" ? raw.trim() : raw;
    if (value !== initial[key]) Object.assign(out, { [key]: raw });
  }
  return out;
}

export function EditTicketForm({
  ticket,
  departments,
  projects,
  action,
}: {
  ticket: EditableTicket;
  departments: { id: string; name: string }[];
  /** The client's company's projects with their tasks (the ticket's current ones included). */
  projects: ProjectOption[];
  action: ActionFn<EditTicketInput, { changed: string[] }>;
}) {
  const { hasAssignee, ...defaults } = ticket;
  const { form, onSubmit, message, pending } = useActionForm({
    schema: formSchema,
    action: (values) => action(changes(ticket, values)),
    defaultValues: defaults,
    onSuccess: ({ changed }) => `Saved: ${changed.map((f) => f.replace(/Id$/, "")).join(", ")}.`,
  });
  const errors = form.formState.errors;
  const worked = editableStatusOptions.map((o) =>
    hasAssignee || !needsAssignee(o.value) || o.value === ticket.status ? o : { ...o, label: `${o.label} (assign an agent first)`, disabled: true },
  );
  const statusOptions = ticket.status === "wont_fix" ? [{ value: "wont_fix", label: "Won't fix (set by a manager)" }, ...worked] : worked;
  const projectId = form.watch("projectId");
  const tasks = projects.find((p) => p.id === projectId)?.tasks ?? [];
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <TextField id="title" label="Title" error={errors.title?.message} {...form.register("title")} />
      <TextAreaField id="body" label="Description" rows={8} error={errors.body?.message} {...form.register("body")} />
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField
          id="status"
          label="Status"
          options={statusOptions}
          hint="Open returns the ticket to the queue (no assignee); in progress and waiting need an assignee. Won't fix has its own action on the ticket page."
          error={errors.status?.message}
          {...form.register("status")}
        />
        <SelectField id="priority" label="Priority" options={priorityOptions} error={errors.priority?.message} {...form.register("priority")} />
        <SelectField
          id="departmentId"
          label="Department"
          options={departmentOptions(departments)}
          error={errors.departmentId?.message}
          {...form.register("departmentId")}
        />
      </div>
      {projects.length ? (
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            id="projectId"
            label="Project"
            hint="The client's company's projects."
            options={[{ value: "", label: "None" }, ...projects.map((p) => ({ value: p.id, label: p.name }))]}
            error={errors.projectId?.message}
            {...form.register("projectId", { onChange: () => form.setValue("taskId", "") })}
          />
          <SelectField
            id="taskId"
            label="Task"
            hint={projectId ? "A task of the chosen project." : "Choose a project first."}
            disabled={!projectId || tasks.length === 0}
            options={[{ value: "", label: "None" }, ...tasks.map((t) => ({ value: t.id, label: t.name }))]}
            error={errors.taskId?.message}
            {...form.register("taskId")}
          />
        </div>
      ) : null}
      <FormMessage message={message} />
      <Button type="submit" pending={pending} pendingLabel="Saving…">
        Save changes
      </Button>
    </form>
  );
}
