"use client";

import { CheckboxField, FormMessage, SelectField, TextAreaField, TextField } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { serviceSchema, updateServiceSchema, type ServiceInput } from "@/lib/billing/schemas";
import { createServiceAction, updateServiceAction } from "./actions";

const PERIODS = [
  ["monthly", "Monthly"],
  ["quarterly", "Quarterly"],
  ["yearly", "Yearly"],
  ["one_time", "One-time"],
] as const;

/** Create (no serviceId) or edit a catalogue entry. The price is typed as "12.50" and stored in minor units. */
export function ServiceForm({ serviceId, initial }: { serviceId?: string; initial?: ServiceInput }) {
  const values: ServiceInput = initial ?? { name: "", type: "", billingPeriod: "monthly", price: "", currency: "EUR", description: "", managementNotes: "", active: true };
  const editing = !!serviceId;
  const { form, onSubmit, message, pending } = useActionForm({
    schema: (editing ? updateServiceSchema : serviceSchema) as typeof updateServiceSchema,
    action: editing ? updateServiceAction : createServiceAction,
    defaultValues: editing ? { serviceId, ...values } : (values as never),
    onSuccess: (data) => (data && typeof data === "object" && "message" in data ? String(data.message) : undefined),
  });
  const errors = form.formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-2xl space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField id="name" label="Name" error={errors.name?.message} {...form.register("name")} />
        <TextField id="type" label="Type" hint="E.g. vps, hosting, domain." error={errors.type?.message} {...form.register("type")} />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField id="billingPeriod" label="Billing period" error={errors.billingPeriod?.message} {...form.register("billingPeriod")}>
          {PERIODS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </SelectField>
        <TextField id="price" label="Price" inputMode="decimal" placeholder="12.50" error={errors.price?.message} {...form.register("price")} />
        <TextField id="currency" label="Currency" maxLength={3} placeholder="EUR" error={errors.currency?.message} {...form.register("currency")} />
      </div>
      <TextAreaField id="description" label="Description" rows={3} hint="What clients see in the catalogue." error={errors.description?.message} {...form.register("description")} />
      <TextAreaField id="managementNotes" label="Management notes" rows={3} hint="Staff only: how to deploy and run it." error={errors.managementNotes?.message} {...form.register("managementNotes")} />
      <CheckboxField id="active" label="Active" hint="Inactive services are hidden from the catalogue; existing orders keep running." {...form.register("active")} />
      <FormMessage message={message} />
      <Button type="submit" pending={pending} pendingLabel="Saving…">
        {editing ? "Save service" : "Create service"}
      </Button>
    </form>
  );
}
