import { env } from "@/lib/env";
import { DEFAULT_TYPE_KEYS, FILE_TYPES, type FileTypeSpec, type UploaderConfig } from "./types";

export type AttachmentConfig = {
  /** Per file. */
  maxFileBytes: number;
  /** Per message (or per ticket body): the sum of its attachments. */
  maxTotalBytes: number;
  /** Per message (or per ticket body). */
  maxFiles: number;
  types: readonly FileTypeSpec[];
};

const MB = 1024 * 1024;
export const DEFAULT_CONFIG = { maxFileBytes: 10 * MB, maxTotalBytes: 25 * MB, maxFiles: 10 } as const;

function positiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`${name} must be a positive whole number of ${name.endsWith("FILES") ? "files" : "bytes"}, not "${raw}".`);
  return n;
}

/** Parses ATTACHMENT_TYPES ("png,jpg,pdf"); anything outside the catalogue (svg, html...) stops the boot. */
export function parseTypes(raw: string | undefined): FileTypeSpec[] {
  if (raw === undefined) return FILE_TYPES.filter((t) => DEFAULT_TYPE_KEYS.includes(t.key));
  const wanted = raw.split(/[\s,]+/).map((s) => s.replace(/^\./, "").toLowerCase()).filter(Boolean);
  const unknown = wanted.filter((w) => !FILE_TYPES.some((t) => t.extensions.includes(w)));
  if (unknown.length) {
    throw new Error(
      `ATTACHMENT_TYPES names types Ticketry cannot check safely: ${unknown.join(", ")}. Choose from ${DEFAULT_TYPE_KEYS.join(", ")} (SVG and HTML are never allowed).`,
    );
  }
  return FILE_TYPES.filter((t) => t.extensions.some((e) => wanted.includes(e)));
}

function fromEnv(): AttachmentConfig {
  const a = env.attachments;
  const config = {
    maxFileBytes: positiveInt("ATTACHMENT_MAX_BYTES", a.maxBytes, DEFAULT_CONFIG.maxFileBytes),
    maxTotalBytes: positiveInt("ATTACHMENT_MAX_TOTAL_BYTES", a.maxTotalBytes, DEFAULT_CONFIG.maxTotalBytes),
    maxFiles: positiveInt("ATTACHMENT_MAX_FILES", a.maxFiles, DEFAULT_CONFIG.maxFiles),
    types: parseTypes(a.types),
  };
  if (config.maxTotalBytes < config.maxFileBytes) config.maxTotalBytes = config.maxFileBytes;
  return config;
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
