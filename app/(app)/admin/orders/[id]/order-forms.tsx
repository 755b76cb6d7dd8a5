"use client";

import { FormMessage, TextAreaField, TextField } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { activateOrderSchema, updateOrderSchema, type UpdateOrderInput } from "@/lib/billing/schemas";
import { activateOrderAction, updateOrderAction } from "../actions";

const said = (data: { message: string }) => data.message;

export function ActivateOrderForm({ orderId, today }: { orderId: string; today: string }) {
  const { form, onSubmit, message, pending } = useActionForm({
    schema: activateOrderSchema,
    action: activateOrderAction,
    defaultValues: { orderId, firstDueOn: today },
    onSuccess: said,
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <TextField id="firstDueOn" label="First due date" type="date" error={form.formState.errors.firstDueOn?.message} {...form.register("firstDueOn")} />
      <FormMessage message={message} />
      <Button type="submit" pending={pending} pendingLabel="Activating…">
        Activate order
      </Button>
    </form>
  );
}

export function EditOrderForm({ values, servicePrice, canMoveDueDate }: { values: UpdateOrderInput; servicePrice: string; canMoveDueDate: boolean }) {
  const { form, onSubmit, message, pending } = useActionForm({
    schema: updateOrderSchema,
    action: updateOrderAction,
    defaultValues: values,
    onSuccess: said,
  });
  const errors = form.formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <TextField id="instanceName" label="Instance name" error={errors.instanceName?.message} {...form.register("instanceName")} />
      <TextField
        id="priceOverride"
        label="Specific price"
        inputMode="decimal"
        placeholder={servicePrice}
        hint={`Empty: the service price (${servicePrice}).`}
        error={errors.priceOverride?.message}
        {...form.register("priceOverride")}
      />
      {canMoveDueDate ? (
        <TextField id="nextDueOn" label="Next due date" type="date" hint="Moving it also moves the day of the month it bills on." error={errors.nextDueOn?.message} {...form.register("nextDueOn")} />
      ) : null}
      <TextAreaField id="comments" label="Comments" rows={3} error={errors.comments?.message} {...form.register("comments")} />
      <FormMessage message={message} />
      <Button type="submit" pending={pending} pendingLabel="Saving…">
        Save order
      </Button>
    </form>
  );
}
