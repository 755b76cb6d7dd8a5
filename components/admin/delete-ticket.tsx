"use client";

import { useId, useRef, useState, useTransition } from "react";
import { FormMessage } from "@/components/forms/field";
import { Button, buttonClass } from "@/components/ui/button";
import type { ActionFn } from "@/lib/errors";
import type { TicketRefInput } from "@/lib/tickets/schemas";

/**
 * Delete with a confirmation on the native <dialog> (focus moves in, Escape cancels, the page behind
 * is inert). The action redirects to the list on success.
 */
export function DeleteTicket({ ticketId, number, action }: { ticketId: string; number: string; action: ActionFn<TicketRefInput, never> }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const confirm = () =>
    start(async () => {
      setError(null);
      const result = await action({ ticketId });
      if (result && !result.ok) setError(result.formError ?? "The ticket could not be deleted.");
    });
  return (
    <>
      <button type="button" className={buttonClass("danger")} aria-haspopup="dialog" onClick={() => ref.current?.showModal()}>
        Delete ticket…
      </button>
      <dialog ref={ref} aria-labelledby={titleId} className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-900/40">
        <h2 id={titleId} className="text-lg font-semibold">
          Delete {number}?
        </h2>
        <p className="mt-2 text-sm text-slate-700">
          The ticket, its messages and attachments are removed for good. The history keeps a record that it existed and who deleted it.
        </p>
        <div className="mt-3">
          <FormMessage message={error ? { kind: "error", text: error } : null} />
        </div>
        <div className="mt-4 flex justify-end gap-2">
          <button type="button" className={buttonClass("secondary")} onClick={() => ref.current?.close()}>
            Cancel
          </button>
          <Button type="button" variant="danger" pending={pending} pendingLabel="Deleting…" onClick={confirm}>
            Delete for good
          </Button>
        </div>
      </dialog>
    </>
  );
}
