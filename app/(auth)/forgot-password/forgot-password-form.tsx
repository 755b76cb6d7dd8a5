"use client";

import { Button } from "@/components/ui/button";
import { FormMessage, TextField } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { emailOnlySchema } from "@/lib/auth/schemas";
import { forgotPasswordAction } from "../actions";

export function ForgotPasswordForm() {
  const { form, onSubmit, message, pending } = useActionForm({
    schema: emailOnlySchema,
    action: forgotPasswordAction,
    defaultValues: { email: "" },
    onSuccess: (d) => d.message,
    resetOnSuccess: true,
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <TextField id="email" label="E-mail" type="email" autoComplete="email" error={form.formState.errors.email?.message} {...form.register("email")} />
      <FormMessage message={message} />
      <Button type="submit" className="w-full" pending={pending} pendingLabel="Sending…">
        Send the reset link
      </Button>
    </form>
  );
}
