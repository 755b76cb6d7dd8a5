"use client";

import { FormMessage, TextAreaField } from "@/components/forms/field";
import { usePlainForm } from "@/components/forms/use-plain-form";
import { Button } from "@/components/ui/button";
import { checkWontFixReason } from "@/lib/tickets/form-rules";
import type { WontFixInput } from "@/lib/tickets/schemas";
import type { TicketAction } from "./action-button";
import { CancelButton, ConfirmDialog } from "./confirm-dialog";

/** Won't fix closes the ticket for good: a dialog that requires the reason the client will read. */
export function WontFixDialog({ ticketId, number, action }: { ticketId: string; number: string; action: TicketAction<WontFixInput> }) {
  const form = usePlainForm({
    action,
    defaultValues: { ticketId, reason: "" },
    validate: (v) => ({ reason: checkWontFixReason(v.reason) }),
  });
  const { onSubmit, message, setMessage, pending } = form;
  const error = form.errors.reason;
  return (
    <ConfirmDialog trigger="Won't fix…" title={`Close ${number} as won't fix`}>
      <form onSubmit={onSubmit} noValidate className="space-y-4">
          <p className="text-sm text-slate-700">The ticket closes for good: the client cannot reopen it. They receive the reason below by e-mail.</p>
          <TextAreaField id="wont-fix-reason" label="Reason (sent to the client)" rows={4} error={error} {...form.register("reason")} />
          <FormMessage message={message} />
          <div className="flex justify-end gap-2">
            <CancelButton
              onCancel={() => {
                form.clearErrors();
                setMessage(null);
              }}
            />
            <Button type="submit" variant="danger" pending={pending} pendingLabel="Closing…">
              Close as won&apos;t fix
            </Button>
          </div>
      </form>
    </ConfirmDialog>
  );
}
