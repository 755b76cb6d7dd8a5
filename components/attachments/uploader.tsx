"use client";

import { useCallback, useEffect, useId, useImperativeHandle, useRef, useState, type DragEvent, type Ref } from "react";
import { precheckFile } from "@/lib/attachments/client-check";
import type { AttachmentDto } from "@/lib/attachments/dto";
import { describeExtensions, formatBytes, type UploaderConfig } from "@/lib/attachments/types";
import { FileRow, type Item } from "./file-row";
import { sendFile } from "./send-file";

export type UploadOutcome = { uploaded: AttachmentDto[]; failed: Array<{ name: string; error: string }> };

/** What a form holding a staged uploader can call (`ref`). */
export type UploaderHandle = {
  /** Sends every staged file to `targetUrl` (e.g. `/api/tickets/TKT-…/attachments`). */
  upload(targetUrl: string): Promise<UploadOutcome>;
  /** Files waiting to be sent (staged mode). */
  pendingCount(): number;
  clear(): void;
};

type Props = {
  config: UploaderConfig;
  /** Immediate mode: each file is sent as soon as it is chosen. Omit for staged mode. */
  targetUrl?: string;
  onUploaded?: (attachments: AttachmentDto[]) => void;
  label?: string;
  disabled?: boolean;
  ref?: Ref<UploaderHandle>;
};

let nextKey = 0;

/**
 * Attach files by picker or drag and drop, several at once, with a progress bar and an error per
 * file. Two modes: immediate (`targetUrl`) or staged — files wait until the form that holds the
 * uploader has created the ticket or message and calls `ref.current.upload(url)`.
 */
export function Uploader({ config, targetUrl, onUploaded, label = "Attach files", disabled, ref }: Props) {
  const inputId = useId();
  const hintId = `${inputId}-hint`;
  const [items, setItems] = useState<Item[]>([]);
  const [announcement, setAnnouncement] = useState("");
  const [dragging, setDragging] = useState(false);
  // The handle's methods read the latest items outside render.
  const itemsRef = useRef(items);
  useEffect(() => {
    itemsRef.current = items;
  }, [items]);

  const patch = useCallback((key: number, change: Partial<Item>) => {
    setItems((all) => all.map((it) => (it.key === key ? { ...it, ...change } : it)));
  }, []);

  const send = useCallback(
    async (url: string, batch: Item[]): Promise<UploadOutcome> => {
      const outcome: UploadOutcome = { uploaded: [], failed: [] };
      await Promise.all(
        batch.map(async (item) => {
          patch(item.key, { status: "uploading", progress: 0, error: undefined });
          const result = await sendFile(url, item.file, (progress) => patch(item.key, { progress }));
          if (result.ok) {
            patch(item.key, { status: "done", progress: 1, attachment: result.attachment });
            outcome.uploaded.push(result.attachment);
          } else {
            patch(item.key, { status: "failed", error: result.error });
            outcome.failed.push({ name: item.file.name, error: result.error });
          }
        }),
      );
      if (outcome.failed.length) setAnnouncement(outcome.failed.map((f) => f.error).join(" "));
      else if (outcome.uploaded.length) setAnnouncement(`${outcome.uploaded.length} file${outcome.uploaded.length === 1 ? "" : "s"} attached.`);
      if (outcome.uploaded.length) onUploaded?.(outcome.uploaded);
      return outcome;
    },
    [onUploaded, patch],
  );

  const add = (files: FileList | File[]) => {
    const live = itemsRef.current.filter((it) => it.status !== "rejected" && it.status !== "failed");
    let count = live.length;
    let bytes = live.reduce((sum, it) => sum + it.file.size, 0);
    const added: Item[] = [];
    const errors: string[] = [];
    for (const file of Array.from(files)) {
      const error = precheckFile(file, config, { count, bytes });
      if (error) errors.push(error);
      else {
        count++;
        bytes += file.size;
      }
      added.push({ key: nextKey++, file, status: error ? "rejected" : targetUrl ? "uploading" : "staged", progress: 0, error: error ?? undefined });
    }
    setItems((all) => [...all, ...added]);
    setAnnouncement(errors.join(" "));
    if (targetUrl) void send(targetUrl, added.filter((it) => it.status === "uploading"));
  };

  useImperativeHandle(
    ref,
    () => ({
      upload: (url) => send(url, itemsRef.current.filter((it) => it.status === "staged" || it.status === "failed")),
      pendingCount: () => itemsRef.current.filter((it) => it.status === "staged" || it.status === "failed").length,
      clear: () => setItems([]),
    }),
    [send],
  );

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (!disabled && e.dataTransfer.files.length) add(e.dataTransfer.files);
  };

  return (
    <div className="space-y-2">
      <div
        onDragOver={(e) => {
          e.preventDefault();
          if (!disabled) setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`rounded-md border-2 border-dashed px-4 py-3 text-sm ${dragging ? "border-brand-600 bg-brand-50" : "border-slate-300 bg-white"}`}
      >
        <input
          id={inputId}
          type="file"
          multiple
          accept={config.accept}
          disabled={disabled}
          aria-describedby={hintId}
          className="peer sr-only"
          onChange={(e) => {
            if (e.target.files?.length) add(e.target.files);
            e.target.value = ""; // the same file can be chosen again after removing it
          }}
        />
        <label
          htmlFor={inputId}
          className="inline-flex cursor-pointer items-center rounded-md bg-white px-3 py-1.5 font-semibold text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-600 peer-disabled:cursor-not-allowed peer-disabled:text-slate-400"
        >
          {label}
        </label>
        <span className="ml-2 text-slate-600">or drop files here</span>
        <p id={hintId} className="mt-1 text-xs text-slate-500">
          {describeExtensions(config.extensions)} · up to {formatBytes(config.maxFileBytes)} each, {config.maxFiles} files and {formatBytes(config.maxTotalBytes)} per message
        </p>
      </div>
      {items.length ? (
        <ul className="space-y-1.5" aria-label="Chosen files">
          {items.map((item) => (
            <FileRow key={item.key} item={item} onRemove={() => setItems((all) => all.filter((it) => it.key !== item.key))} />
          ))}
        </ul>
      ) : null}
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </div>
  );
}
