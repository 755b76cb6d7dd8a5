/**
 * The catalogue of file types an attachment may have. Pure data, safe to import in client
 * components (the uploader uses it to refuse a file before sending it).
 *
 * A type is decided from the bytes (lib/attachments/sniff.ts); the extension must agree with it.
 * SVG, HTML, XML and scripts are not in the catalogue and cannot be configured in: a browser would
 * run the script inside them.
 */
export type AttachmentKind = "image" | "document";

export type FileTypeSpec = {
  /** The extension a configuration names (ATTACHMENT_TYPES=png,pdf,...). */
  key: string;
  /** Every extension a file of this type may carry. */
  extensions: readonly string[];
  /** The MIME type stored and served (what the bytes are). */
  mime: string;
  /** What file-type reports for these bytes; null for text, which has no magic number. */
  sniffedMime: readonly string[] | null;
  label: string;
  kind: AttachmentKind;
};

export const FILE_TYPES: readonly FileTypeSpec[] = [
  { key: "png", extensions: ["png"], mime: "image/png", sniffedMime: ["image/png"], label: "PNG image", kind: "image" },
  { key: "jpg", extensions: ["jpg", "jpeg"], mime: "image/jpeg", sniffedMime: ["image/jpeg"], label: "JPEG image", kind: "image" },
  { key: "gif", extensions: ["gif"], mime: "image/gif", sniffedMime: ["image/gif"], label: "GIF image", kind: "image" },
  { key: "webp", extensions: ["webp"], mime: "image/webp", sniffedMime: ["image/webp"], label: "WebP image", kind: "image" },
  { key: "pdf", extensions: ["pdf"], mime: "application/pdf", sniffedMime: ["application/pdf"], label: "PDF document", kind: "document" },
  // Legacy Office files are OLE compound files: file-type reports the container, not the application.
  { key: "doc", extensions: ["doc"], mime: "application/msword", sniffedMime: ["application/x-cfb"], label: "Word document", kind: "document" },
  {
    key: "docx",
    extensions: ["docx"],
    mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    sniffedMime: ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    label: "Word document",
    kind: "document",
  },
  { key: "xls", extensions: ["xls"], mime: "application/vnd.ms-excel", sniffedMime: ["application/x-cfb"], label: "Excel spreadsheet", kind: "document" },
  {
    key: "xlsx",
    extensions: ["xlsx"],
    mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    sniffedMime: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    label: "Excel spreadsheet",
    kind: "document",
  },
  { key: "txt", extensions: ["txt"], mime: "text/plain; charset=utf-8", sniffedMime: null, label: "text file", kind: "document" },
  { key: "csv", extensions: ["csv"], mime: "text/csv; charset=utf-8", sniffedMime: null, label: "CSV file", kind: "document" },
  { key: "zip", extensions: ["zip"], mime: "application/zip", sniffedMime: ["application/zip"], label: "ZIP archive", kind: "document" },
];

export const DEFAULT_TYPE_KEYS = FILE_TYPES.map((t) => t.key);

/** The only types served inline (GET /api/attachments/[id]/image) and shown as thumbnails. */
export const RASTER_IMAGE_MIMES: ReadonlySet<string> = new Set(["image/png", "image/jpeg", "image/gif", "image/webp"]);

export const isRasterImage = (mime: string) => RASTER_IMAGE_MIMES.has(mime);

export function typeForExtension(ext: string, allowed: readonly FileTypeSpec[] = FILE_TYPES): FileTypeSpec | undefined {
  const lower = ext.toLowerCase();
  return allowed.find((t) => t.extensions.includes(lower));
}

/** The lower-case extension of a name without the dot, or "" when it has none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 && dot < name.length - 1 ? name.slice(dot + 1).toLowerCase() : "";
}

/** "1.5 MB", "820 KB", "12 bytes": sizes as people read them (1 KB = 1024 bytes). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? "byte" : "bytes"}`;
  const units = ["KB", "MB", "GB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const rounded = value >= 10 ? Math.round(value) : Math.round(value * 10) / 10;
  return `${rounded} ${units[unit]}`;
}

/** What the uploader needs to refuse a file early; the server decides again. Serializable. */
export type UploaderConfig = {
  extensions: string[];
  accept: string;
  maxFileBytes: number;
  maxTotalBytes: number;
  maxFiles: number;
};

/** A short list for people: "PNG, JPG, GIF, PDF". */
export function describeExtensions(extensions: readonly string[]): string {
  return extensions.map((e) => e.toUpperCase()).join(", ");
}
