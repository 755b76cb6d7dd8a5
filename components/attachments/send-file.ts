import type { AttachmentDto } from "@/lib/attachments/dto";
import { errorMessageFrom } from "@/lib/attachments/client-check";

export type SendResult = { ok: true; attachment: AttachmentDto } | { ok: false; error: string };

/**
 * POSTs one file as multipart/form-data with XMLHttpRequest, because fetch() cannot report upload
 * progress. Resolves (never rejects) with the stored attachment or a message for the person.
 */
export function sendFile(url: string, file: File, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<SendResult> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    const body = new FormData();
    body.append("files", file, file.name);
    xhr.open("POST", url);
    xhr.responseType = "text";
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status === 201) {
        try {
          const parsed = JSON.parse(xhr.responseText) as { attachments: AttachmentDto[] };
          const attachment = parsed.attachments[0];
          if (attachment) return resolve({ ok: true, attachment });
        } catch {
          // fall through to the generic message
        }
      }
      resolve({ ok: false, error: errorMessageFrom(xhr.status, xhr.responseText) });
    };
    xhr.onerror = () => resolve({ ok: false, error: `"${file.name}" did not finish uploading: the connection failed. Try again.` });
    xhr.onabort = () => resolve({ ok: false, error: `The upload of "${file.name}" was cancelled.` });
    signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}
