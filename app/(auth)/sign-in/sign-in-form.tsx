"use client";

import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage, TextField } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { signInSchema } from "@/lib/auth/schemas";
import { signInAction } from "../actions";

export function SignInForm() {
  const [unverified, setUnverified] = useState(false);
  const { form, onSubmit, message, pending } = useActionForm({
    schema: signInSchema,
    action: signInAction,
    defaultValues: { email: "", password: "" },
    onFailure: (f) => setUnverified(f.code === "unverified"),
  });
  const errors = form.formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <TextField id="email" label="E-mail" type="email" autoComplete="email" error={errors.email?.message} {...form.register("email")} />
      <TextField
        id="password"
        label="Password"
        type="password"
        autoComplete="current-password"
        error={errors.password?.message}
        {...form.register("password")}
      />
      <FormMessage message={message} />
      {unverified ? (
        <p className="text-sm">
          <Link className="font-medium text-brand-600 underline" href="/verify">
            Send me a new confirmation link
          </Link>
        </p>
      ) : null}
      <Button type="submit" className="w-full" pending={pending} pendingLabel="Signing in…">
        Sign in
      </Button>
      <div className="flex justify-between text-sm">
        <Link className="text-brand-600 hover:underline" href="/forgot-password">
          Forgot your password?
        </Link>
        <Link className="text-brand-600 hover:underline" href="/register">
          Create an account
        </Link>
      </div>
    </form>
  );
}
