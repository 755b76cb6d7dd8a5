"use client";

import { Button } from "@/components/ui/button";
import { FormMessage, TextField } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { emailOnlySchema } from "@/lib/auth/schemas";
import type { ActionFn } from "@/lib/errors";

/**
 * "Type your address, we mail you a link": the forgotten-password and the new-verification-link
 * forms. The answer is the same whether or not the address has an account.
 */
export function EmailLinkForm({ action, submitLabel }: { action: ActionFn<{ email: string }, { message: string }>; submitLabel: string }) {
  const { form, onSubmit, message, pending } = useActionForm({
    schema: emailOnlySchema,
    action,
    defaultValues: { email: "" },
    onSuccess: (d) => d.message,
    resetOnSuccess: true,
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <TextField id="email" label="E-mail" type="email" autoComplete="email" error={form.formState.errors.email?.message} {...form.register("email")} />
      <FormMessage message={message} />
      <Button type="submit" className="w-full" pending={pending} pendingLabel="Sending…">
        {submitLabel}
      </Button>
    </form>
  );
}
