"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage, TextField } from "@/components/forms/field";
import { useActionForm } from "@/components/forms/use-action-form";
import { emailOnlySchema } from "@/lib/auth/schemas";
import { resendVerificationAction, verifyEmailAction } from "../actions";

export function VerifyButton({ token }: { token: string }) {
  const [pending, start] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  if (result?.ok) {
    return (
      <div className="space-y-4">
        <FormMessage message={{ kind: "success", text: result.text }} />
        <Link className="block text-center font-medium text-brand-600 hover:underline" href="/sign-in">
          Sign in
        </Link>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <FormMessage message={result ? { kind: "error", text: result.text } : null} />
      <Button
        className="w-full"
        pending={pending}
        pendingLabel="Confirming…"
        onClick={() =>
          start(async () => {
            const r = await verifyEmailAction(token);
            setResult(r.ok ? { ok: true, text: `Your address ${r.data.email} is confirmed. You can sign in now.` } : { ok: false, text: r.formError ?? "This link is not valid." });
          })
        }
      >
        Confirm my address
      </Button>
      {result ? (
        <Link className="block text-center text-sm text-brand-600 hover:underline" href="/verify">
          Send me a new link
        </Link>
      ) : null}
    </div>
  );
}

export function ResendVerificationForm() {
  const { form, onSubmit, message, pending } = useActionForm({
    schema: emailOnlySchema,
    action: resendVerificationAction,
    defaultValues: { email: "" },
    onSuccess: (d) => d.message,
    resetOnSuccess: true,
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <TextField id="email" label="E-mail" type="email" autoComplete="email" error={form.formState.errors.email?.message} {...form.register("email")} />
      <FormMessage message={message} />
      <Button type="submit" className="w-full" pending={pending} pendingLabel="Sending…">
        Send a new link
      </Button>
    </form>
  );
}
