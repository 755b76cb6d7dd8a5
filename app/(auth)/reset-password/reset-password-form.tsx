"use client";

import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage, TextField } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { resetPasswordSchema } from "@/lib/auth/schemas";
import { resetPasswordAction } from "../actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const [done, setDone] = useState(false);
  const { form, onSubmit, message, pending } = useActionForm({
    schema: resetPasswordSchema,
    action: resetPasswordAction,
    defaultValues: { token, password: "", confirmPassword: "" },
    onSuccess: () => setDone(true),
  });
  if (done) {
    return (
      <div className="space-y-4">
        <FormMessage message={{ kind: "success", text: "Your password is set. Sign in with it now." }} />
        <Link className="block text-center font-medium text-brand-600 hover:underline" href="/sign-in">
          Sign in
        </Link>
      </div>
    );
  }
  const errors = form.formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <input type="hidden" {...form.register("token")} />
      <TextField
        id="password"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters."
        error={errors.password?.message}
        {...form.register("password")}
      />
      <TextField
        id="confirmPassword"
        label="Repeat the password"
        type="password"
        autoComplete="new-password"
        error={errors.confirmPassword?.message}
        {...form.register("confirmPassword")}
      />
      <FormMessage message={message ?? (errors.token ? { kind: "error", text: errors.token.message ?? "This link is not valid." } : null)} />
      <Button type="submit" className="w-full" pending={pending} pendingLabel="Saving…">
        Set password
      </Button>
    </form>
  );
}
