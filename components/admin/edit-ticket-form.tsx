"use client";

import { z } from "zod";
import { FormMessage, SelectField, TextAreaField, TextField } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import type { ActionFn } from "@/lib/errors";
import { editTicketSchema, type EditTicketInput } from "@/lib/tickets/schemas";
import { departmentOptions, editableStatusOptions, priorityOptions } from "./options";

export type EditableTicket = {
  ticketId: string;
  title: string;
  body: string;
  status: "open" | "in_progress" | "waiting_for_customer" | "closed" | "wont_fix";
  priority: "low" | "normal" | "high" | "critical";
  departmentId: string;
};

/** The server's schema, except that a won't-fix ticket may keep its status (the form then leaves it alone). */
const formSchema = editTicketSchema.extend({ status: z.enum(["open", "in_progress", "waiting_for_customer", "closed", "wont_fix"], "Choose a status.") });

// Escalation is not an edit: editTicket does not apply `escalated` (the ticket page's Escalate button does).
const FIELDS = ["title", "body", "status", "priority", "departmentId"] as const;

/** Only what changed goes to the server: editTicket records one history row per changed field. */
function changes(initial: EditableTicket, values: z.input<typeof formSchema>): EditTicketInput {
  const out: EditTicketInput = { ticketId: initial.ticketId };
  for (const key of FIELDS) {
    const value = typeof values[key] === "string" && key !== "body" ? (values[key] as string).trim() : values[key];
    if (value !== initial[key]) Object.assign(out, { [key]: values[key] });
  }
  return out;
}

export function EditTicketForm({
  ticket,
  departments,
  action,
}: {
  ticket: EditableTicket;
  departments: { id: string; name: string }[];
  action: ActionFn<EditTicketInput, { changed: string[] }>;
}) {
  const { form, onSubmit, message, pending } = useActionForm({
    schema: formSchema,
    action: (values) => action(changes(ticket, values)),
    defaultValues: ticket,
    onSuccess: ({ changed }) => `Saved: ${changed.map((f) => f.replace(/Id$/, "")).join(", ")}.`,
  });
  const errors = form.formState.errors;
  const statusOptions =
    ticket.status === "wont_fix" ? [{ value: "wont_fix", label: "Won't fix (set by a manager)" }, ...editableStatusOptions] : editableStatusOptions;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <TextField id="title" label="Title" error={errors.title?.message} {...form.register("title")} />
      <TextAreaField id="body" label="Description" rows={8} error={errors.body?.message} {...form.register("body")} />
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField
          id="status"
          label="Status"
          options={statusOptions}
          hint="Open returns the ticket to the queue (no assignee). Won't fix has its own action on the ticket page."
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
      <FormMessage message={message} />
      <Button type="submit" pending={pending} pendingLabel="Saving…">
        Save changes
      </Button>
    </form>
  );
}
