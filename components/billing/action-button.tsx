"use client";

import { useState, useTransition } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";
import type { ActionResult } from "@/lib/errors";

/**
 * A one-click step (suspend, resume, issue, delete draft…): calls the server action with fixed
 * input, asks first when `confirm` is given, and shows the refusal next to the button. The page
 * re-renders from the action's revalidatePath, so success needs no message of its own.
 */
export function ActionButton<I>({
  action,
  input,
  label,
  pendingLabel,
  confirm,
  ariaLabel,
  variant = "secondary",
}: {
  action: (input: I) => Promise<ActionResult<unknown> | void>;
  input: I;
  label: string;
  pendingLabel?: string;
  confirm?: string;
  ariaLabel?: string;
  variant?: ButtonVariant;
}) {
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <span className="inline-flex flex-col gap-1">
      <Button
        type="button"
        variant={variant}
        pending={pending}
        pendingLabel={pendingLabel}
        aria-label={ariaLabel}
        onClick={() => {
          if (confirm && !window.confirm(confirm)) return;
          setError(null);
          start(async () => {
            const result = await action(input);
            if (result && !result.ok) setError(result.formError ?? Object.values(result.fieldErrors ?? {})[0] ?? "That did not work.");
          });
        }}
      >
        {label}
      </Button>
      <span aria-live="polite" role="status" className="text-sm text-red-700">
        {error}
      </span>
    </span>
  );
}
