"use client";

import { Button } from "@/components/ui/button";
import { FormMessage, TextField } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { markPaidSchema, markUnpaidSchema } from "@/lib/billing/schemas";
import { markInvoicePaidAction, markInvoiceUnpaidAction } from "../actions";

export function MarkPaidForm({ invoiceId, today }: { invoiceId: string; today: string }) {
  const { form, onSubmit, message, pending } = useActionForm({
    schema: markPaidSchema,
    action: markInvoicePaidAction,
    defaultValues: { invoiceId, paidOn: today, comment: "" },
  });
  const errors = form.formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <TextField id="paidOn" label="Paid on" type="date" max={today} error={errors.paidOn?.message} {...form.register("paidOn")} />
      <TextField id="comment" label="Comment" hint="E.g. the bank reference (optional)." error={errors.comment?.message} {...form.register("comment")} />
      <FormMessage message={message} />
      <Button type="submit" pending={pending} pendingLabel="Saving…">
        Mark paid
      </Button>
    </form>
  );
}

export function MarkUnpaidForm({ invoiceId }: { invoiceId: string }) {
  const { form, onSubmit, message, pending } = useActionForm({
    schema: markUnpaidSchema,
    action: markInvoiceUnpaidAction,
    defaultValues: { invoiceId, comment: "" },
  });
  const errors = form.formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <TextField id="unpaid-comment" label="Reason" error={errors.comment?.message} {...form.register("comment")} />
      <FormMessage message={message} />
      <Button type="submit" variant="secondary" pending={pending} pendingLabel="Saving…">
        Mark unpaid
      </Button>
    </form>
  );
}
