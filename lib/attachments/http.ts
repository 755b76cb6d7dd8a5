import { AppError, GENERIC_ERROR } from "@/lib/errors";
import { contentDisposition } from "./filename";
import { statusOf } from "./errors";
import type { AttachmentFile } from "./download";

/** Headers every attachment response carries: nothing is sniffed, cached, scripted or framed. */
const SAFE_HEADERS = {
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

/** Expected failures become a 4xx with a message a person understands; anything else is logged, never leaked. */
export function errorResponse(error: unknown, context: string): Response {
  if (error instanceof AppError) {
    const status = statusOf(error);
    return jsonResponse({ error: { code: error.code, message: error.message } }, status);
  }
  console.error(`[${context}]`, error);
  return jsonResponse({ error: { code: "internal", message: GENERIC_ERROR } }, 500);
}

/**
 * Uploads and deletions are cookie-authenticated: refuse them from another site (SameSite=Lax
 * already withholds the cookie; this is the second lock).
 */
export function assertSameOrigin(request: Request) {
  const site = request.headers.get("sec-fetch-site");
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  let crossOrigin = site === "cross-site";
  if (origin && host) {
    try {
      crossOrigin ||= new URL(origin).host !== host;
    } catch {
      crossOrigin = true;
    }
  }
  if (crossOrigin) throw new AppError("forbidden", "Uploads are only accepted from this site.");
}
