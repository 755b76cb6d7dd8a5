"use client";

import { Button } from "@/components/ui/button";
import { FormMessage, TextAreaField, TextField } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { placeOrderSchema } from "@/lib/billing/schemas";
import { placeOrderAction } from "../../actions";

export function OrderForm({ serviceId }: { serviceId: string }) {
  const { form, onSubmit, message, pending } = useActionForm({
    schema: placeOrderSchema,
    action: placeOrderAction,
    defaultValues: { serviceId, instanceName: "", comments: "" },
  });
  const errors = form.formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl space-y-4">
      <TextField
        id="instanceName"
        label="Instance name"
        hint="How you will recognise this service, e.g. a host or domain name."
        error={errors.instanceName?.message}
        {...form.register("instanceName")}
      />
      <TextAreaField id="comments" label="Comments" rows={4} hint="Anything we should know to set it up (optional)." error={errors.comments?.message} {...form.register("comments")} />
      <FormMessage message={message} />
      <Button type="submit" pending={pending} pendingLabel="Placing your order…">
        Place order
      </Button>
    </form>
  );
}
