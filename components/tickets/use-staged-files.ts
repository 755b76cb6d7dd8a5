"use client";

import { useRef } from "react";
import type { UploaderHandle } from "@/components/attachments/uploader";

/**
 * The staged uploader of a form that first creates something (a ticket, a message) and then sends
 * the files to it. Returns a sentence about files that did not make it, or null.
 */
export function useStagedFiles() {
  const ref = useRef<UploaderHandle>(null);
  const upload = async (url: string): Promise<{ uploaded: number; problem: string | null }> => {
    const handle = ref.current;
    if (!handle || handle.pendingCount() === 0) return { uploaded: 0, problem: null };
    const outcome = await handle.upload(url);
    if (!outcome.failed.length) return { uploaded: outcome.uploaded.length, problem: null };
    const names = outcome.failed.map((f) => `"${f.name}"`).join(", ");
    return { uploaded: outcome.uploaded.length, problem: `${outcome.failed.length === 1 ? "One file was" : `${outcome.failed.length} files were`} not attached (${names}): ${outcome.failed[0]!.error}` };
  };
  return [ref, { upload, clear: () => ref.current?.clear() }] as const;
}
