"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage, TextField } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { registerSchema } from "@/lib/auth/schemas";
import { registerAction } from "../actions";

export function RegisterForm() {
  const [done, setDone] = useState<string | null>(null);
  const { form, onSubmit, message, pending } = useActionForm({
    schema: registerSchema,
    action: registerAction,
    defaultValues: { name: "", email: "", password: "", confirmPassword: "" },
    onSuccess: (data) => setDone(data.message),
  });
  if (done) return <FormMessage message={{ kind: "success", text: done }} />;
  const errors = form.formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <TextField id="name" label="Name" autoComplete="name" error={errors.name?.message} {...form.register("name")} />
      <TextField id="email" label="E-mail" type="email" autoComplete="email" error={errors.email?.message} {...form.register("email")} />
      <TextField
        id="password"
        label="Password"
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
      <FormMessage message={message} />
      <Button type="submit" className="w-full" pending={pending} pendingLabel="Creating your account…">
        Create account
      </Button>
    </form>
  );
}
