import { contentDisposition } from "./filename";
import type { AttachmentFile } from "./download";

/** Headers every attachment response carries: nothing is sniffed, cached, scripted or framed. */
export const SAFE_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Cache-Control": "private, no-store",
  "Content-Security-Policy": "default-src 'none'; sandbox",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Referrer-Policy": "no-referrer",
} as const;

export function fileResponse(file: AttachmentFile, disposition: "attachment" | "inline"): Response {
  return new Response(file.bytes as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: {
      ...SAFE_HEADERS,
      "Content-Type": file.mimeType,
      "Content-Length": String(file.bytes.byteLength),
      "Content-Disposition": contentDisposition(disposition, file.filename),
    },
  });
}

export function jsonResponse(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { ...SAFE_HEADERS } });
}
