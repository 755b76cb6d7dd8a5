"use client";

import type { AttachmentDto } from "@/lib/attachments/dto";
import { formatBytes } from "@/lib/attachments/types";

export type Item = {
  key: number;
  file: File;
  status: "staged" | "uploading" | "done" | "failed" | "rejected";
  progress: number;
  error?: string;
  attachment?: AttachmentDto;
};

const STATUS_TEXT: Record<Item["status"], string> = {
  staged: "Ready to send",
  uploading: "Uploading",
  done: "Attached",
  failed: "Not attached",
  rejected: "Not attached",
};

/** One chosen file: name, size, a progress bar while it uploads, and its error if refused. */
export function FileRow({ item, onRemove }: { item: Item; onRemove: () => void }) {
  const errorId = `file-${item.key}-error`;
  const bad = item.status === "failed" || item.status === "rejected";
  return (
    <li className={`rounded-md border px-3 py-2 text-sm ${bad ? "border-red-300 bg-red-50" : "border-slate-200 bg-white"}`} aria-describedby={bad ? errorId : undefined}>
      <div className="flex items-center justify-between gap-3">
        <span className="min-w-0 truncate font-medium text-slate-800" title={item.file.name}>
          {item.file.name}
        </span>
        <span className="shrink-0 text-xs text-slate-500">
          {formatBytes(item.file.size)} · {STATUS_TEXT[item.status]}
        </span>
        {item.status !== "uploading" && item.status !== "done" ? (
          <button type="button" onClick={onRemove} className="shrink-0 text-xs font-medium text-slate-600 underline hover:text-slate-900">
            Remove<span className="sr-only"> {item.file.name}</span>
          </button>
        ) : null}
      </div>
      {item.status === "uploading" ? (
        <progress className="mt-1.5 h-1.5 w-full accent-brand-600" max={100} value={Math.round(item.progress * 100)} aria-label={`Uploading ${item.file.name}`} />
      ) : null}
      {bad && item.error ? (
        <p id={errorId} className="mt-1 text-red-700">
          {item.error}
        </p>
      ) : null}
    </li>
  );
}
