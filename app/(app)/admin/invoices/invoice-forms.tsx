"use client";

import { CheckboxField, FormMessage, TextField } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { createInvoiceSchema, runBillingSchema, updateInvoiceSchema, voidInvoiceSchema, type UpdateInvoiceInput } from "@/lib/billing/schemas";
import { createInvoiceAction, runBillingAction, updateInvoiceAction, voidInvoiceAction } from "./actions";

const said = (data: { message: string }) => data.message;

export function RunBillingForm({ today }: { today: string }) {
  const { form, onSubmit, message, pending } = useActionForm({ schema: runBillingSchema, action: runBillingAction, defaultValues: { date: today }, onSuccess: said });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-3">
      <TextField id="billing-date" label="Billing date" type="date" error={form.formState.errors.date?.message} {...form.register("date")} />
      <Button type="submit" pending={pending} pendingLabel="Billing…">
        Run billing for date
      </Button>
      <div className="basis-full">
        <FormMessage message={message} />
      </div>
    </form>
  );
}

function InvoiceFields({ form, amountLocked }: { form: ReturnType<typeof useUpdateForm>["form"]; amountLocked?: boolean }) {
  const errors = form.formState.errors;
  return (
    <>
      <TextField id="description" label="Description" error={errors.description?.message} {...form.register("description")} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField id="amount" label="Amount" inputMode="decimal" placeholder="12.50" readOnly={amountLocked} error={errors.amount?.message} {...form.register("amount")} />
        <TextField id="currency" label="Currency" maxLength={3} readOnly={amountLocked} error={errors.currency?.message} {...form.register("currency")} />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField id="dueOn" label="Due on" type="date" error={errors.dueOn?.message} {...form.register("dueOn")} />
        <TextField id="periodStart" label="Period start" type="date" readOnly={amountLocked} error={errors.periodStart?.message} {...form.register("periodStart")} />
        <TextField id="periodEnd" label="Period end" type="date" readOnly={amountLocked} error={errors.periodEnd?.message} {...form.register("periodEnd")} />
      </div>
    </>
  );
}

function useUpdateForm(values: UpdateInvoiceInput) {
  return useActionForm({ schema: updateInvoiceSchema, action: updateInvoiceAction, defaultValues: values, onSuccess: said });
}

/** Drafts: every field. Issued (unpaid) invoices: description and due date only. */
export function EditInvoiceForm({ values, issued }: { values: UpdateInvoiceInput; issued: boolean }) {
  const { form, onSubmit, message, pending } = useUpdateForm(values);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <InvoiceFields form={form} amountLocked={issued} />
      <FormMessage message={message} />
      <Button type="submit" pending={pending} pendingLabel="Saving…">
        Save invoice
      </Button>
    </form>
  );
}

export function CreateInvoiceForm({ dueOn }: { dueOn: string }) {
  const { form, onSubmit, message, pending } = useActionForm({
    schema: createInvoiceSchema,
    action: createInvoiceAction,
    defaultValues: { clientEmail: "", description: "", amount: "", currency: "EUR", dueOn, periodStart: "", periodEnd: "", issue: false },
  });
  const errors = form.formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-2xl space-y-4">
      <TextField id="clientEmail" label="Client e-mail" type="email" error={errors.clientEmail?.message} {...form.register("clientEmail")} />
      <InvoiceFields form={form as unknown as ReturnType<typeof useUpdateForm>["form"]} />
      <CheckboxField id="issue" label="Issue now" hint="Numbers the invoice and mails it to the client and the accounting list. Otherwise it stays a draft." {...form.register("issue")} />
      <FormMessage message={message} />
      <Button type="submit" pending={pending} pendingLabel="Saving…">
        Create invoice
      </Button>
    </form>
  );
}

export function VoidInvoiceForm({ invoiceId }: { invoiceId: string }) {
  const { form, onSubmit, message, pending } = useActionForm({ schema: voidInvoiceSchema, action: voidInvoiceAction, defaultValues: { invoiceId, reason: "" }, onSuccess: said });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <TextField id="reason" label="Reason" error={form.formState.errors.reason?.message} {...form.register("reason")} />
      <FormMessage message={message} />
      <Button type="submit" variant="danger" pending={pending} pendingLabel="Voiding…">
        Void invoice
      </Button>
    </form>
  );
}
