import { env } from "@/lib/env";
import type { FileTypeSpec, UploaderConfig } from "./types";

export type AttachmentConfig = {
  /** Per file. */
  maxFileBytes: number;
  /** Per message (or per ticket body): the sum of its attachments. */
  maxTotalBytes: number;
  /** Per message (or per ticket body). */
  maxFiles: number;
  types: readonly FileTypeSpec[];
};

/** The limits and types of ATTACHMENT_* (validated at boot by lib/env.ts, defaults there). */
function fromEnv(): AttachmentConfig {
  return { ...env.attachments };
}

let current: AttachmentConfig | null = null;

export function attachmentConfig(): AttachmentConfig {
  current ??= fromEnv();
  return current;
}

/** Tests only: run with other limits or types. */
export function setAttachmentConfig(overrides: Partial<AttachmentConfig>) {
  current = { ...fromEnv(), ...overrides };
}

export function resetAttachmentConfig() {
  current = null;
}

/** The limits and types for the uploader component (props from a server component). */
export function uploaderConfig(): UploaderConfig {
  const c = attachmentConfig();
  const extensions = c.types.flatMap((t) => t.extensions);
  return {
    extensions,
    accept: [...extensions.map((e) => `.${e}`), ...new Set(c.types.map((t) => t.mime.split(";")[0]!))].join(","),
    maxFileBytes: c.maxFileBytes,
    maxTotalBytes: c.maxTotalBytes,
    maxFiles: c.maxFiles,
  };
}
