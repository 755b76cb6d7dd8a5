"use client";

import { useState, useTransition } from "react";
import { FormMessage } from "@/components/forms/field";
import { Button } from "@/components/ui/button";
import { resendAgentInviteAction } from "./actions";

/** For an invited agent who has not set a password: a fresh link (the old one stops working). */
export function ResendInvite({ userId }: { userId: string }) {
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string } | null>(null);
  const [pending, start] = useTransition();
  const resend = () =>
    start(async () => {
      const result = await resendAgentInviteAction({ userId });
      setMessage(result.ok ? { kind: "success", text: `A new link was sent to ${result.data.email}.` } : { kind: "error", text: result.formError ?? "Could not send the invitation." });
    });
  return (
    <div className="space-y-3">
      <Button type="button" variant="secondary" pending={pending} pendingLabel="Sending…" onClick={resend}>
        Send the invitation again
      </Button>
      <FormMessage message={message} />
    </div>
  );
}
