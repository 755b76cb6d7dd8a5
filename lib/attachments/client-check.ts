import { describeExtensions, extensionOf, formatBytes, type UploaderConfig } from "./types";

/**
 * The uploader's early refusal, before a byte is sent (the server decides again from the bytes).
 * Returns a message for the person, or null when the file may be sent. Pure: safe in the browser.
 */
export function precheckFile(
  file: { name: string; size: number },
  config: UploaderConfig,
  already: { count: number; bytes: number },
): string | null {
  const ext = extensionOf(file.name);
  const allowed = describeExtensions(config.extensions);
  if (!ext || !config.extensions.includes(ext)) {
    return `"${file.name}" is not an accepted type. Allowed types: ${allowed}.`;
  }
  if (file.size === 0) return `"${file.name}" is empty.`;
  if (file.size > config.maxFileBytes) {
    return `"${file.name}" is ${formatBytes(file.size)}; the limit is ${formatBytes(config.maxFileBytes)} per file.`;
  }
  if (already.count + 1 > config.maxFiles) return `"${file.name}" was not added: at most ${config.maxFiles} files per message.`;
  if (already.bytes + file.size > config.maxTotalBytes) {
    return `"${file.name}" was not added: the files of one message may total at most ${formatBytes(config.maxTotalBytes)}.`;
  }
  return null;
}

/** The message in a JSON error answer from the attachment routes, or a fallback. */
export function errorMessageFrom(status: number, body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: { message?: unknown } };
    if (typeof parsed.error?.message === "string") return parsed.error.message;
  } catch {
    // not JSON: a proxy's error page, a cut connection
  }
  if (status === 413) return "The file is too large.";
  if (status === 401) return "Your session has ended. Sign in again.";
  return `The upload failed (HTTP ${status}). Please try again.`;
}
