"use client";

import { FormMessage, SelectField, TextAreaField, TextField } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import type { ActionFn, ActionResult } from "@/lib/errors";
import { createTicketForClientSchema, type CreateTicketForClientInput } from "@/lib/tickets/schemas";
import type { ClientOption } from "@/lib/users/queries";
import { ClientPicker } from "./client-picker";
import { departmentOptions, priorityOptions } from "./options";

type Props = {
  clients: ClientOption[];
  departments: { id: string; name: string }[];
  searchClients: (q: string) => Promise<ActionResult<ClientOption[]>>;
  action: ActionFn<CreateTicketForClientInput, never>;
};

/** An admin opens a support ticket on a client's behalf (the client gets the usual auto-reply). */
export function NewTicketForm({ clients, departments, searchClients, action }: Props) {
  const { form, onSubmit, message, pending } = useActionForm({
    schema: createTicketForClientSchema,
    action,
    defaultValues: { requesterId: "", title: "", body: "", priority: "normal", departmentId: "" },
  });
  const errors = form.formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5">
      <ClientPicker
        initial={clients}
        search={searchClients}
        register={form.register("requesterId")}
        selectedId={form.watch("requesterId") ?? ""}
        error={errors.requesterId?.message}
      />
      <TextField id="title" label="Title" error={errors.title?.message} {...form.register("title")} />
      <TextAreaField id="body" label="Description" rows={6} hint="What the client needs, in their words if you have them." error={errors.body?.message} {...form.register("body")} />
      <div className="grid gap-4 sm:grid-cols-2">
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
      <Button type="submit" pending={pending} pendingLabel="Creating…">
        Create ticket
      </Button>
    </form>
  );
}
