"use client";

import { Controller } from "react-hook-form";
import { CheckboxField, FormMessage, SelectField, TextField } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { inviteAgentSchema, TIER_LABELS, updateAgentSchema, type AgentTier } from "@/lib/users/schemas";
import { inviteAgentAction, updateAgentAction } from "./actions";
import { DepartmentCheckboxes } from "./department-checkboxes";

type Department = { id: string; name: string; active: boolean };

const tierOptions = Object.entries(TIER_LABELS).map(([value, label]) => ({ value, label: `${label} (${value === "agent" ? "open queue" : "escalated tickets"})` }));

export function InviteAgentForm({ departments }: { departments: Department[] }) {
  const { form, onSubmit, message, pending } = useActionForm({
    schema: inviteAgentSchema,
    action: inviteAgentAction,
    defaultValues: { name: "", email: "", tier: "agent", departmentIds: [] },
    onSuccess: ({ email }) => `Invited. ${email} was sent a link to set a password (valid for 72 hours).`,
    resetOnSuccess: true,
  });
  const errors = form.formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Invite agent" className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField id="invite-name" label="Name" autoComplete="off" error={errors.name?.message} {...form.register("name")} />
        <TextField id="invite-email" label="E-mail" type="email" autoComplete="off" error={errors.email?.message} {...form.register("email")} />
      </div>
      <SelectField id="invite-tier" label="Tier" options={tierOptions} error={errors.tier?.message} {...form.register("tier")} />
      <Controller
        control={form.control}
        name="departmentIds"
        render={({ field }) => (
          <DepartmentCheckboxes id="invite-departments" departments={departments} value={field.value ?? []} onChange={field.onChange} onBlur={field.onBlur} error={errors.departmentIds?.message} />
        )}
      />
      <FormMessage message={message} />
      <Button type="submit" pending={pending} pendingLabel="Inviting…">
        Invite agent
      </Button>
    </form>
  );
}

type Agent = { id: string; name: string; tier: AgentTier; active: boolean; departments: { id: string }[] };

export function EditAgentForm({ agent, departments }: { agent: Agent; departments: Department[] }) {
  const { form, onSubmit, message, pending } = useActionForm({
    schema: updateAgentSchema,
    action: updateAgentAction,
    defaultValues: { userId: agent.id, name: agent.name, tier: agent.tier, active: agent.active, departmentIds: agent.departments.map((d) => d.id) },
    onSuccess: (r) =>
      [
        "Saved.",
        r.sessionsEnded ? "The agent was signed out everywhere and signs in again with the new access." : "",
        r.releasedTickets.length ? `${r.releasedTickets.length} ticket(s) went back to the queue: ${r.releasedTickets.join(", ")}.` : "",
      ]
        .filter(Boolean)
        .join(" "),
  });
  const errors = form.formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <TextField id="name" label="Name" error={errors.name?.message} {...form.register("name")} />
      <SelectField
        id="tier"
        label="Tier"
        options={tierOptions}
        hint="Changing the tier signs the agent out, so the new access applies at once."
        error={errors.tier?.message}
        {...form.register("tier")}
      />
      <Controller
        control={form.control}
        name="departmentIds"
        render={({ field }) => (
          <DepartmentCheckboxes id="departments" departments={departments} value={field.value ?? []} onChange={field.onChange} onBlur={field.onBlur} error={errors.departmentIds?.message} />
        )}
      />
      <CheckboxField
        id="active"
        label="Active"
        hint="A deactivated agent cannot sign in; their open tickets go back to the queue."
        {...form.register("active")}
      />
      <FormMessage message={message} />
      <Button type="submit" pending={pending} pendingLabel="Saving…">
        Save agent
      </Button>
    </form>
  );
}
