"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/forms/field";
import { resendVerificationAction, verifyEmailAction } from "../actions";
import { EmailLinkForm } from "../email-link-form";

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
  return <EmailLinkForm action={resendVerificationAction} submitLabel="Send a new link" />;
}
