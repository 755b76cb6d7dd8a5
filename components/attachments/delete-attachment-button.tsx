"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { errorMessageFrom } from "@/lib/attachments/client-check";

/** Deletes one attachment (DELETE /api/attachments/[id]) after a confirmation, then refreshes the page. */
export function DeleteAttachmentButton({ id, filename, className = "" }: { id: string; filename: string; className?: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const onClick = async () => {
    if (!window.confirm(`Delete "${filename}"? This cannot be undone.`)) return;
    setPending(true);
    setError(null);
    const res = await fetch(`/api/attachments/${id}`, { method: "DELETE" }).catch(() => null);
    setPending(false);
    if (res?.ok) return router.refresh();
    setError(res ? errorMessageFrom(res.status, await res.text()) : "The connection failed. Try again.");
  };
  return (
    <span className={className}>
      <button
        type="button"
        onClick={onClick}
        disabled={pending}
        className="rounded bg-white/90 px-1.5 text-xs font-medium text-red-700 ring-1 ring-red-200 hover:bg-red-50 disabled:opacity-60"
      >
        {pending ? "Deleting…" : "Delete"}
        <span className="sr-only"> {filename}</span>
      </button>
      {error ? (
        <span role="alert" className="ml-2 text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </span>
  );
}
