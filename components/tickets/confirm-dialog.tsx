"use client";

import { useId, useRef, type ReactNode } from "react";
import { buttonClass, type ButtonVariant } from "@/components/ui/button";

/**
 * A modal confirmation on the native <dialog> (showModal): focus moves into it, Escape closes it,
 * the page behind is inert, and focus returns to the button that opened it. `children` is the body;
 * its <CancelButton> closes the dialog it sits in.
 */
export function ConfirmDialog({
  trigger,
  triggerVariant = "secondary",
  title,
  children,
}: {
  trigger: string;
  triggerVariant?: ButtonVariant;
  title: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  return (
    <>
      <button type="button" className={buttonClass(triggerVariant)} aria-haspopup="dialog" onClick={() => ref.current?.showModal()}>
        {trigger}
      </button>
      <dialog
        ref={ref}
        aria-labelledby={titleId}
        className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-lg bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
      >
        <div className="p-5">
          <h2 id={titleId} className="text-lg font-semibold">
            {title}
          </h2>
          <div className="mt-3">{children}</div>
        </div>
      </dialog>
    </>
  );
}

/** Closes the dialog it is in (after `onCancel`, e.g. clearing a form's errors). */
export function CancelButton({ onCancel }: { onCancel?: () => void }) {
  return (
    <button
      type="button"
      className={buttonClass("secondary")}
      onClick={(e) => {
        onCancel?.();
        e.currentTarget.closest("dialog")?.close();
      }}
    >
      Cancel
    </button>
  );
}
