"use client";

import { useState, useTransition } from "react";
import { FormMessage } from "@/components/forms/field";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { GENERIC_ERROR, type ActionResult } from "@/lib/errors";

/** A server action a ticket control calls with input of its schema's type (lib/http/action.ts). */
export type TicketAction<I> = (input: I) => Promise<ActionResult<unknown> | undefined | void>;

/** The first thing a failed action has to say. */
export function failureText(result: ActionResult<unknown> | undefined | void): string | null {
  if (!result || result.ok) return null;
  return result.formError ?? Object.values(result.fieldErrors ?? {})[0] ?? GENERIC_ERROR;
}

/**
 * One workflow button (Take, Escalate, Close, Reopen…). On success the action redirects; a refusal
 * (the domain's own words) is announced right under the button and nothing changes.
 */
export function ActionButton<I>({
  action,
  input,
  label,
  pendingLabel,
  variant = "secondary",
  className,
  accessibleName,
}: {
  action: TicketAction<I>;
  input: I;
  label: string;
  pendingLabel: string;
  variant?: ButtonVariant;
  className?: string;
  /** When several such buttons share a page (a queue), say which ticket. */
  accessibleName?: string;
}) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const onClick = () =>
    start(async () => {
      setError(null);
      try {
        setError(failureText(await action(input)));
      } catch (e) {
        if (e && typeof e === "object" && "digest" in e) throw e; // redirect()
        setError("The server could not be reached. Check your connection and try again.");
      }
    });
  return (
    <div className={className}>
      <Button type="button" variant={variant} pending={pending} pendingLabel={pendingLabel} onClick={onClick} aria-label={accessibleName}>
        {label}
      </Button>
      {error ? (
        <div className="mt-2 text-left">
          <FormMessage message={{ kind: "error", text: error }} />
        </div>
      ) : (
        <FormMessage message={null} />
      )}
    </div>
  );
}
