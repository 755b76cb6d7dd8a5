"use client";

import { useState, useTransition, type ReactNode } from "react";
import { FormMessage } from "@/components/forms/field";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { failureText, type TicketAction } from "./action-button";
import { CancelButton, ConfirmDialog } from "./confirm-dialog";

/** A destructive action behind a confirmation dialog (Delete, De-assign all). */
export function ConfirmAction<I>({
  action,
  input,
  trigger,
  triggerVariant = "secondary",
  title,
  body,
  confirmLabel,
  pendingLabel,
  confirmVariant = "danger",
}: {
  action: TicketAction<I>;
  input: I;
  trigger: string;
  triggerVariant?: ButtonVariant;
  title: string;
  body: ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  confirmVariant?: ButtonVariant;
}) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <ConfirmDialog trigger={trigger} triggerVariant={triggerVariant} title={title}>
      <>
          <div className="text-sm text-slate-700">{body}</div>
          <div className="mt-4">
            <FormMessage message={error ? { kind: "error", text: error } : null} />
          </div>
          <div className="mt-4 flex justify-end gap-2">
            <CancelButton onCancel={() => setError(null)} />
            <Button
              type="button"
              variant={confirmVariant}
              pending={pending}
              pendingLabel={pendingLabel}
              onClick={() =>
                start(async () => {
                  setError(null);
                  try {
                    setError(failureText(await action(input)));
                  } catch (e) {
                    if (e && typeof e === "object" && "digest" in e) throw e;
                    setError("The server could not be reached. Check your connection and try again.");
                  }
                })
              }
            >
              {confirmLabel}
            </Button>
          </div>
      </>
    </ConfirmDialog>
  );
}
